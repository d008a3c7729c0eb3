import { describe, expect } from 'vitest';
import type { FakeRtm } from '../../src/fake';
import type { RtmErrorName, RtmMethodName } from '../../src/rtm/types';
import { APP_ID, CHANNEL_CALLBACKS, SESSION_CALLBACKS, watch } from '../support/harness';
import { runBadInputTable, type BadInputCase, type BadInputWorld } from './badInputTable';
import { answeredCall, nativeBadWorld, nativeStillUsable, type NativeBadWorld } from './nativeWorld';
import { serverBadWorld, serverStillUsable, type ServerBadWorld } from './serverWorld';
import { webStillUsable, webWorld, type WebWorld } from './webWorld';

/**
 * Every RTM method the core calls, failing once (FakeRtm `failNext`), and the legacy failure
 * callback it must end in. Runs on the bad-input table runner: no throw, the exact transcript, one
 * warning or a reason in the callback, and a working session afterwards (which also proves the
 * injected failure was used up by the call under test).
 */
const INJECTED = /Failure injected by FakeRtm\.failNext/;

type FaultWorld = BadInputWorld & { rtm: Pick<FakeRtm, 'failNext' | 'stats'> };

/** A case whose call meets `method` failing once; by default the one warning names the injected error. */
function failing<W extends FaultWorld>(
  method: RtmMethodName,
  code: number,
  c: Omit<BadInputCase<W>, 'name' | 'prepare' | 'warning'> & { name?: string; prepare?: (w: W) => Promise<void>; warning?: RegExp | null },
  name?: RtmErrorName,
): BadInputCase<W> {
  let callsBefore = 0;
  return {
    ...c,
    name: `${method} fails (${name ?? 'code'} ${code})${c.name ? `: ${c.name}` : ''}`,
    warning: c.warning === undefined ? INJECTED : c.warning,
    async prepare(w) {
      await c.prepare?.(w);
      callsBefore = w.rtm.stats()[method] ?? 0;
      w.rtm.failNext(method, code, name);
    },
    verify(w) {
      // The call under test is the one that met the failure.
      expect(w.rtm.stats()[method]).toBe(callsBefore + 1);
      c.verify?.(w);
    },
  };
}

const invokeCb = (w: WebWorld) => (err: string, reply: Record<string, unknown>) => w.transcript.push(['cb', err, reply]);
const injectedReply = ['cb', expect.stringMatching(INJECTED), { result: 'failed', reason: expect.stringMatching(INJECTED) }];

/** Alice calls bob in "c"; the call is ringing at bob. */
async function ringing(w: WebWorld): Promise<void> {
  w.call('c', 'bob', '');
  await w.flush();
}

async function answered(w: WebWorld): Promise<void> {
  await ringing(w);
  w.incoming.at(-1)!.channelInviteAccept('');
  await w.advance(1000);
}

