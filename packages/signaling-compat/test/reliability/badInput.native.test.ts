import { describe, expect } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { AgoraAPI } from '../../src/legacy/native/AgoraAPI';
import { APP_ID } from '../support/harness';
import { runBadInputTable, type BadInputCase } from './badInputTable';
import { answeredCall, nativeBadWorld, nativeStillUsable, type NativeBadWorld } from './nativeWorld';

const circular: Record<string, unknown> = {};
circular.self = circular;
const NOT_AN_ID = /not a valid RTM ID/;
const uid = accountUid;

const cases: Array<BadInputCase<NativeBadWorld>> = [
  // Before login
  {
    name: 'channelJoin before login: onChannelJoinFailed(1003)',
    act: (w) => w.early().channelJoin('room'),
    events: [['early.onChannelJoinFailed', 'room', 1003]],
    warning: null,
  },
  {
    name: 'messageInstantSend before login: onMessageSendError(400)',
    act: (w) => w.early().messageInstantSend('bob', 0, 'x', 'm1'),
    events: [['early.onMessageSendError', 'm1', 400]],
    warning: /message "m1" not sent: not logged in/,
  },
  {
    name: 'queryUserStatus before login: onError("query_user_status", 1003, …)',
    act: (w) => w.early().queryUserStatus('bob'),
    events: [['early.onError', 'query_user_status', 1003, 'not logged in']],
    warning: null,
  },
  {
    name: 'invoke before login: onInvokeRet(callID, err, failed JSON)',
    act: (w) => w.early().invoke('io.agora.signal.user_query_user_status', '{"account":"bob"}', 'q1'),
    events: [['early.onInvokeRet', 'q1', 'not logged in', '{"result":"failed","reason":"not logged in"}']],
    warning: null,
  },
  {
    name: 'channelInviteUser2 before login: onInviteFailed(…, 700, …) and 0',
    act: (w) => w.early().channelInviteUser2('c', 'bob', ''),
    returns: 0,
    events: [['early.onInviteFailed', 'c', 'bob', 0, 700, '{"reason":"not logged in","ecode":700}']],
    warning: null,
  },
  {
    name: 'channelLeave of a channel never joined: onError("channel_leave", 600, …)',
    act: (w) => w.alice.channelLeave('nowhere'),
    events: [['alice.onError', 'channel_leave', 600, 'not in channel "nowhere"']],
    warning: null,
  },
  // Login
  {
    name: 'login2 with an invalid account: onLoginFailed(209)',
    act: (w) => w.early().login2(APP_ID, 'bad/account', '_no_need_token', 0, '', 5, 1),
    events: [['early.onLoginFailed', 209]],
    warning: NOT_AN_ID,
  },
  {
    name: 'login while logged in is ignored, with a warning',
    act: (w) => w.alice.login(APP_ID, 'alice', '_no_need_token', 0, ''),
    events: [],
    warning: /already logging in or logged in/,
  },
  {
    name: 'getInstance again with other options keeps the first ones, with a warning',
    prepare: async (w) => {
      AgoraAPI.getInstance('reliability-app', { logger: w.logger, singleChannel: true });
    },
    act: (w) => AgoraAPI.getInstance('reliability-app', { logger: w.logger, singleChannel: false }).destroy(),
    events: [],
    warning: /an instance exists; its options are kept/,
  },
  // Channels and messages
  {
    name: 'channelJoin of an invalid name: onChannelJoinFailed(300)',
    act: (w) => w.alice.channelJoin('bad/name'),
    events: [['alice.onChannelJoinFailed', 'bad/name', 300]],
    warning: NOT_AN_ID,
  },
  {
    name: 'messageChannelSend(circular)',
    act: (w) => w.alice.messageChannelSend('room', circular, 'c1'),
    events: [['alice.onMessageSendError', 'c1', 400]],
    warning: /cannot be sent as JSON/,
  },
  {
    name: 'messageChannelSendForce(circular) to a channel not joined',
    act: (w) => w.alice.messageChannelSendForce('hall', circular, 'f1'),
    events: [['alice.onMessageSendError', 'f1', 400]],
    warning: /messageChannelSendForce failed: the message cannot be sent as JSON/,
  },
  {
    name: 'messageChannelSendForce to an invalid channel name',
    act: (w) => w.alice.messageChannelSendForce('bad/name', 'x', 'f2'),
    events: [['alice.onMessageSendError', 'f2', 400]],
    warning: NOT_AN_ID,
  },
  {
    name: 'messageInstantSend(BigInt)',
    act: (w) => w.alice.messageInstantSend('bob', 0, 10n, 'm2'),
    events: [['alice.onMessageSendError', 'm2', 400]],
    warning: /cannot be sent as JSON/,
  },
  {
    name: 'channelSetAttr with a 9 KB value: onError("channel_set_attr", …)',
    act: (w) => w.alice.channelSetAttr('room', 'k', 'x'.repeat(9000)),
    events: [['alice.onError', 'channel_set_attr', 1001, expect.stringMatching(/over 8192 bytes/)]],
    warning: /over 8192 bytes/,
  },
  {
    name: 'channelDelAttr with an empty name, channel not joined',
    act: (w) => w.alice.channelDelAttr('hall', ''),
    events: [['alice.onError', 'channel_del_attr', 1001, expect.stringMatching(/not 1–32 bytes/)]],
    warning: null,
  },
  // Queries
  {
    name: 'invoke of an unknown name',
    act: (w) => w.alice.invoke('no.such.function', '{}', 'q2'),
    events: [['alice.onInvokeRet', 'q2', expect.stringMatching(/unknown invoke function/), expect.stringMatching(/"result":"failed"/)]],
    warning: null,
  },
  {
    name: 'invoke with a request that is not JSON',
    act: (w) => w.alice.invoke('io.agora.signal.user_query_user_status', '{account: bob', 'q3'),
    events: [['alice.onInvokeRet', 'q3', 'account is missing', '{"result":"failed","reason":"account is missing"}']],
    warning: null,
  },
  {
    name: 'getUserAttr of an invalid account',
    act: (w) => w.alice.getUserAttr('bad/account', 'k'),
    events: [['alice.onError', 'user_get_attr', 1001, expect.stringMatching(NOT_AN_ID)]],
    warning: null,
  },
  // Calls
  {
    name: 'channelInviteAccept with no such call: 0 and onError("channel_invite_accept", 700, …)',
    act: (w) => w.bob.channelInviteAccept('c', 'alice', 0, ''),
    returns: 0,
    events: [['bob.onError', 'channel_invite_accept', 700, 'no call from "alice" in channel "c"']],
    warning: null,
  },
  {
    name: 'channelInviteRefuse after accepting: onError("channel_invite_refuse", 700, …)',
    prepare: answeredCall,
    act: (w) => w.bob.channelInviteRefuse('c', 'alice', 0, ''),
    events: [['bob.onError', 'channel_invite_refuse', 700, 'no incoming invitation to refuse']],
    warning: /call refuse failed/,
  },
  {
    name: 'channelInviteDTMF with no such call: nothing sent, a warning',
    act: (w) => w.alice.channelInviteDTMF('nowhere', 'bob', '1'),
    events: [],
    warning: /channelInviteDTMF: no call with "bob" in channel "nowhere"/,
  },
  {
    name: 'messageChannelSend to a channel not joined',
    act: (w) => w.alice.messageChannelSend('hall', 'x', 'c2'),
    events: [['alice.onMessageSendError', 'c2', 400]],
    warning: /messageChannelSend: not in channel "hall"/,
  },
  {
    name: 'channelInviteEnd with no such call: onInviteEndByMyself anyway, 0',
    act: (w) => w.alice.channelInviteEnd('nowhere', 'bob', 0),
    returns: 0,
    events: [['alice.onInviteEndByMyself', 'nowhere', 'bob', uid('bob')]],
    warning: null,
  },
  {
    name: 'channelInviteDTMF(circular) in an answered call: nothing reaches the peer',
    prepare: answeredCall,
    act: (w) => w.alice.channelInviteDTMF('c', 'bob', circular as unknown as string),
    events: [],
    warning: /call dtmf message cannot be sent/,
  },
  {
    name: 'channelInvitePhone: SIP is unavailable on RTM',
    act: (w) => w.alice.channelInvitePhone('c', '+15550100', 0),
    events: [['alice.onInviteFailed', 'c', '+15550100', 0, 700, expect.stringMatching(/SIP/)]],
    warning: /SIP\/PSTN calls/,
  },
  {
    name: 'logout twice: one onLogout',
    act(w) {
      w.bob.logout();
      w.bob.logout();
    },
    events: [['bob.onLogout', 101]],
    warning: null,
  },
];

describe('bad input, native dialect', () => {
  runBadInputTable(nativeBadWorld, cases, nativeStillUsable);
});
