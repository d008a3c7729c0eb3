/**
 * Server dialect (the Java Server SDK's object model with callback objects):
 * `docs/reference/server-and-native-api.md` §1 and docs/reference/legacy-server-sdk.md, carried as `docs/reference/mapping-decisions.md` decides.
 */

import { defineOwner } from './define';
import type { MappingEntry, ObjectFlow } from './types';

const USER_ATTR_CALLBACK_ARGUMENT: ObjectFlow = { callbackArgument: 'UserAttrCallback' };
/** Every server callback receives its LoginSession first, then the Channel or Call it is about. */
const WITH_SESSION: ObjectFlow = { objectParameters: ['LoginSession'] };
const WITH_SESSION_AND_CHANNEL: ObjectFlow = { objectParameters: ['LoginSession', 'Channel'] };
const WITH_SESSION_AND_CALL: ObjectFlow = { objectParameters: ['LoginSession', 'Call'] };

const SIGNAL = defineOwner('server', 'Signal', [
  ['method', 'Signal', 'AgoraRTM (resolved at login)', 'native',
    '`new Signal(appid)`; several may coexist, each with several sessions. The RTM backend is resolved as in the Web dialect.'],
  ['method', 'setDoLog', '—', 'emulated', 'Accepted; switches the shim\'s own debug output only.'],
  ['method', 'login', 'AgoraRTM.createInstance + RtmClient.login', 'emulated',
    'Returns the LoginSession at once; exactly one terminal LoginCallback per login. Tokens as in the Web dialect: `_no_need_token` → no token, RTM tokens from the `tokenProvider` option.',
    { returns: 'LoginSession', callbackArgument: 'LoginCallback' }],
  ['method', 'userSetAttr', 'RtmClient.addOrUpdateLocalUserAttributes', 'native',
    'UserAttrCallback.onUserSetAttr(err, ret): err "" and ret {"result":"ok","reason":""} on success.', USER_ATTR_CALLBACK_ARGUMENT],
  ['method', 'userGetAttr', 'RtmClient.getUserAttributesByKeys', 'native',
    'UserAttrCallback.onUserGetAttr(err, ret) with ret {"result":"ok","account":…,"name":…,"value":…}.', USER_ATTR_CALLBACK_ARGUMENT],
  ['method', 'userGetAttrAll', 'RtmClient.getUserAttributes', 'native',
    'UserAttrCallback.onUserGetAttrAll(err, ret) with ret {"result":"ok","account":…,"json":{…}}.', USER_ATTR_CALLBACK_ARGUMENT],
  ['method', 'channelQueryUserNum', 'RtmClient.getChannelMemberCount', 'native',
    'Result through ChannelCallback.onChannelQueryUserNum(session, err, num).', { callbackArgument: 'ChannelCallback' }],
  ['method', 'getStatus', 'RtmClient "ConnectionStateChanged"', 'emulated',
    'Server numbering: 0 logged out, 1 logging in, 2 logged in, 3 login failed, 4 initial; derived from RTM\'s connection state.'],
]);

const LOGIN_SESSION = defineOwner('server', 'LoginSession', [
  ['method', 'logout', 'RtmClient.logout', 'emulated',
    'LoginCallback.onLogout(session, 101) once, asynchronously, also while logging in or reconnecting.'],
  ['method', 'messageInstantSend', 'RtmClient.sendMessageToPeer', 'native',
    'Both overloads. `ttl` is accepted but has no effect (RTM 1.x keeps no offline messages for Web clients). MessageCallback.onMessageSendSuccess(session) once RTM took it, onMessageSendError(session, ecode) on failure.',
    { callbackArgument: 'MessageCallback' }],
  ['method', 'channelInviteUser2', 'RtmClient.createLocalInvitation + LocalInvitation.send', 'native',
    'Returns the Call at once; its events go to the CallCallback. channelId = channel, content = extra; `_require_peer_online` and `_timeout` are honoured by the shim.',
    { returns: 'Call', callbackArgument: 'CallCallback' }],
  ['method', 'channelJoin', 'RtmClient.createChannel + RtmChannel.join + RtmChannel.getMembers + RtmClient.getChannelAttributes', 'emulated',
    'Joining while in another channel leaves the old one first (onChannelLeaved for it). After join: onChannelJoined, onChannelUserList(users, uids), then one onChannelAttrUpdated per attribute.',
    { returns: 'Channel', callbackArgument: 'ChannelCallback' }],
  ['method', 'getStatus', 'RtmClient "ConnectionStateChanged"', 'emulated',
    'This session\'s status in the Server numbering: 0 logged out, 1 logging in, 2 logged in, 3 login failed.'],
]);

