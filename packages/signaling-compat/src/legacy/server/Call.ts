import type { CoreCall } from '../../core/CoreCall';
import { LegacyCode } from '../../core/legacyCodes';
import type { Log } from '../../core/log';
import { fire, fireNow } from '../dispatch';
import { RESULT_CALLBACK } from '../invitationResults';
import type { CallCallback, LoginCallback } from './callbacks';
import type { LoginSession } from './LoginSession';

/**
 * The Server SDK's `LoginSession.Call` (docs/reference/server-and-native-api.md §1), outgoing or incoming. Its
 * events go to the CallCallback given to `channelInviteUser2`, or, for an incoming call, to the
 * session's LoginCallback; each receives `(session, call, …)` with numeric error codes.
 */
export class Call {
  /** The call's channel. */
  readonly channelName: string;
  /** The other party: the callee of an outgoing call, the caller of an incoming one. */
  readonly peer: string;
  /** The extra as passed (outgoing) or as received (incoming). */
  readonly extra: unknown;
  #core: CoreCall;

  /** @internal Made by `LoginSession.channelInviteUser2` and for `onInviteReceived`. */
  constructor(core: CoreCall, session: LoginSession, events: CallCallback, loginCallback: LoginCallback, log: Log) {
    this.#core = core;
    this.channelName = core.channelName;
    this.peer = core.peer;
    this.extra = core.extra;
    const on = (name: keyof CallCallback, ...args: unknown[]): void => fire(events, name, [session, this, ...args], log);
    core.on('receivedByPeer', () => on('onInviteReceivedByPeer'));
    core.on('accepted', (extra) => on('onInviteAcceptedByPeer', extra));
    core.on('refused', (extra) => on('onInviteRefusedByPeer', extra));
    core.on('failed', (failure) => on('onInviteFailed', failure.code));
    core.on('endByPeer', (extra) => on('onInviteEndByPeer', extra));
    // The one synchronous legacy callback: inside channelInviteEnd (docs/reference/legacy-web-sdk.md §7.3).
    core.on('endByMyself', (extra) => fireNow(events, 'onInviteEndByMyself', [session, this, extra], log));
    core.on('msg', (extra) => on('onInviteMsg', extra));
    core.on('operationResult', (operation, id, ok, reason) => {
      fire(events, RESULT_CALLBACK[operation], [id, ok, reason], log);
      // A failed invite is reported by onInviteFailed; the others have no legacy callback but onError.
      if (!ok && operation !== 'invite') fire(loginCallback, 'onError', [session, LegacyCode.INVITE_E_OTHER, reason], log);
    });
  }

  /**
   * Callee: accepts, with an optional extra the caller receives in `onInviteAcceptedByPeer`. RTM:
   * `remoteInvitation.response = extra; accept()`. Accepting joins no channel.
   * @note compat: returns the operation id reported to `onAcceptInviteResult` (docs/reference/call-result-callbacks.md); a failure
   * also fires `onError(session, 700, reason)`.
   */
  channelInviteAccept(extra?: unknown): number {
    return this.#core.accept(extra);
  }

  /**
   * Callee: refuses; the caller's `onInviteRefusedByPeer` gets the extra verbatim. RTM: `refuse()`.
   * @note compat: returns the operation id reported to `onRejectInviteResult`.
   */
  channelInviteRefuse(extra?: unknown): number {
    return this.#core.refuse(extra);
  }

  /**
   * Ends the call from either side: `onInviteEndByMyself(session, call, "")` synchronously, the
   * peer gets `onInviteEndByPeer(…, extra)`. RTM: `cancel()` before the answer, the END_CALL
   * message after it.
   * @note compat: returns the operation id reported to `onCancelInviteResult`.
   */
  channelInviteEnd(extra?: unknown): number {
    return this.#core.end(extra);
  }
}
