import { describe, expect } from 'vitest';
import type { ChannelCallback, UserAttrCallback } from '../../src/legacy/server/callbacks';
import { Signal } from '../../src/legacy/Signal';
import { CHANNEL_EVENTS, LOGIN_EVENTS, USER_ATTR_EVENTS } from '../server/serverHarness';
import { APP_ID } from '../support/harness';
import { runBadInputTable, type BadInputCase } from './badInputTable';
import { serverBadWorld, serverStillUsable, type ServerBadWorld } from './serverWorld';

const circular: Record<string, unknown> = {};
circular.self = circular;
const NOT_AN_ID = /not a valid RTM ID/;

const cases: Array<BadInputCase<ServerBadWorld>> = [
  {
    name: 'login(undefined account)',
    act: (w) => w.name(w.signal.login(undefined, '', w.recorder('x', LOGIN_EVENTS)), 'x'),
    events: [['x.onLoginFailed', 'x', 209]],
    warning: NOT_AN_ID,
  },
  {
    name: 'login with an empty callback object: no throw, nothing to call',
    act: (w) => w.signal.login('dave', '', {}),
    events: [],
    warning: null,
  },
  {
    name: 'messageInstantSend to "bad/peer" with a MessageCallback',
    act: (w) => w.alice.messageInstantSend('bad/peer', 'hi', w.messages()),
    events: [['msg.onMessageSendError', 'alice', 400]],
    warning: NOT_AN_ID,
  },
  {
    name: 'messageInstantSend(circular) without a callback: onError',
    act: (w) => w.alice.messageInstantSend('bob', circular),
    events: [['alice.onError', 'alice', 400, expect.stringMatching(/cannot be sent as JSON/)]],
    warning: /cannot be sent as JSON/,
  },
  {
    name: 'messageInstantSend with a string as ttl and a callback: the callback still answers',
    act: (w) => w.alice.messageInstantSend('bob', 'hi', 'ten' as unknown as number, w.messages()),
    events: [['bob.onMessageInstantReceive', 'bob', 'alice', 0, 'hi'], ['msg.onMessageSendSuccess', 'alice']],
    warning: null,
  },
  {
    name: 'channelJoin while logging in: onChannelJoinFailed(1003)',
    act(w) {
      const dave = w.name(w.signal.login('dave', '', {}), 'dave');
      w.name(dave.channelJoin('room', w.recorder<ChannelCallback>('c', CHANNEL_EVENTS)), 'c');
    },
    events: [['c.onChannelJoinFailed', 'dave', 'c', 1003]],
    warning: /channelJoin of "room": not logged in/,
  },
  {
    name: 'channelJoin(null name)',
    act: (w) => w.name(w.alice.channelJoin(null as unknown as string, w.recorder<ChannelCallback>('c', CHANNEL_EVENTS)), 'c'),
    events: [['c.onChannelJoinFailed', 'alice', 'c', 300]],
    warning: NOT_AN_ID,
  },
  {
    name: 'channelSetAttr with a 33-byte name: onError(1004)',
    act: (w) => w.room.channelSetAttr('k'.repeat(33), 'v'),
    events: [['alice.onError', 'alice', 1004, expect.stringMatching(/not 1–32 bytes/)]],
    warning: /not 1–32 bytes/,
  },
  {
    name: 'channelSetAttr with a 9 KB value: onError(1005)',
    act: (w) => w.room.channelSetAttr('k', 'x'.repeat(9000)),
    events: [['alice.onError', 'alice', 1005, expect.stringMatching(/over 8192 bytes/)]],
    warning: /over 8192 bytes/,
  },
  {
    name: 'messageChannelSend(40 KB) with a MessageCallback',
    act: (w) => w.room.messageChannelSend('x'.repeat(40_000), w.messages()),
    events: [['msg.onMessageSendError', 'alice', 400]],
    warning: /over the 32KB limit/,
  },
  {
    name: 'messageChannelSend after channelLeave: onError(400)',
    async prepare(w) {
      w.room.channelLeave();
      await w.flush();
    },
    act: (w) => w.room.messageChannelSend('late'),
    events: [['alice.onError', 'alice', 400, 'not in channel "room"']],
    warning: /not in channel "room"/,
  },
  {
    name: 'channelClearAttr after channelLeave still clears (the legacy call named the channel)',
    async prepare(w) {
      w.room.channelSetAttr('k', 'v');
      await w.flush();
      w.room.channelLeave();
      await w.flush();
    },
    act: (w) => w.room.channelClearAttr(),
    events: [],
    warning: null,
  },
  {
    name: 'Signal.userGetAttr on a Signal with no logged-in session',
    act: (w) =>
      Signal(APP_ID, { rtm: w.rtm, logger: w.logger }).userGetAttr('bob', 'k', w.recorder<UserAttrCallback>('attr', USER_ATTR_EVENTS)),
    events: [
      [
        'attr.onUserGetAttr',
        'not logged in: this Signal has no logged-in session',
        { result: 'failed', reason: 'not logged in: this Signal has no logged-in session' },
      ],
    ],
    warning: null,
  },
  {
    name: 'Signal.channelQueryUserNum of an invalid channel name',
    act: (w) => w.signal.channelQueryUserNum('bad/name', w.recorder<ChannelCallback>('q', CHANNEL_EVENTS)),
    events: [['q.onChannelQueryUserNum', 'bob', expect.stringMatching(NOT_AN_ID), 0]],
    warning: null,
  },
  {
    name: 'channelInviteUser2 to "bad/peer": onInviteFailed(700)',
    act: (w) => w.call('c', 'bad/peer', ''),
    events: [['out.onInviteFailed', 'alice', 'out', 700]],
    warning: /call invite failed: .*not a valid RTM ID/,
  },
  {
    name: 'channelInviteUser2 without a CallCallback: the invitation still rings',
    act: (w) => w.alice.channelInviteUser2('c', 'bob', ''),
    events: [['bob.onInviteReceived', 'bob', 'in']],
    warning: null,
  },
  {
    name: 'channelInviteAccept twice: the second fails with onError(700)',
    async prepare(w) {
      w.call('c', 'bob', '');
      await w.flush();
      w.incoming.at(-1)!.channelInviteAccept('');
      await w.advance(1000);
    },
    act: (w) => w.incoming.at(-1)!.channelInviteAccept(''),
    events: [
      ['bob.onAcceptInviteResult', expect.any(Number), false, 'no incoming invitation to accept'],
      ['bob.onError', 'bob', 700, 'no incoming invitation to accept'],
    ],
    warning: /call accept failed/,
  },
  {
    name: 'logout twice: one onLogout',
    async prepare(w) {
      w.others.set('dave', w.name(w.signal.login('dave', '', w.recorder('dave', LOGIN_EVENTS)), 'dave'));
      await w.flush();
    },
    act(w) {
      w.others.get('dave')!.logout();
      w.others.get('dave')!.logout();
    },
    events: [['dave.onLogout', 'dave', 101]],
    warning: null,
  },
];

describe('bad input, Server dialect', () => {
  runBadInputTable(serverBadWorld, cases, serverStillUsable);
});
