import { describe, expect } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { CHANNEL_CALLBACKS, SESSION_CALLBACKS, watch } from '../support/harness';
import { runBadInputTable, type BadInputCase } from './badInputTable';
import { webStillUsable, webWorld, type WebWorld } from './webWorld';

const circular: Record<string, unknown> = {};
circular.self = circular;
const NOT_AN_ID = /not a valid RTM ID/;
const failedJson = (reason: string, ecode: number) => JSON.stringify({ reason, ecode });
const INVALID_RTM_ID = (id: string) =>
  `"${id}" is not a valid RTM ID (RTM IDs are 1–64 characters of ASCII letters, digits, spaces and !#$%&()+,.:;<=>?@[]^_{|}~- and not "null")`;

/** Logs `account` in on alice's Signal, recorded as `x`. */
function loginAs(w: WebWorld, account: unknown, token: unknown = '_no_need_token') {
  const session = w.signal.login(account, token);
  watch(session, SESSION_CALLBACKS, w.transcript, 'x');
  return session;
}

function send(w: WebWorld, peer: unknown, msg: unknown) {
  w.alice.messageInstantSend(peer, msg, (failed) => w.transcript.push(['cb', failed]));
}

function invoke(w: WebWorld, func: unknown, args: unknown) {
  w.alice.invoke(func, args, (err, reply) => w.transcript.push(['cb', err, reply]));
}

