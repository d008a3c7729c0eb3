import type { CoreCall } from '../../core/CoreCall';
import type { Log } from '../../core/log';
import { fire, fireNow } from '../dispatch';
import { wire } from '../wiring';
import type { CallCallback, LoginCallback } from './callbacks';
import type { LoginSession } from './LoginSession';
import { SERVER_CALL_WIRING } from './wiring';

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
    wire(core, SERVER_CALL_WIRING, undefined, (name, args, w) => {
      if (w.to === 'login') return fire(loginCallback, name, [session, ...args], log);
      (w.sync ? fireNow : fire)(events, name, w.bare ? args : [session, this, ...args], log);
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
