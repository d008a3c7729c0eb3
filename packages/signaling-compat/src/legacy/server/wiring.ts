import type { CallEvents as CoreCallEvents, CoreCall } from '../../core/CoreCall';
import type { ChannelEvents as CoreChannelEvents } from '../../core/ChannelHandle';
import type { EngineEvents } from '../../core/Engine';
import { LegacyCode } from '../../core/legacyCodes';
import { RESULT_CALLBACK } from '../invitationResults';
import { dtmfExtra } from '../reshape';
import type { WiringTable } from '../wiring';

/**
 * The Server dialect's tables (docs/reference/server-and-native-api.md §1). Every callback also
 * receives the session first, and channel and call callbacks the Channel / Call next: the dialect
 * object prefixes those when it delivers.
 */

/** What the LoginSession's table needs: how to wrap an incoming core call. */
export interface LoginContext {
  call(core: CoreCall): unknown;
}

/** `LoginCallback` (session events). Server codes are reported as they are (202 included), unlike Web. */
export const SERVER_LOGIN_WIRING: WiringTable<EngineEvents, LoginContext> = {
  loginSuccess: { callback: 'onLoginSuccess', args: (_, uid) => [uid] },
  loginFailed: { callback: 'onLoginFailed', args: (_, failure) => [failure.code] },
  logout: { callback: 'onLogout', args: (_, code) => [code] },
  // The legacy SDK passed a hard-coded uid 0 here (docs/reference/mapping-decisions.md, "Identity").
  peerMessage: { callback: 'onMessageInstantReceive', args: (_, account, msg) => [account, 0, msg] },
  inviteReceived: { callback: 'onInviteReceived', args: (ctx, core) => [ctx.call(core)] },
};

/** `ChannelCallback` (or the LoginCallback of a join made without one). */
export const SERVER_CHANNEL_WIRING: WiringTable<CoreChannelEvents, void> = {
  joined: { callback: 'onChannelJoined', args: () => [] },
  joinFailed: { callback: 'onChannelJoinFailed', args: (_, failure) => [failure.code] },
  left: { callback: 'onChannelLeaved', args: (_, code) => [code] },
  userList: {
    callback: 'onChannelUserList',
    args: (_, members) => [members.map(([account]) => account), members.map(([, uid]) => uid)],
  },
  userJoined: { callback: 'onChannelUserJoined', args: (_, account, uid) => [account, uid] },
  userLeft: { callback: 'onChannelUserLeaved', args: (_, account, uid) => [account, uid] },
  attrUpdated: { callback: 'onChannelAttrUpdated', args: (_, change) => [change.name, change.value, change.type] },
  message: { callback: 'onMessageChannelReceive', args: (_, account, uid, msg) => [account, uid, msg] },
};

/** `CallCallback` (the LoginCallback for an incoming call), plus the opt-in operation results. */
export const SERVER_CALL_WIRING: WiringTable<CoreCallEvents, void> = {
  receivedByPeer: { callback: 'onInviteReceivedByPeer', args: () => [] },
  accepted: { callback: 'onInviteAcceptedByPeer', args: (_, extra) => [extra] },
  refused: { callback: 'onInviteRefusedByPeer', args: (_, extra) => [extra] },
  failed: { callback: 'onInviteFailed', args: (_, failure) => [failure.code] },
  endByPeer: { callback: 'onInviteEndByPeer', args: (_, extra) => [extra] },
  endByMyself: { callback: 'onInviteEndByMyself', args: (_, extra) => [extra], sync: true },
  dtmf: { callback: 'onInviteMsg', args: (_, digits) => [dtmfExtra(digits)] },
  operationResult: [
    {
      callback: { of: (operation) => RESULT_CALLBACK[operation], names: Object.values(RESULT_CALLBACK) },
      args: (_, _operation, id, ok, reason) => [id, ok, reason],
      bare: true,
    },
    // A failed invite is reported by onInviteFailed; the others have no legacy callback but onError.
    {
      callback: 'onError',
      to: 'login',
      when: (operation, _id, ok) => !ok && operation !== 'invite',
      args: (_, _operation, _id, _ok, reason) => [LegacyCode.INVITE_E_OTHER, reason],
    },
  ],
};

/** Server callbacks in `MAPPING` that no table fires, and where they come from. */
export const SERVER_OTHER_CALLBACKS: Readonly<Record<string, string>> = {
  'ChannelCallback.onChannelQueryUserNum': "the result of Signal.channelQueryUserNum (ServerLogins), not a channel's event",
  'MessageCallback.onMessageSendSuccess': 'the result of one send (reportSendResult)',
  'MessageCallback.onMessageSendError': 'the result of one send (reportSendResult)',
  'UserAttrCallback.onUserGetAttr': 'the result of Signal.userGetAttr (ServerLogins)',
  'UserAttrCallback.onUserGetAttrAll': 'the result of Signal.userGetAttrAll (ServerLogins)',
  'UserAttrCallback.onUserSetAttr': 'the result of Signal.userSetAttr (ServerLogins)',
};
