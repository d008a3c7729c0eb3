/**
 * Turns what a call does into plain data both backends can be compared on: sync return or
 * throw, resolve or reject, and for errors every field an app can read.
 */

export type Described = null | boolean | number | string | Described[] | { [key: string]: Described };

/** A value as data: errors by their fields, timestamps as "number", bytes as arrays. */
export function describe(value: unknown, baseError?: new (...args: never[]) => Error): Described {
  if (value instanceof Error) return describeError(value, baseError);
  if (value === undefined) return '<undefined>';
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? '<NaN>' : value;
  if (typeof value === 'function') return '<function>';
  if (value instanceof Uint8Array) return { '<bytes>': [...value] };
  if (Array.isArray(value)) return value.map((item) => describe(item, baseError));
  if (typeof value === 'object') {
    const out: Record<string, Described> = {};
    for (const [key, item] of Object.entries(value)) out[key] = key === 'timestamp' && typeof item === 'number' && item !== 0 ? '<time>' : describe(item, baseError);
    return out;
  }
  return String(value);
}

function describeError(error: Error, baseError?: new (...args: never[]) => Error): Described {
  const fields = error as unknown as Record<string, unknown>;
  const rtm = baseError !== undefined && error instanceof baseError;
  if (!rtm) return { class: error.constructor.name, name: error.name, message: error.message };
  return {
    class: 'RTMBaseError',
    name: error.name,
    code: describe(fields.code),
    errorCode: describe(fields.errorCode),
    reason: describe(fields.reason),
    message: error.message,
    operation: describe(fields.operation),
    serverCode: describe(fields.serverCode),
    error: describe(fields.error),
    ownKeys: Object.getOwnPropertyNames(error).filter((key) => key !== 'stack'),
  };
}

export type Outcome = { kind: 'return' | 'throw' | 'resolve' | 'reject' | 'pending'; value: Described };

/** Runs `call` and reports how it ended; a Promise is awaited unless it is still pending after `settle`. */
export async function outcomeOf(call: () => unknown, baseError: new (...args: never[]) => Error, settle: () => Promise<void>): Promise<Outcome> {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    return { kind: 'throw', value: describe(error, baseError) };
  }
  if (!(result instanceof Promise)) return { kind: 'return', value: describe(result, baseError) };
  const tracked = track(result);
  await settle();
  const settled = tracked.state();
  if (settled.kind === 'pending') return { kind: 'pending', value: null };
  return { kind: settled.kind, value: describe(settled.value, baseError) };
}

/** Observes a Promise without awaiting it (a pending rejection is handled, never unhandled). */
export function track(promise: Promise<unknown>) {
  let state: { kind: 'pending' | 'resolve' | 'reject'; value?: unknown } = { kind: 'pending' };
  promise.then(
    (value) => (state = { kind: 'resolve', value }),
    (value) => (state = { kind: 'reject', value }),
  );
  return { state: () => state };
}