const CHANNEL = defineOwner('server', 'Channel', [
  ['method', 'channelLeave', 'RtmChannel.leave', 'native', 'ChannelCallback.onChannelLeaved(session, channel, 0).'],
  ['method', 'channelSetAttr', 'RtmClient.addOrUpdateChannelAttributes (notify members)', 'emulated',
    'Every member, setter included (once), gets onChannelAttrUpdated(…, name, value, \'update\'); bursts are coalesced under RTM\'s attribute rate limit.'],
  ['method', 'channelDelAttr', 'RtmClient.deleteChannelAttributesByKeys (notify members)', 'emulated',
    'Every member, setter included (once), gets onChannelAttrUpdated with type \'del\'.'],
  ['method', 'channelClearAttr', 'RtmClient.clearChannelAttributes (notify members)', 'emulated',
    'Every member, setter included (once), gets one onChannelAttrUpdated with type \'clear\'. Calling it after channelLeave() does not throw.'],
  ['method', 'messageChannelSend', 'RtmChannel.sendMessage', 'emulated',
    'Results go to the MessageCallback when one is given. The sender gets its own onMessageChannelReceive (RTM never echoes); sends are paced under RTM\'s limit instead of failing.',
    { callbackArgument: 'MessageCallback' }],
  ['method', 'getName', 'RtmChannel.channelId', 'native', 'Returns the channel name.'],
]);

const CALL = defineOwner('server', 'Call', [
  ['method', 'channelInviteAccept', 'RemoteInvitation.accept', 'native',
    'response = extra (optional). Accepting does not join any channel.'],
  ['method', 'channelInviteRefuse', 'RemoteInvitation.refuse', 'native',
    'response = extra (optional), passed verbatim to the caller.'],
  ['method', 'channelInviteEnd', 'LocalInvitation.cancel | RtmClient.sendMessageToPeer (END_CALL message)', 'emulated',
    'Cancels before the answer; after accept sends the RTM legacy end-call message, from either side. Local onInviteEndByMyself, remote onInviteEndByPeer.'],
  ['property', 'channelName', 'LocalInvitation.channelId / RemoteInvitation.channelId', 'native',
    'The call\'s channel, so a callee knows where it is invited (the Java Call exposed its channel, peer and extra).'],
  ['property', 'peer', 'LocalInvitation.calleeId / RemoteInvitation.callerId', 'native',
    'The other party\'s account: the callee for an outgoing call, the caller for an incoming one.'],
  ['property', 'extra', 'LocalInvitation.content / RemoteInvitation.content', 'native',
    'The extra as passed (outgoing) or as received (incoming).'],
]);

const LOGIN_CALLBACK = defineOwner('server', 'LoginCallback', [
  ['event', 'onLoginSuccess', 'RtmClient.login resolved', 'native',
    '(session, uid): uid is the deterministic 32-bit hash of the account. Fires again after an automatic reconnect.', WITH_SESSION],
  ['event', 'onLoginFailed', 'RtmClient.login rejected', 'native',
    '(session, ecode): invalid token 206, token expired 204, timeout or network 201, invalid user id 209, rejected or other 202.', WITH_SESSION],
  ['event', 'onLogout', 'RtmClient.logout + RtmClient "ConnectionStateChanged"', 'native',
    '(session, ecode): 101 after logout(), 102 reconnect limit reached, 103 logged in elsewhere, 105 token expired.', WITH_SESSION],
  ['event', 'onMessageInstantReceive', 'RtmClient "MessageFromPeer"', 'native',
    '(session, account, uid, msg) with uid 0; reserved shim messages are consumed.', WITH_SESSION],
  ['event', 'onInviteReceived', 'RtmClient "RemoteInvitationReceived"', 'native',
    '(session, call): each incoming invitation is its own Call.', WITH_SESSION_AND_CALL],
  ['event', 'onError', 'RTM API-call errors', 'emulated',
    '(session, ecode, reason) for failures that have no callback of their own: a failed channel attribute change, a failed accept, refuse or end (700), a send made without a MessageCallback.',
    WITH_SESSION],
  ['event', 'onChannelJoined', 'RtmChannel.join resolved', 'native', 'As ChannelCallback.onChannelJoined.', WITH_SESSION_AND_CHANNEL],
  ['event', 'onChannelJoinFailed', 'RtmChannel.join rejected', 'native', 'As ChannelCallback.onChannelJoinFailed.', WITH_SESSION_AND_CHANNEL],
  ['event', 'onChannelLeaved', 'RtmChannel.leave resolved', 'native', 'As ChannelCallback.onChannelLeaved.', WITH_SESSION_AND_CHANNEL],
]);