const cases: Array<BadInputCase<WebWorld>> = [
  // Accounts
  { name: 'login(undefined)', act: (w) => loginAs(w, undefined), events: [['x.onLoginFailed', 209]], warning: NOT_AN_ID },
  { name: 'login(null): "null" is refused by RTM', act: (w) => loginAs(w, null), events: [['x.onLoginFailed', 209]], warning: NOT_AN_ID },
  { name: 'login("")', act: (w) => loginAs(w, ''), events: [['x.onLoginFailed', 209]], warning: NOT_AN_ID },
  { name: 'login(65 characters): legacy allowed 128, RTM 64', act: (w) => loginAs(w, 'a'.repeat(65)), events: [['x.onLoginFailed', 209]], warning: NOT_AN_ID },
  { name: 'login("a/b"): a character outside RTM IDs', act: (w) => loginAs(w, 'a/b'), events: [['x.onLoginFailed', 209]], warning: NOT_AN_ID },
  { name: 'login(non-ASCII), strict', act: (w) => loginAs(w, '李雷'), events: [['x.onLoginFailed', 209]], warning: NOT_AN_ID },
  {
    name: "login(non-ASCII) with idCodec: 'escape' works",
    options: { idCodec: 'escape' },
    act: (w) => loginAs(w, '李雷 / lei'),
    events: [['x.onLoginSuccess', accountUid('李雷 / lei')]],
    warning: null,
  },
  {
    name: "login(7 CJK characters) with idCodec: 'escape' fits in 64 once escaped",
    options: { idCodec: 'escape' },
    act: (w) => loginAs(w, '李'.repeat(7)),
    events: [['x.onLoginSuccess', accountUid('李'.repeat(7))]],
    warning: null,
  },
  {
    name: "login(8 CJK characters) with idCodec: 'escape' is too long once escaped",
    options: { idCodec: 'escape' },
    act: (w) => loginAs(w, '李'.repeat(8)),
    events: [['x.onLoginFailed', 209]],
    warning: /too long once escaped/,
  },
  {
    name: 'login("alice smith"): spaces are valid on RTM and accepted',
    act: (w) => loginAs(w, 'alice smith'),
    events: [['x.onLoginSuccess', accountUid('alice smith')]],
    warning: null,
  },
  { name: 'login({id: 1}): stringified, then refused', act: (w) => loginAs(w, { id: 1 }), events: [['x.onLoginFailed', 209]], warning: NOT_AN_ID },
  {
    name: 'login with an object as token: not sent to RTM, one warning',
    act: (w) => loginAs(w, 'dave', { token: 1 }),
    events: [['x.onLoginSuccess', accountUid('dave')]],
    warning: /legacy Signaling token is not valid on RTM/,
  },
  // Peer messages
  { name: 'messageInstantSend(undefined peer)', act: (w) => send(w, undefined, 'hi'), events: [['cb', true]], warning: NOT_AN_ID },
  { name: 'messageInstantSend("bad/peer")', act: (w) => send(w, 'bad/peer', 'hi'), events: [['cb', true]], warning: NOT_AN_ID },
  { name: 'messageInstantSend(circular object)', act: (w) => send(w, 'bob', circular), events: [['cb', true]], warning: /cannot be sent as JSON/ },
  { name: 'messageInstantSend(BigInt)', act: (w) => send(w, 'bob', 10n), events: [['cb', true]], warning: /cannot be sent as JSON/ },
  { name: 'messageInstantSend(40 KB): over RTM\'s 32 KB', act: (w) => send(w, 'bob', 'x'.repeat(40_000)), events: [['cb', true]], warning: /over the 32KB limit/ },
  {
    name: 'messageInstantSend with a non-function cb: still sent',
    act: (w) => w.alice.messageInstantSend('bob', 'hi', 'not a function' as unknown as () => void),
    events: [['bob.onMessageInstantReceive', 'alice', 0, 'hi']],
    warning: null,
  },
  {
    name: "messageInstantSend to a non-ASCII peer with idCodec: 'escape'",
    options: { idCodec: 'escape' },
    async prepare(w) {
      loginAs(w, '李雷');
      await w.flush();
    },
    act: (w) => send(w, '李雷', 'hi'),
    events: [['x.onMessageInstantReceive', 'alice', 0, 'hi'], ['cb', false]],
    warning: null,
  },
  // Channels
  {
    name: 'channelJoin(undefined)',
    act: (w) => watch(w.alice.channelJoin(undefined)!, CHANNEL_CALLBACKS, w.transcript, 'c'),
    events: [['c.onChannelJoinFailed', INVALID_RTM_ID('')]],
    warning: NOT_AN_ID,
  },
  {
    name: 'channelJoin(65 characters)',
    act: (w) => watch(w.alice.channelJoin('r'.repeat(65))!, CHANNEL_CALLBACKS, w.transcript, 'c'),
    events: [['c.onChannelJoinFailed', INVALID_RTM_ID('r'.repeat(65))]],
    warning: NOT_AN_ID,
  },
  {
    name: 'channelJoin of a special channel RTM lacks',
    act: (w) => watch(w.alice.channelJoin('__agora_channel_event')!, CHANNEL_CALLBACKS, w.transcript, 'c'),
    events: [['c.onChannelJoinFailed', 'special channel "__agora_channel_event" is not available on RTM']],
    warning: /not available on RTM/,
  },
  {
    name: 'channelJoin while logging in returns undefined, as legacy',
    act: (w) => w.signal.login('dave', '').channelJoin('room'),
    returns: undefined,
    events: [],
    warning: /You should log in first/,
  },
  {
    name: 'messageChannelSend(circular object): cb(), no echo',
    act: (w) => w.room.messageChannelSend(circular, () => w.transcript.push(['cb'])),
    events: [['cb']],
    warning: /messageChannelSend to "room" failed: the message cannot be sent as JSON/,
  },
  {
    name: 'messageChannelSend(40 KB)',
    act: (w) => w.room.messageChannelSend('x'.repeat(40_000), () => w.transcript.push(['cb'])),
    events: [['cb']],
    warning: /messageChannelSend to "room" failed: .*over the 32KB limit/,
  },
  {
    name: 'messageChannelSend after channelLeave',
    async prepare(w) {
      w.room.channelLeave();
      await w.flush();
    },
    act: (w) => w.room.messageChannelSend('late', () => w.transcript.push(['cb'])),
    events: [['cb']],
    warning: /not in channel "room"/,
  },
  // Channel attributes
  {
    name: 'channelSetAttr with a 33-byte name',
    act: (w) => w.room.channelSetAttr('k'.repeat(33), 'v', () => w.transcript.push(['cb'])),
    events: [['cb']],
    warning: /attribute name "k{33}" is not 1–32 bytes/,
  },
  {
    name: 'channelSetAttr(undefined name)',
    act: (w) => w.room.channelSetAttr(undefined, 'v', () => w.transcript.push(['cb'])),
    events: [['cb']],
    warning: /attribute name "" is not 1–32 bytes/,
  },
  {
    name: 'channelSetAttr with a 9 KB value fails alone; a valid set queued with it still lands',
    act(w) {
      w.room.channelSetAttr('ok', '1', () => w.transcript.push(['cb ok']));
      w.room.channelSetAttr('big', 'x'.repeat(9000), () => w.transcript.push(['cb big']));
      w.room.channelSetAttr('ok2', '2', () => w.transcript.push(['cb ok2']));
    },
    // Each cb in the order of the calls: the refused one answers in its turn, with the batch it was queued in.
    events: [
      ['room.onChannelAttrUpdated', 'ok', '1', 'update'],
      ['cb ok'],
      ['room.onChannelAttrUpdated', 'ok2', '2', 'update'],
      ['cb big'],
      ['cb ok2'],
    ],
    warning: /the value of attribute "big" is over 8192 bytes/,
  },
  {
    name: 'channelDelAttr("")',
    act: (w) => w.room.channelDelAttr('', () => w.transcript.push(['cb'])),
    events: [['cb']],
    warning: /attribute name "" is not 1–32 bytes/,
  },
  // invoke
  {
    name: 'invoke of an unknown name',
    act: (w) => invoke(w, 'foo.bar', {}),
    events: [['cb', 'unknown invoke function "foo.bar": only io.agora.signal.* functions exist', { result: 'failed', reason: 'unknown invoke function "foo.bar": only io.agora.signal.* functions exist' }]],
    warning: null,
  },
  {
    name: 'invoke(undefined, undefined)',
    act: (w) => invoke(w, undefined, undefined),
    events: [['cb', 'unknown invoke function "undefined": only io.agora.signal.* functions exist', { result: 'failed', reason: 'unknown invoke function "undefined": only io.agora.signal.* functions exist' }]],
    warning: null,
  },
  {
    name: 'invoke of an io.agora.signal name RTM has no counterpart for',
    act: (w) => invoke(w, 'io.agora.signal.user_sendmsg', {}),
    events: [['cb', 'invoke function "io.agora.signal.user_sendmsg" has no RTM counterpart', { result: 'failed', reason: 'invoke function "io.agora.signal.user_sendmsg" has no RTM counterpart' }]],
    warning: null,
  },
  {
    name: 'invoke user_query_user_status with null args',
    act: (w) => invoke(w, 'io.agora.signal.user_query_user_status', null),
    events: [['cb', 'account is missing', { result: 'failed', reason: 'account is missing' }]],
    warning: null,
  },
  {
    name: 'invoke user_set_attr with a 9 KB value',
    act: (w) => invoke(w, 'io.agora.signal.user_set_attr', { name: 'k', value: 'x'.repeat(9000) }),
    events: [['cb', expect.stringMatching(/over the limit of 8192 bytes/), { result: 'failed', reason: expect.stringMatching(/8192/) }]],
    warning: null,
  },
  {
    name: 'invoke channel_set_attr with no name',
    act: (w) => invoke(w, 'io.agora.signal.channel_set_attr', { channel: 'elsewhere', value: 'v' }),
    events: [['cb', 'attribute name "" is not 1–32 bytes, which RTM requires', { result: 'failed', reason: 'attribute name "" is not 1–32 bytes, which RTM requires' }]],
    warning: null,
  },
  // Calls
  {
    name: 'channelInviteUser2 to "bad/peer"',
    act: (w) => w.call('c', 'bad/peer', ''),
    events: [['out.onInviteFailed', failedJson(INVALID_RTM_ID('bad/peer'), 700)]],
    warning: /call invite failed: .*not a valid RTM ID/,
  },
  {
    name: 'channelInviteUser2(undefined, undefined)',
    act: (w) => w.call(undefined, undefined),
    events: [['out.onInviteFailed', failedJson(INVALID_RTM_ID(''), 700)]],
    warning: /call invite failed/,
  },
  {
    name: 'channelInviteUser2 with a 9 KB extra: over RTM\'s 8 KB content',
    act: (w) => w.call('c', 'bob', 'x'.repeat(9000)),
    events: [['out.onInviteFailed', expect.stringMatching(/representing content must not exceed 8 × 1024/)]],
    warning: /call invite failed: .*8 × 1024/,
  },
  {
    name: 'channelInviteUser2 with a non-JSON extra: carried verbatim',
    act: (w) => w.call('c', 'bob', '{not json'),
    events: [['bob.onInviteReceived', 'c', 'alice', '{not json'], ['out.onInviteReceivedByPeer', '']],
    warning: null,
  },
  {
    name: 'channelInviteEnd right after channelInviteUser2: the invitation never leaves',
    act: (w) => w.call('c', 'bob', '').channelInviteEnd(''),
    events: [['out.onInviteEndByMyself', '']],
    warning: null,
  },
  {
    name: 'channelInviteAccept after the caller cancelled',
    async prepare(w) {
      const call = w.call('c', 'bob', '');
      await w.flush();
      call.channelInviteEnd('');
      await w.flush();
    },
    act: (w) => w.incoming.at(-1)!.channelInviteAccept(''),
    events: [['in.onAcceptInviteResult', expect.any(Number), false, 'no incoming invitation to accept']],
    warning: /call accept failed: no incoming invitation to accept/,
  },
  {
    name: 'channelInviteAccept with a 9 KB extra: over RTM\'s 8 KB response; the call keeps ringing',
    async prepare(w) {
      w.call('c', 'bob', '');
      await w.flush();
    },
    act: (w) => w.incoming.at(-1)!.channelInviteAccept('x'.repeat(9000)),
    events: [['in.onAcceptInviteResult', expect.any(Number), false, expect.stringMatching(/8 × 1024/)]],
    warning: /call accept failed: .*8 × 1024/,
  },
  {
    name: 'channelInviteUser2 with an object extra: _require_peer_online honoured, JSON carried',
    act: (w) => w.call('c', 'carol', { _require_peer_online: 1 }),
    events: [['out.onInviteFailed', failedJson('peer offline', 703)]],
    warning: /call invite failed: peer offline/,
  },
  {
    name: 'channelInviteAccept twice',
    async prepare(w) {
      w.call('c', 'bob', '');
      await w.flush();
      w.incoming.at(-1)!.channelInviteAccept('');
      await w.advance(1000);
    },
    act: (w) => w.incoming.at(-1)!.channelInviteAccept(''),
    events: [['in.onAcceptInviteResult', expect.any(Number), false, 'no incoming invitation to accept']],
    warning: /call accept failed/,
  },
  {
    name: 'channelInviteRefuse after accepting',
    async prepare(w) {
      w.call('c', 'bob', '');
      await w.flush();
      w.incoming.at(-1)!.channelInviteAccept('');
      await w.advance(1000);
    },
    act: (w) => w.incoming.at(-1)!.channelInviteRefuse(''),
    events: [['in.onRejectInviteResult', expect.any(Number), false, 'no incoming invitation to refuse']],
    warning: /call refuse failed/,
  },
  {
    name: 'channelInviteEnd twice: onInviteEndByMyself each time, one end for the peer',
    async prepare(w) {
      w.call('c', 'bob', '');
      await w.flush();
      w.incoming.at(-1)!.channelInviteAccept('');
      await w.advance(1000);
    },
    act(w) {
      const call = w.incoming.at(-1)!;
      call.channelInviteEnd('bye');
      call.channelInviteEnd('again');
    },
    events: [
      ['in.onInviteEndByMyself', ''],
      ['in.onInviteEndByMyself', ''],
      // The result follows RTM's ack, which comes once the peer has the end-call message.
      ['out.onInviteEndByPeer', 'bye'],
      ['in.onCancelInviteResult', expect.any(Number), true, ''],
    ],
    warning: null,
  },
  // After logout
  {
    name: 'messageInstantSend after logout: cb(true)',
    prepare: (w) => w.logOutCarol(),
    act: (w) => w.gone.session!.messageInstantSend('bob', 'x', (failed) => w.transcript.push(['cb', failed])),
    events: [['cb', true]],
    warning: /messageInstantSend to "bob": not logged in/,
  },
  {
    name: 'channelJoin after logout returns undefined',
    prepare: (w) => w.logOutCarol(),
    act: (w) => w.gone.session!.channelJoin('room'),
    returns: undefined,
    events: [],
    warning: /You should log in first/,
  },
  {
    name: 'invoke after logout',
    prepare: (w) => w.logOutCarol(),
    act: (w) => w.gone.session!.invoke('io.agora.signal.user_query_user_status', { account: 'bob' }, (err, reply) => w.transcript.push(['cb', err, reply])),
    events: [['cb', 'not logged in', { result: 'failed', reason: 'not logged in' }]],
    warning: null,
  },
  {
    name: 'channelInviteUser2 after logout',
    prepare: (w) => w.logOutCarol(),
    act(w) {
      const call = w.gone.session!.channelInviteUser2('c', 'bob', '');
      watch(call, ['onInviteFailed'], w.transcript, 'out');
    },
    events: [['out.onInviteFailed', failedJson('not logged in', 700)]],
    warning: /call invite failed: not logged in/,
  },
  {
    name: 'logout after logout: nothing more',
    prepare: (w) => w.logOutCarol(),
    act: (w) => w.gone.session!.logout(),
    events: [],
    warning: null,
  },
  {
    name: 'messageChannelSend on a channel of a logged-out session',
    prepare: (w) => w.logOutCarol(),
    act: (w) => w.gone.channel!.messageChannelSend('late', () => w.transcript.push(['cb'])),
    events: [['cb']],
    warning: /not in channel "hall"/,
  },
];

describe('bad input, Web dialect', () => {
  runBadInputTable(webWorld, cases, webStillUsable);
});
