import type { CallEvents as CoreCallEvents, CoreCall } from '../../core/CoreCall';
import type { ChannelEvents as CoreChannelEvents } from '../../core/ChannelHandle';
import type { EngineEvents } from '../../core/Engine';
import { LegacyCode } from '../../core/legacyCodes';
import { RESULT_CALLBACK } from '../invitationResults';
import { dtmfExtra, inviteFailedExtra } from '../reshape';
import type { WiringTable } from '../wiring';

/** Login failure codes the Web SDK raised (docs/reference/legacy-web-sdk.md §9); anything else is reported as 201. */
const WEB_LOGIN_CODES = new Set<number>([201, 204, 206, 207, 209]);

/** What the Session's table needs: how to wrap an incoming core call. */
export interface SessionContext {
  call(core: CoreCall): unknown;
}

/** Session property callbacks (docs/reference/legacy-web-sdk.md §4). */
export const WEB_SESSION_WIRING: WiringTable<EngineEvents, SessionContext> = {
  loginSuccess: { callback: 'onLoginSuccess', args: (_, uid) => [uid] },
  loginFailed: {
    callback: 'onLoginFailed',
    args: (_, failure) => [WEB_LOGIN_CODES.has(failure.code) ? failure.code : LegacyCode.LOGIN_E_NET],
  },
  logout: { callback: 'onLogout', args: (_, code) => [code] },
  // The legacy SDK passed a hard-coded uid 0 here (docs/reference/legacy-web-sdk.md §4.3).
  peerMessage: { callback: 'onMessageInstantReceive', args: (_, account, payload) => [account, 0, payload] },
  inviteReceived: { callback: 'onInviteReceived', args: (ctx, core) => [ctx.call(core)] },
};

/** Channel property callbacks (docs/reference/legacy-web-sdk.md §5). */
export const WEB_CHANNEL_WIRING: WiringTable<CoreChannelEvents, void> = {
  joined: { callback: 'onChannelJoined', args: () => [] },
  // The legacy SDK passed the server's error text, a string, not a number (docs/reference/legacy-web-sdk.md §5.4).
  joinFailed: { callback: 'onChannelJoinFailed', args: (_, failure) => [failure.reason] },
  left: { callback: 'onChannelLeaved', args: (_, code) => [code] },
  userList: { callback: 'onChannelUserList', args: (_, users) => [users] },
  userJoined: { callback: 'onChannelUserJoined', args: (_, account, uid) => [account, uid] },
  userLeft: { callback: 'onChannelUserLeaved', args: (_, account, uid) => [account, uid] },
  attrUpdated: { callback: 'onChannelAttrUpdated', args: (_, c) => [c.name, c.value, c.type] },
  message: { callback: 'onMessageChannelReceive', args: (_, account, uid, msg) => [account, uid, msg] },
};

/** Call property callbacks (docs/reference/legacy-web-sdk.md §5b), plus the opt-in operation results. */
export const WEB_CALL_WIRING: WiringTable<CoreCallEvents, void> = {
  receivedByPeer: { callback: 'onInviteReceivedByPeer', args: (_, extra) => [extra] },
  accepted: { callback: 'onInviteAcceptedByPeer', args: (_, extra) => [extra] },
  refused: { callback: 'onInviteRefusedByPeer', args: (_, extra) => [extra] },
  failed: { callback: 'onInviteFailed', args: (_, failure) => [inviteFailedExtra(failure)] },
  endByPeer: { callback: 'onInviteEndByPeer', args: (_, extra) => [extra] },
  endByMyself: { callback: 'onInviteEndByMyself', args: (_, extra) => [extra], sync: true },
  dtmf: { callback: 'onInviteMsg', args: (_, digits) => [dtmfExtra(digits)] },
  operationResult: {
    callback: { of: (operation) => RESULT_CALLBACK[operation], names: Object.values(RESULT_CALLBACK) },
    args: (_, _operation, id, ok, reason) => [id, ok, reason],
    bare: true,
  },
};

/** Web callbacks in `MAPPING` that no table fires, and why. */
export const WEB_OTHER_CALLBACKS: Readonly<Record<string, string>> = {
  'Session.onError': 'documented by the legacy Web SDK but never fired by it (docs/reference/legacy-web-sdk.md §4.2)',
};
