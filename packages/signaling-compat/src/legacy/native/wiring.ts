import type { CallEvents as CoreCallEvents } from '../../core/CoreCall';
import type { ChannelEvents as CoreChannelEvents } from '../../core/ChannelHandle';
import type { EngineEvents } from '../../core/Engine';
import { accountUid } from '../../core/ids';
import { LegacyCode } from '../../core/legacyCodes';
import { RESULT_WIRE } from '../invitationResults';
import { dtmfData, dtmfExtra, inviteFailedExtra } from '../reshape';
import type { WiringTable } from '../wiring';

/**
 * The native dialect's tables: every core event as a flat `ICallBack` argument list
 * (docs/reference/server-and-native-api.md §2). The flat API names channels and calls instead of
 * handing out objects, so channel callbacks carry the channel name and call callbacks
 * `(channelID, account, uid, …)`.
 */

/** Session events. */
export const NATIVE_LOGIN_WIRING: WiringTable<EngineEvents, void> = {
  loginSuccess: { name: 'onLoginSuccess', args: (_, uid) => [uid, 0] },
  loginFailed: { name: 'onLoginFailed', args: (_, failure) => [failure.code] },
  logout: { name: 'onLogout' },
  reconnecting: { name: 'onReconnecting' },
  reconnected: { name: 'onReconnected', args: () => [0] },
  // The legacy SDK passed a hard-coded uid 0 here (docs/reference/mapping-decisions.md, "Identity").
  peerMessage: { name: 'onMessageInstantReceive', args: (_, account, msg) => [account, 0, msg] },
  inviteReceived: {
    name: 'onInviteReceived',
    args: (_, call) => [call.channelName, call.peer, accountUid(call.peer), String(call.extra ?? '')],
  },
};

/** The events of one named channel; the context is its name. */
export const NATIVE_CHANNEL_WIRING: WiringTable<CoreChannelEvents, string> = {
  joined: { name: 'onChannelJoined', args: (name) => [name] },
  joinFailed: { name: 'onChannelJoinFailed', args: (name, failure) => [name, failure.code] },
  left: { name: 'onChannelLeaved', args: (name, code) => [name, code] },
  userList: {
    name: 'onChannelUserList',
    args: (_, members) => [members.map(([account]) => account), members.map(([, uid]) => uid)],
  },
  userJoined: { name: 'onChannelUserJoined' },
  userLeft: { name: 'onChannelUserLeaved' },
  attrUpdated: { name: 'onChannelAttrUpdated', args: (name, change) => [name, change.name, change.value, change.type] },
  message: { name: 'onMessageChannelReceive', args: (name, account, uid, msg) => [name, account, uid, msg] },
};

/** What identifies a call in native callbacks: `(channelID, account, uid)`. */
export type CallKey = readonly [channelID: string, account: string, uid: number];

/** The `onError` name of each call operation that has no legacy result callback. */
const OPERATION_ERROR_NAME = { cancel: 'channel_invite_end', accept: 'channel_invite_accept', refuse: 'channel_invite_refuse' };

/** The events of one call. */
export const NATIVE_CALL_WIRING: WiringTable<CoreCallEvents, CallKey> = {
  receivedByPeer: { name: 'onInviteReceivedByPeer', args: (key) => [...key] },
  accepted: { name: 'onInviteAcceptedByPeer', args: (key, extra) => [...key, extra] },
  refused: { name: 'onInviteRefusedByPeer', args: (key, extra) => [...key, extra] },
  failed: { name: 'onInviteFailed', args: (key, failure) => [...key, failure.code, inviteFailedExtra(failure)] },
  endByPeer: { name: 'onInviteEndByPeer', args: (key, extra) => [...key, extra] },
  endByMyself: { name: 'onInviteEndByMyself', args: (key) => [...key], sync: true },
  dtmf: { name: 'onInviteMsg', args: (key, digits) => [...key, 'dtmf', dtmfData(digits), dtmfExtra(digits)] },
  operationResult: [
    RESULT_WIRE,
    // A failed invite is reported by onInviteFailed; the others have no legacy callback but onError.
    {
      name: 'onError',
      args: (_, operation, _id, ok, reason) =>
        ok || operation === 'invite'
          ? undefined
          : [OPERATION_ERROR_NAME[operation as keyof typeof OPERATION_ERROR_NAME], LegacyCode.INVITE_E_OTHER, reason],
    },
  ],
};

/** Native callbacks in `MAPPING` that no table fires, and where they come from or why they never fire. */
export const NATIVE_OTHER_CALLBACKS: Readonly<Record<string, string>> = {
  'ICallBack.onChannelQueryUserNumResult': 'the result of channelQueryUserNum (AgoraAPI)',
  'ICallBack.onChannelQueryUserIsIn': 'the result of channelQueryUserIsIn (AgoraAPI)',
  'ICallBack.onMessageSendError': 'the result of one send (AgoraAPI)',
  'ICallBack.onMessageSendSuccess': 'the result of one send (AgoraAPI)',
  'ICallBack.onMessageSendProgress': 'never fired: RTM reports no send progress',
  'ICallBack.onMessageAppReceived': 'never fired: no RTM counterpart',
  'ICallBack.onLog': "never fired: RTM's own logging is configured with its logFilter",
  'ICallBack.onInvokeRet': 'the result of invoke (AgoraAPI)',
  'ICallBack.onMsg': 'never fired: no raw message stream on RTM',
  'ICallBack.onUserAttrResult': 'the result of getAttr / getUserAttr (AgoraAPI)',
  'ICallBack.onUserAttrAllResult': 'the result of getAttrAll / getUserAttrAll (AgoraAPI)',
  'ICallBack.onQueryUserStatusResult': 'the result of queryUserStatus (AgoraAPI)',
  'ICallBack.onDbg': 'never fired: no debug stream on RTM',
};
