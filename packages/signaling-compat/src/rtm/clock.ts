/**
 * The time source for every timer in the shim and the fake. Tests inject a `ManualClock`
 * (from `signaling-compat/fake`) and advance it instead of sleeping.
 */
export interface Clock {
  /** Milliseconds, monotonic enough for timeouts and rate windows. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque timer handle. */
export type TimerHandle = unknown;

/** The default clock: the host's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
