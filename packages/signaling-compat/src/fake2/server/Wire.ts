import type { Clock, TimerHandle } from '../../rtm/clock';

/**
 * The link between the clients of one `FakeRtm2` and its in-memory service: every hop takes
 * `latencyMs` on the clock; at latency 0 a hop is a microtask, so work due now settles within one
 * host macrotask turn. Counts the latency-0 work in flight for `FakeRtm2.flush()`.
 */
export class Wire {
  readonly clock: Clock;
  readonly latencyMs: number;
  #inFlight = 0;

  constructor(clock: Clock, latencyMs: number) {
    this.clock = clock;
    this.latencyMs = latencyMs;
  }

  /** Runs `fn` one client↔service hop from now, never inside the caller's own call stack. */
  hop(fn: () => void): void {
    if (this.latencyMs > 0) {
      this.clock.setTimeout(fn, this.latencyMs);
      return;
    }
    this.soon(fn);
  }

  /** Runs `fn` asynchronously at the current time (local work, no hop). */
  soon(fn: () => void): void {
    this.#inFlight++;
    queueMicrotask(() => {
      this.#inFlight--;
      fn();
    });
  }

  /** An SDK timer (timeouts, retries, presence intervals) on the clock. */
  later(ms: number, fn: () => void): TimerHandle {
    return this.clock.setTimeout(fn, ms);
  }

  cancel(handle: TimerHandle | undefined): void {
    if (handle !== undefined) this.clock.clearTimeout(handle);
  }

  get inFlight(): number {
    return this.#inFlight;
  }
}
