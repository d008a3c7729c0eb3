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

/** What a message send the logout abandoned reports (peer, channel and forced sends alike). */
export function droppedSend(): Result {
  return err(LegacyCode.SENDMESSAGE_E_OTHER, 'logged out before the message was sent');
}