const webCases: Array<BadInputCase<WebWorld>> = [
  failing('login', 1, { act: (w) => watch(w.signal.login('dave', ''), SESSION_CALLBACKS, w.transcript, 'x'), events: [['x.onLoginFailed', 201]] }),
  failing('login', 5, { act: (w) => watch(w.signal.login('dave', ''), SESSION_CALLBACKS, w.transcript, 'x'), events: [['x.onLoginFailed', 206]] }),
  failing('login', 6, { act: (w) => watch(w.signal.login('dave', ''), SESSION_CALLBACKS, w.transcript, 'x'), events: [['x.onLoginFailed', 204]] }),
  failing('login', 3, { act: (w) => watch(w.signal.login('dave', ''), SESSION_CALLBACKS, w.transcript, 'x'), events: [['x.onLoginFailed', 209]] }),
  failing('login', 9, { act: (w) => watch(w.signal.login('dave', ''), SESSION_CALLBACKS, w.transcript, 'x'), events: [['x.onLoginFailed', 201]] }),
  failing('logout', 1, {
    name: 'the logout still completes',
    act: (w) => w.alice.logout(),
    events: [['alice.onLogout', 101]],
    warning: null,
  }),
  failing('renewToken', 1, {
    name: 'one warning, the session carries on',
    options: { tokenProvider: () => '007token' },
    act: (w) => w.rtm.expireToken('alice', 'warn'),
    events: [],
  }),
  failing('createChannel', 1, {
    act: (w) => watch(w.bob.channelJoin('hall')!, CHANNEL_CALLBACKS, w.transcript, 'hall'),
    events: [['hall.onChannelJoinFailed', expect.stringMatching(INJECTED)]],
  }),
  failing('channel.join', 1, {
    act: (w) => watch(w.bob.channelJoin('hall')!, CHANNEL_CALLBACKS, w.transcript, 'hall'),
    events: [['hall.onChannelJoinFailed', expect.stringMatching(INJECTED)]],
  }),
  failing('channel.getMembers', 1, {
    name: 'the join succeeds with a user list of self only',
    act: (w) => watch(w.bob.channelJoin('room')!, CHANNEL_CALLBACKS, w.transcript, 'hall'),
    events: [
      ['room.onChannelUserJoined', 'bob', expect.any(Number)],
      ['hall.onChannelJoined'],
      ['hall.onChannelUserList', [['bob', expect.any(Number)]]],
    ],
  }),
  failing('getChannelAttributes', 1, {
    name: 'the join succeeds without the attribute snapshot',
    async prepare(w) {
      w.room.channelSetAttr('k', 'v');
      await w.flush();
    },
    act: (w) => watch(w.bob.channelJoin('room')!, CHANNEL_CALLBACKS, w.transcript, 'hall'),
    events: [
      ['room.onChannelUserJoined', 'bob', expect.any(Number)],
      ['hall.onChannelJoined'],
      ['hall.onChannelUserList', [['alice', expect.any(Number)], ['bob', expect.any(Number)]]],
    ],
  }),
  failing('channel.leave', 1, {
    name: 'the leave still completes locally, as legacy',
    act: (w) => w.room.channelLeave(),
    events: [['room.onChannelLeaved', 0]],
    warning: null,
  }),
  failing('channel.sendMessage', 1, {
    name: 'cb() and no echo',
    act: (w) => w.room.messageChannelSend('x', () => w.transcript.push(['cb'])),
    events: [['cb']],
  }),
  failing('sendMessageToPeer', 1, {
    act: (w) => w.alice.messageInstantSend('bob', 'x', (failed) => w.transcript.push(['cb', failed])),
    events: [['cb', true]],
  }),
  failing(
    'sendMessageToPeer',
    2,
    { act: (w) => w.alice.messageInstantSend('bob', 'x', (failed) => w.transcript.push(['cb', failed])), events: [['cb', true]] },
    'RtmTimeoutError',
  ),
  failing('addOrUpdateChannelAttributes', 1, { act: (w) => w.room.channelSetAttr('k', 'v', () => w.transcript.push(['cb'])), events: [['cb']] }),
  failing('deleteChannelAttributesByKeys', 1, {
    async prepare(w) {
      w.room.channelSetAttr('k', 'v');
      await w.flush();
    },
    act: (w) => w.room.channelDelAttr('k', () => w.transcript.push(['cb'])),
    events: [['cb']],
  }),
  failing('clearChannelAttributes', 1, { act: (w) => w.room.channelClearAttr(() => w.transcript.push(['cb'])), events: [['cb']] }),
  ...(
    [
      ['queryPeersOnlineStatus', 'user_query_user_status', { account: 'bob' }],
      ['addOrUpdateLocalUserAttributes', 'user_set_attr', { name: 'k', value: 'v' }],
      ['deleteLocalUserAttributesByKeys', 'user_set_attr', { name: 'k', value: '' }],
      ['getUserAttributes', 'user_get_attr_all', { account: 'bob' }],
      ['getUserAttributesByKeys', 'user_get_attr', { account: 'bob', name: 'k' }],
      ['getChannelMemberCount', 'channel_query_num', { name: 'room' }],
      ['createChannel', 'channel_query_userlist', { name: 'hall' }],
      ['channel.join', 'channel_query_userlist', { name: 'hall' }],
      ['channel.getMembers', 'channel_query_user_isin', { name: 'hall', account: 'bob' }],
    ] as const
  ).map(([method, func, args]) =>
    failing<WebWorld>(method, 1, {
      name: `invoke ${func}`,
      act: (w) => w.alice.invoke(`io.agora.signal.${func}`, args, invokeCb(w)),
      events: [injectedReply],
      warning: null,
    }),
  ),
  failing('channel.leave', 1, {
    name: 'a query by transient join still answers',
    act: (w) => w.alice.invoke('io.agora.signal.channel_query_userlist', { name: 'hall' }, invokeCb(w)),
    events: [['cb', '', { result: 'ok', name: 'hall', num: 0, list: [] }]],
    warning: null,
  }),
  failing('createLocalInvitation', 1, { act: (w) => w.call('c', 'bob', ''), events: [['out.onInviteFailed', expect.stringMatching(INJECTED)]] }),
  failing('invitation.send', 1, { act: (w) => w.call('c', 'bob', ''), events: [['out.onInviteFailed', expect.stringMatching(INJECTED)]] }),
  failing('queryPeersOnlineStatus', 1, {
    name: 'a call with _require_peer_online',
    act: (w) => w.call('c', 'bob', '{"_require_peer_online":1}'),
    events: [['out.onInviteFailed', expect.stringMatching(INJECTED)]],
  }),
  failing('invitation.cancel', 1, {
    name: 'onInviteEndByMyself, and the callee keeps ringing',
    prepare: ringing,
    act: (w) => w.outgoing.at(-1)!.channelInviteEnd(''),
    events: [['out.onInviteEndByMyself', '']],
  }),
  failing('invitation.accept', 1, {
    prepare: ringing,
    act: (w) => w.incoming.at(-1)!.channelInviteAccept(''),
    events: [['in.onAcceptInviteResult', expect.any(Number), false, expect.stringMatching(INJECTED)]],
  }),
  failing('invitation.refuse', 1, {
    prepare: ringing,
    act: (w) => w.incoming.at(-1)!.channelInviteRefuse(''),
    events: [['in.onRejectInviteResult', expect.any(Number), false, expect.stringMatching(INJECTED)]],
  }),
  failing('sendMessageToPeer', 1, {
    name: 'the end-call message after the answer: the end is reported failed',
    prepare: answered,
    act: (w) => w.incoming.at(-1)!.channelInviteEnd('bye'),
    events: [
      ['in.onInviteEndByMyself', ''],
      ['in.onCancelInviteResult', expect.any(Number), false, expect.stringMatching(INJECTED)],
    ],
  }),
];

