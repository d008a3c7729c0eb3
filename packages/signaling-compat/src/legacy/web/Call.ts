import type { CoreCall } from '../../core/CoreCall';
import type { Log } from '../../core/log';
import { fire, fireNow } from '../dispatch';
import type { InvitationResultCallbacks } from '../invitationResults';
import { wire } from '../wiring';
import { WEB_CALL_WIRING } from './wiring';

/**
 * The Web Call's callbacks (property callbacks, `""` until assigned), plus the opt-in operation
 * results of docs/reference/call-result-callbacks.md (absent until assigned).
 */
export interface CallEvents extends InvitationResultCallbacks {
  onInviteReceivedByPeer?: ((extra: string) => void) | '';
  onInviteAcceptedByPeer?: ((extra: string) => void) | '';
  onInviteRefusedByPeer?: ((extra: string) => void) | '';
  onInviteFailed?: ((extra: string) => void) | '';
  onInviteEndByPeer?: ((extra: string) => void) | '';
  onInviteEndByMyself?: ((extra: string) => void) | '';
  onInviteMsg?: ((extra: string) => void) | '';
}

/** The legacy Web Call (docs/reference/legacy-web-sdk.md §5b), outgoing or incoming. */
export class Call implements CallEvents {
  onInviteReceivedByPeer: CallEvents['onInviteReceivedByPeer'] = '';
  onInviteAcceptedByPeer: CallEvents['onInviteAcceptedByPeer'] = '';
  onInviteRefusedByPeer: CallEvents['onInviteRefusedByPeer'] = '';
  onInviteFailed: CallEvents['onInviteFailed'] = '';
  onInviteEndByPeer: CallEvents['onInviteEndByPeer'] = '';
  onInviteEndByMyself: CallEvents['onInviteEndByMyself'] = '';
  onInviteMsg: CallEvents['onInviteMsg'] = '';
  // Declared only: not legacy members, so they stay absent until the app assigns them.
  declare onInviteResult?: CallEvents['onInviteResult'];
  declare onCancelInviteResult?: CallEvents['onCancelInviteResult'];
  declare onAcceptInviteResult?: CallEvents['onAcceptInviteResult'];
  declare onRejectInviteResult?: CallEvents['onRejectInviteResult'];
  readonly channelName: string;
  readonly peer: string;
  /** Outgoing: the extra exactly as passed (`undefined` when omitted); incoming: the caller's extra. */
  readonly extra: unknown;
  #core: CoreCall;

  constructor(core: CoreCall, log: Log) {
    this.#core = core;
    this.channelName = core.channelName;
    this.peer = core.peer;
    this.extra = core.extra;
    wire(core, WEB_CALL_WIRING, undefined, (name, args, w) => (w.sync ? fireNow : fire)(this, name, args, log));
  }

  /**
   * Sends the invitation again.
   * @note compat: returns the operation id reported to `onInviteResult` (docs/reference/call-result-callbacks.md).
   */
  channelInviteUser2(): number {
    this.#core.reinvite();
    return this.#core.inviteOperationId;
  }

  /**
   * Callee: accept with an optional extra. RTM: `remoteInvitation.response = extra; accept()`.
   * @note compat: returns the operation id reported to `onAcceptInviteResult` (docs/reference/call-result-callbacks.md).
   */
  channelInviteAccept(extra?: unknown): number {
    return this.#core.accept(extra);
  }

  /**
   * Callee: refuse; the caller's `onInviteRefusedByPeer` gets the extra verbatim. RTM: `refuse()`.
   * @note compat: returns the operation id reported to `onRejectInviteResult` (docs/reference/call-result-callbacks.md).
   */
  channelInviteRefuse(extra?: unknown): number {
    return this.#core.refuse(extra);
  }

  /** The peer's `onInviteMsg('{"msgtype":"dtmf","msgdata":…}')`, via a reserved peer message. */
  channelInviteDTMF(dtmf?: unknown): void {
    this.#core.dtmf(dtmf);
  }

  /**
   * Ends the call from either side: `onInviteEndByMyself("")` synchronously; the peer gets
   * `onInviteEndByPeer(extra)`. RTM: `cancel()` before the answer, the END_CALL message after it.
   * @note compat: returns the operation id reported to `onCancelInviteResult` (docs/reference/call-result-callbacks.md).
   */
  channelInviteEnd(extra?: unknown): number {
    return this.#core.end(extra);
  }
}
