import type { Failure } from './legacyCodes';

/**
 * The result of every core operation. Core operations never reject: a failure is a value that
 * carries the legacy code (docs/reference/legacy-web-sdk.md §9) each dialect reports, and a readable
 * reason (never a token).
 */
export type Result<T = void> = { ok: true; value: T } | ({ ok: false } & Failure);

export function ok(): Result<void>;
export function ok<T>(value: T): Result<T>;
export function ok<T>(value?: T): Result<T | undefined> {
  return { ok: true, value };
}

export function err<T = void>(code: number, reason: string): Result<T> {
  return { ok: false, code, reason };
}

/** A `Failure` (or none) as a result: what attribute queues report. */
export function resultOf(failure: Failure | undefined): Result {
  return failure ? err(failure.code, failure.reason) : ok();
}