const serverCases: Array<BadInputCase<ServerBadWorld>> = [
  failing('login', 4, {
    name: 'Server reports 202 as it is',
    act: (w) => w.name(w.signal.login('dave', '', w.recorder('x', ['onLoginFailed'])), 'x'),
    events: [['x.onLoginFailed', 'x', 202]],
  }),
  failing(
    'sendMessageToPeer',
    2,
    { act: (w) => w.alice.messageInstantSend('bob', 'x', w.messages()), events: [['msg.onMessageSendError', 'alice', 401]] },
    'RtmTimeoutError',
  ),
  failing('channel.join', 1, {
    name: 'onChannelJoinFailed(300), the reason in the log',
    act: (w) => w.bob.channelJoin('hall', w.recorder('hall', ['onChannelJoinFailed'])),
    events: [['hall.onChannelJoinFailed', 'bob', expect.anything(), 300]],
  }),
  failing('channel.sendMessage', 1, {
    act: (w) => w.room.messageChannelSend('x', w.messages()),
    events: [['msg.onMessageSendError', 'alice', 400]],
  }),
  failing('addOrUpdateChannelAttributes', 1, {
    act: (w) => w.room.channelSetAttr('k', 'v'),
    events: [['alice.onError', 'alice', 1001, expect.stringMatching(INJECTED)]],
  }),
  failing('getChannelMemberCount', 1, {
    act: (w) => w.signal.channelQueryUserNum('room', { onChannelQueryUserNum: (...args: unknown[]) => w.transcript.push(['q', ...args.map(w.label)]) }),
    events: [['q', 'bob', expect.stringMatching(INJECTED), 0]],
    warning: null,
  }),
  failing('invitation.cancel', 1, {
    name: 'onError(700) besides onInviteEndByMyself',
    async prepare(w) {
      w.call('c', 'bob', '');
      await w.flush();
    },
    act: (w) => w.outgoing.at(-1)!.channelInviteEnd(''),
    events: [
      ['out.onInviteEndByMyself', 'alice', 'out', ''],
      ['alice.onError', 'alice', 700, expect.stringMatching(INJECTED)],
    ],
  }),
];

