import type { CallEvents as CoreCallEvents, CoreCall } from '../../core/CoreCall';
import type { ChannelEvents as CoreChannelEvents } from '../../core/ChannelHandle';
import type { EngineEvents } from '../../core/Engine';
import { LegacyCode } from '../../core/legacyCodes';
import { RESULT_WIRE } from '../invitationResults';
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
  loginSuccess: { name: 'onLoginSuccess' },
  loginFailed: { name: 'onLoginFailed', args: (_, failure) => [failure.code] },
  logout: { name: 'onLogout' },
  // The legacy SDK passed a hard-coded uid 0 here (docs/reference/mapping-decisions.md, "Identity").
  peerMessage: { name: 'onMessageInstantReceive', args: (_, account, msg) => [account, 0, msg] },
  inviteReceived: { name: 'onInviteReceived', args: (ctx, core) => [ctx.call(core)] },
};

/** `ChannelCallback` (or the LoginCallback of a join made without one). */
export const SERVER_CHANNEL_WIRING: WiringTable<CoreChannelEvents, void> = {
  joined: { name: 'onChannelJoined' },
  joinFailed: { name: 'onChannelJoinFailed', args: (_, failure) => [failure.code] },
  left: { name: 'onChannelLeaved' },
  userList: {
    name: 'onChannelUserList',
    args: (_, members) => [members.map(([account]) => account), members.map(([, uid]) => uid)],
  },
  userJoined: { name: 'onChannelUserJoined' },
  userLeft: { name: 'onChannelUserLeaved' },
  attrUpdated: { name: 'onChannelAttrUpdated', args: (_, change) => [change.name, change.value, change.type] },
  message: { name: 'onMessageChannelReceive' },
};

/** `CallCallback` (the LoginCallback for an incoming call), plus the opt-in operation results. */
export const SERVER_CALL_WIRING: WiringTable<CoreCallEvents, void> = {
  receivedByPeer: { name: 'onInviteReceivedByPeer', args: () => [] },
  accepted: { name: 'onInviteAcceptedByPeer' },
  refused: { name: 'onInviteRefusedByPeer' },
  failed: { name: 'onInviteFailed', args: (_, failure) => [failure.code] },
  endByPeer: { name: 'onInviteEndByPeer' },
  endByMyself: { name: 'onInviteEndByMyself', sync: true },
  dtmf: { name: 'onInviteMsg', args: (_, digits) => [dtmfExtra(digits)] },
  operationResult: [
    RESULT_WIRE,
    // A failed invite is reported by onInviteFailed; the others have no legacy callback but onError.
    {
      name: 'onError',
      to: 'login',
      args: (_, operation, _id, ok, reason) => (ok || operation === 'invite' ? undefined : [LegacyCode.INVITE_E_OTHER, reason]),
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
