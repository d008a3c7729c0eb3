import type { Failure } from './legacyCodes';

/** The result of a core operation. Core operations never reject: failures are values. */
export type Outcome<T = void> = { ok: true; value: T } | { ok: false; failure: Failure };

export function succeed(): Outcome<void>;
export function succeed<T>(value: T): Outcome<T>;
export function succeed<T>(value?: T): Outcome<T | undefined> {
  return { ok: true, value };
}

export function fail<T = void>(code: number, reason: string): Outcome<T> {
  return { ok: false, failure: { code, reason } };
}