const nativeCases: Array<BadInputCase<NativeBadWorld>> = [
  failing('login', 4, {
    act(w) {
      w.early().login(APP_ID, 'dave', '_no_need_token', 0, '');
    },
    events: [['early.onLoginFailed', 202]],
  }),
  failing(
    'sendMessageToPeer',
    2,
    { act: (w) => w.alice.messageInstantSend('bob', 0, 'x', 'm1'), events: [['alice.onMessageSendError', 'm1', 401]] },
    'RtmTimeoutError',
  ),
  failing('createChannel', 1, {
    name: 'messageChannelSendForce to a channel not joined',
    act: (w) => w.alice.messageChannelSendForce('hall', 'x', 'f1'),
    events: [['alice.onMessageSendError', 'f1', 400]],
  }),
  failing('channel.sendMessage', 1, {
    name: 'messageChannelSendForce: the brief membership still ends',
    act: (w) => w.alice.messageChannelSendForce('hall', 'x', 'f2'),
    events: [['alice.onMessageSendError', 'f2', 400]],
    verify: (w) => expect(w.rtm.stats()['channel.leave']).toBe(1),
  }),
  failing('getChannelMemberCount', 1, {
    act: (w) => w.alice.channelQueryUserNum('room'),
    events: [['alice.onChannelQueryUserNumResult', 'room', 500, 0]],
    warning: null,
  }),
  failing('clearChannelAttributes', 1, {
    act: (w) => w.alice.channelClearAttr('room'),
    events: [['alice.onError', 'channel_clear_attr', 1001, expect.stringMatching(INJECTED)]],
  }),
  failing('invitation.accept', 1, {
    async prepare(w) {
      w.alice.channelInviteUser2('c', 'bob', '');
      await w.flush();
    },
    act: (w) => w.bob.channelInviteAccept('c', 'alice', 0, ''),
    events: [['bob.onError', 'channel_invite_accept', 700, expect.stringMatching(INJECTED)]],
  }),
  failing('sendMessageToPeer', 1, {
    name: 'the end-call message after the answer',
    prepare: answeredCall,
    act: (w) => w.alice.channelInviteEnd('c', 'bob', 0),
    events: [
      ['alice.onInviteEndByMyself', 'c', 'bob', expect.any(Number)],
      ['alice.onError', 'channel_invite_end', 700, expect.stringMatching(INJECTED)],
    ],
  }),
];

describe('RTM failures, Web dialect', () => {
  runBadInputTable(webWorld, webCases, webStillUsable);
});

describe('RTM failures, Server dialect', () => {
  runBadInputTable(serverBadWorld, serverCases, serverStillUsable);
});

describe('RTM failures, native dialect', () => {
  runBadInputTable(nativeBadWorld, nativeCases, nativeStillUsable);
});
