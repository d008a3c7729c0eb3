import type { CallEvents as CoreCallEvents, CoreCall } from '../../core/CoreCall';
import type { ChannelEvents as CoreChannelEvents } from '../../core/ChannelHandle';
import type { EngineEvents } from '../../core/Engine';
import { LegacyCode } from '../../core/legacyCodes';
import { RESULT_WIRE } from '../invitationResults';
import { dtmfExtra, inviteFailedExtra } from '../reshape';
import type { WiringTable } from '../wiring';

/** Login failure codes the Web SDK raised (docs/reference/legacy-web-sdk.md §9); anything else is reported as 201. */
const WEB_LOGIN_CODES = /* @__PURE__ */ new Set<number>([201, 204, 206, 207, 209]);

/** What the Session's table needs: how to wrap an incoming core call. */
export interface SessionContext {
  call(core: CoreCall): unknown;
}

/** Session property callbacks (docs/reference/legacy-web-sdk.md §4). */
export const WEB_SESSION_WIRING: WiringTable<EngineEvents, SessionContext> = {
  loginSuccess: { name: 'onLoginSuccess' },
  loginFailed: {
    name: 'onLoginFailed',
    args: (_, failure) => [WEB_LOGIN_CODES.has(failure.code) ? failure.code : LegacyCode.LOGIN_E_NET],
  },
  logout: { name: 'onLogout' },
  // The legacy SDK passed a hard-coded uid 0 here (docs/reference/legacy-web-sdk.md §4.3).
  peerMessage: { name: 'onMessageInstantReceive', args: (_, account, payload) => [account, 0, payload] },
  inviteReceived: { name: 'onInviteReceived', args: (ctx, core) => [ctx.call(core)] },
};

/** Channel property callbacks (docs/reference/legacy-web-sdk.md §5). */
export const WEB_CHANNEL_WIRING: WiringTable<CoreChannelEvents, void> = {
  joined: { name: 'onChannelJoined' },
  // The legacy SDK passed the server's error text, a string, not a number (docs/reference/legacy-web-sdk.md §5.4).
  joinFailed: { name: 'onChannelJoinFailed', args: (_, failure) => [failure.reason] },
  left: { name: 'onChannelLeaved' },
  userList: { name: 'onChannelUserList' },
  userJoined: { name: 'onChannelUserJoined' },
  userLeft: { name: 'onChannelUserLeaved' },
  attrUpdated: { name: 'onChannelAttrUpdated', args: (_, c) => [c.name, c.value, c.type] },
  message: { name: 'onMessageChannelReceive' },
};

/** Call property callbacks (docs/reference/legacy-web-sdk.md §5b), plus the opt-in operation results. */
export const WEB_CALL_WIRING: WiringTable<CoreCallEvents, void> = {
  receivedByPeer: { name: 'onInviteReceivedByPeer' },
  accepted: { name: 'onInviteAcceptedByPeer' },
  refused: { name: 'onInviteRefusedByPeer' },
  failed: { name: 'onInviteFailed', args: (_, failure) => [inviteFailedExtra(failure)] },
  endByPeer: { name: 'onInviteEndByPeer' },
  endByMyself: { name: 'onInviteEndByMyself', sync: true },
  dtmf: { name: 'onInviteMsg', args: (_, digits) => [dtmfExtra(digits)] },
  operationResult: RESULT_WIRE,
};

/** Web callbacks in `MAPPING` that no table fires, and why. */
export const WEB_OTHER_CALLBACKS: Readonly<Record<string, string>> = {
  'Session.onError': 'documented by the legacy Web SDK but never fired by it (docs/reference/legacy-web-sdk.md §4.2)',
};
