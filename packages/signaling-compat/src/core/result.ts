import { LegacyCode, type Failure } from './legacyCodes';

/**
 * The result of every core operation. Core operations never reject: a failure is a value that
 * carries the legacy code (docs/reference/legacy-web-sdk.md §9) each dialect reports, and a readable
 * reason (never a token).
 */
export type Result<T = void> = { ok: true; value: T } | ({ ok: false } & Failure);

/** The one success without a value: every message sent is one, so they share it (frozen: nobody changes it). */
const OK_VOID = /* @__PURE__ */ Object.freeze({ ok: true, value: undefined } as const);

export function ok(): Result<void>;
export function ok<T>(value: T): Result<T>;
export function ok<T>(value?: T): Result<T | undefined> {
  return value === undefined ? OK_VOID : { ok: true, value };
}

export function err<T = void>(code: number, reason: string): Result<T> {
  return { ok: false, code, reason };
}

/** A `Failure` (or none) as a result: what attribute queues report. */
export function resultOf(failure: Failure | undefined): Result {
  return failure ? err(failure.code, failure.reason) : ok();
}

/**
 * Told a message send's result in the step that settles it: a handler the dialect object made once,
 * and the send's own datum (the app's callback). The send then needs no closure and no `then` of its
 * own on the message hot path; dialects that want a promise use the one every send returns.
 */
export type SendNotice<D> = (result: Result, datum: D) => void;

/** `result`, once `notice` (when there is one) was told it. */
export function told<D>(result: Result, notice: SendNotice<D> | undefined, datum: D): Result {
  notice?.(result, datum);
  return result;
}

/**
 * A result known inside the call (a send refused before RTM), told one step later, as a `then` on
 * the promise would be: what the same call or an earlier one queued first (a refused join's
 * failure, a rejoin's sequence, a logout's `onLogout`) reaches the app first.
 */
export function toldLater<D>(result: Result, notice: SendNotice<D> | undefined, datum: D): Promise<Result> {
  const settled = Promise.resolve(result);
  if (notice) void settled.then(() => notice(result, datum));
  return settled;
}

/** What a message send the logout abandoned reports (peer, channel and forced sends alike). */
export function droppedSend(): Result {
  return err(LegacyCode.SENDMESSAGE_E_OTHER, 'logged out before the message was sent');
}
