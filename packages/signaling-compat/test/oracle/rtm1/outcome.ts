import type { Subject } from './subjects';

/** What an app can observe of an error: the SDK's classes are not exported, so name and code. */
export interface ErrorSeen {
  name: unknown;
  code: unknown;
  message: unknown;
}

export type Outcome =
  | { thrown: ErrorSeen }
  | { returned: unknown }
  | { rejected: ErrorSeen }
  | { resolved: unknown }
  | { pending: true };

export function errorSeen(error: unknown): ErrorSeen {
  if (typeof error !== 'object' || error === null) return { name: typeof error, code: undefined, message: String(error) };
  const { name, code, message } = error as Record<string, unknown>;
  return { name, code, message };
}

/**
 * A value reduced to what a probe compares: plain data as is (keys sorted), anything else by its
 * type, so SDK objects compare by kind, not by their internals.
 */
export function data(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? 'function' : value;
  if (value instanceof Uint8Array) return { Uint8Array: Array.from(value) };
  if (Array.isArray(value)) return value.map(data);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return `object`;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, data((value as Record<string, unknown>)[key])]),
  );
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Calls `run` and reports how it ended: a synchronous throw or return, or, for a promise, its
 * settlement once everything due now has run (`pending` if it has not settled by then).
 */
export async function settle(subject: Subject, run: () => unknown): Promise<Outcome> {
  let value: unknown;
  try {
    value = run();
  } catch (error) {
    return { thrown: errorSeen(error) };
  }
  if (!isThenable(value)) return { returned: data(value) };
  let outcome: Outcome = { pending: true };
  value.then(
    (resolved) => {
      outcome = { resolved: data(resolved) };
    },
    (error: unknown) => {
      outcome = { rejected: errorSeen(error) };
    },
  );
  await subject.flush();
  return outcome;
}

/** A probe: a named scenario whose observations must be the same on both sides. */
export interface Probe {
  id: string;
  run(subject: Subject): Promise<unknown>;
}