const CHANNEL_CALLBACK = defineOwner('server', 'ChannelCallback', [
  ['event', 'onChannelJoined', 'RtmChannel.join resolved', 'native',
    '(session, channel), followed by onChannelUserList and the attribute snapshot.', WITH_SESSION_AND_CHANNEL],
  ['event', 'onChannelJoinFailed', 'RtmChannel.join rejected', 'native',
    '(session, channel, ecode) with a numeric code; special channels fail here with one warning.', WITH_SESSION_AND_CHANNEL],
  ['event', 'onChannelLeaved', 'RtmChannel.leave resolved', 'native', '(session, channel, 0).', WITH_SESSION_AND_CHANNEL],
  ['event', 'onChannelUserJoined', 'RtmChannel "MemberJoined"', 'native', '(session, channel, account, uid) for other members.', WITH_SESSION_AND_CHANNEL],
  ['event', 'onChannelUserLeaved', 'RtmChannel "MemberLeft"', 'native', '(session, channel, account, uid) for other members.', WITH_SESSION_AND_CHANNEL],
  ['event', 'onChannelUserList', 'RtmChannel.getMembers', 'emulated',
    'RTM sends no user list on join: the shim calls getMembers() and fires (session, channel, users, uids), self included, latest 200.',
    WITH_SESSION_AND_CHANNEL],
  ['event', 'onChannelAttrUpdated', 'RtmChannel "AttributesUpdated" + RtmClient.getChannelAttributes', 'emulated',
    '(session, channel, name, value, type), diffed per key from RTM\'s full-map update: \'update\', \'del\', or one \'clear\'.',
    WITH_SESSION_AND_CHANNEL],
  ['event', 'onChannelQueryUserNum', 'RtmClient.getChannelMemberCount', 'native', '(session, err, num) for Signal.channelQueryUserNum.', WITH_SESSION],
  ['event', 'onMessageChannelReceive', 'RtmChannel "ChannelMessage"', 'emulated',
    '(session, channel, account, uid, msg); the sender receives its own message too (emulated echo).', WITH_SESSION_AND_CHANNEL],
]);

const MESSAGE_CALLBACK = defineOwner('server', 'MessageCallback', [
  ['event', 'onMessageSendSuccess', 'RtmClient.sendMessageToPeer / RtmChannel.sendMessage resolved', 'native',
    '(session): RTM took the message (delivery to the peer is not required unless `peerMessageSuccess: \'delivered\'`).', WITH_SESSION],
  ['event', 'onMessageSendError', 'RtmClient.sendMessageToPeer / RtmChannel.sendMessage rejected', 'native',
    '(session, ecode) with a legacy numeric code.', WITH_SESSION],
]);

const CALL_CALLBACK = defineOwner('server', 'CallCallback', [
  ['event', 'onInviteReceivedByPeer', 'LocalInvitation "LocalInvitationReceivedByPeer"', 'native', '(session, call).', WITH_SESSION_AND_CALL],
  ['event', 'onInviteAcceptedByPeer', 'LocalInvitation "LocalInvitationAccepted"', 'native', '(session, call, extra) with the callee\'s response verbatim.', WITH_SESSION_AND_CALL],
  ['event', 'onInviteRefusedByPeer', 'LocalInvitation "LocalInvitationRefused"', 'native', '(session, call, extra) with the callee\'s response verbatim.', WITH_SESSION_AND_CALL],
  ['event', 'onInviteFailed', 'LocalInvitation "LocalInvitationFailure" + shim timers', 'emulated',
    '(session, call, ecode): 703 peer offline, 704 timeout, no response or expired, 700 other; also fired by `_require_peer_online`, the 20 s offline limit and `_timeout`.',
    WITH_SESSION_AND_CALL],
  ['event', 'onInviteEndByPeer', 'RemoteInvitation "RemoteInvitationCanceled" | END_CALL peer message', 'emulated',
    '(session, call, extra): cancelled before the answer, or the peer\'s END_CALL message after accept.', WITH_SESSION_AND_CALL],
  ['event', 'onInviteEndByMyself', 'LocalInvitation "LocalInvitationCanceled"', 'emulated',
    '(session, call, extra), fired synchronously inside channelInviteEnd.', WITH_SESSION_AND_CALL],
  ['event', 'onInviteMsg', 'RtmClient "MessageFromPeer" (reserved DTMF message)', 'emulated',
    '(session, call, extra) for a shim peer\'s DTMF message.', WITH_SESSION_AND_CALL],
]);

const USER_ATTR_CALLBACK = defineOwner('server', 'UserAttrCallback', [
  ['event', 'onUserGetAttr', 'RtmClient.getUserAttributesByKeys', 'native',
    '(err, ret): err "" on success; ret an object like Java\'s JSONObject (toString() is its JSON); failure ret {result: "failed", reason}.'],
  ['event', 'onUserGetAttrAll', 'RtmClient.getUserAttributes', 'native',
    '(err, ret): err "" on success; ret an object like Java\'s JSONObject (toString() is its JSON); failure ret {result: "failed", reason}.'],
  ['event', 'onUserSetAttr', 'RtmClient.addOrUpdateLocalUserAttributes', 'native',
    '(err, ret): err "" on success; ret an object like Java\'s JSONObject (toString() is its JSON); failure ret {result: "failed", reason}.'],
]);

/** Server dialect entries: the four classes and the five callback classes. */
export const SERVER_MAPPING: readonly MappingEntry[] = [
  ...SIGNAL,
  ...LOGIN_SESSION,
  ...CHANNEL,
  ...CALL,
  ...LOGIN_CALLBACK,
  ...CHANNEL_CALLBACK,
  ...MESSAGE_CALLBACK,
  ...CALL_CALLBACK,
  ...USER_ATTR_CALLBACK,
];
