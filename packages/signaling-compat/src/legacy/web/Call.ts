import type { CoreCall } from '../../core/CoreCall';
import type { Log } from '../../core/log';
import { fire, fireNow } from '../dispatch';
import { RESULT_CALLBACK, type InvitationResultCallbacks } from '../invitationResults';

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
    core.on('receivedByPeer', (extra) => fire(this, 'onInviteReceivedByPeer', [extra], log));
    core.on('accepted', (extra) => fire(this, 'onInviteAcceptedByPeer', [extra], log));
    core.on('refused', (extra) => fire(this, 'onInviteRefusedByPeer', [extra], log));
    // Apps do JSON.parse(extra).reason (docs/reference/mapping-decisions.md, "Calls").
    core.on('failed', (f) => fire(this, 'onInviteFailed', [JSON.stringify({ reason: f.reason, ecode: f.code })], log));
    core.on('endByPeer', (extra) => fire(this, 'onInviteEndByPeer', [extra], log));
    // The one synchronous legacy callback: inside channelInviteEnd, always "" (docs/reference/legacy-web-sdk.md §7.3).
    core.on('endByMyself', (extra) => fireNow(this, 'onInviteEndByMyself', [extra], log));
    core.on('msg', (extra) => fire(this, 'onInviteMsg', [extra], log));
    core.on('operationResult', (operation, id, ok, reason) => fire(this, RESULT_CALLBACK[operation], [id, ok, reason], log));
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
