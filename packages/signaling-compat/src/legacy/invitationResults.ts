import type { CallEvents, CallOperation } from '../core/CoreCall';
import type { Wire } from './wiring';

/**
 * Results of invitation operations, reported the way docs/reference/call-result-callbacks.md's `JRTCCallCallback` does
 * (`onInviteResult(operatorId, result, reason)` & co.). Not part of the legacy SDKs: they fire only
 * when the app defines them, so legacy code is unaffected. The operation id is what the legacy
 * method returned (`channelInviteAccept()` → id); `reason` is `""` on success.
 */
export interface InvitationResultCallbacks {
  /** The invitation was (or could not be) sent. */
  onInviteResult?(operationId: number, ok: boolean, reason: string): void;
  /** `channelInviteEnd`: the invitation was (or could not be) withdrawn or the call ended. */
  onCancelInviteResult?(operationId: number, ok: boolean, reason: string): void;
  /** `channelInviteAccept`. */
  onAcceptInviteResult?(operationId: number, ok: boolean, reason: string): void;
  /** `channelInviteRefuse`. */
  onRejectInviteResult?(operationId: number, ok: boolean, reason: string): void;
}

/** The callback that reports each core call operation. */
export const RESULT_CALLBACK: Readonly<Record<CallOperation, keyof InvitationResultCallbacks>> = {
  invite: 'onInviteResult',
  cancel: 'onCancelInviteResult',
  accept: 'onAcceptInviteResult',
  refuse: 'onRejectInviteResult',
};

/**
 * How every dialect's call table reports an operation result: the callback of its operation with
 * `(operationId, ok, reason)` alone, never prefixed by a session or call.
 */
export const RESULT_WIRE: Wire<Parameters<CallEvents['operationResult']>, unknown> = {
  name: (operation) => RESULT_CALLBACK[operation],
  args: (_, _operation, id, ok, reason) => [id, ok, reason],
  bare: true,
};
