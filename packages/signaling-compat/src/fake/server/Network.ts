import type { Clock, TimerHandle } from '../../rtm/clock';

/** Called when a user's connection to the fake cloud is cut or restored (`FakeRtm.disconnect/reconnect`). */
export type LinkListener = (uid: string, up: boolean) => void;

/**
 * The wire between clients and the in-memory server of one `FakeRtm`: every hop takes
 * `latencyMs` on the clock; at latency 0 a hop is a microtask, so work at the current time settles
 * within one host macrotask turn and `await client.login()` needs no manual flushing. It also
 * knows which users' connections are cut, and counts the latency-0 work still in flight for
 * `FakeRtm.flush()`.
 */
export class Network {
  readonly clock: Clock;
  readonly latencyMs: number;
  #inFlight = 0;
  readonly #down = new Set<string>();
  readonly #linkListeners = new Set<LinkListener>();

  constructor(clock: Clock, latencyMs: number) {
    this.clock = clock;
    this.latencyMs = latencyMs;
  }

  /** Runs `fn` one client↔server hop from now; never inside the caller's own call stack. */
  hop(fn: () => void): void {
    this.#after(this.latencyMs, fn);
  }

  /** Runs `fn` asynchronously at the current time (a local event, no network involved). */
  soon(fn: () => void): void {
    this.#after(0, fn);
  }

  /** A timer on the clock (SDK timeouts and retries), even for 0 ms. */
  later(ms: number, fn: () => void): TimerHandle {
    return this.clock.setTimeout(fn, ms);
  }

  cancel(handle: TimerHandle | undefined): void {
    if (handle !== undefined) this.clock.clearTimeout(handle);
  }

  /** Latency-0 hops and local events scheduled and not yet run. */
  get inFlight(): number {
    return this.#inFlight;
  }

  isUp(uid: string | undefined): boolean {
    return uid !== undefined && !this.#down.has(uid);
  }

  setLink(uid: string, up: boolean): void {
    if (up === this.isUp(uid)) return;
    if (up) this.#down.delete(uid);
    else this.#down.add(uid);
    for (const listener of this.#linkListeners) listener(uid, up);
  }

  /** Returns the unsubscribe: a client listens only while logged in, so a logged-out one can be collected. */
  onLinkChange(listener: LinkListener): () => void {
    this.#linkListeners.add(listener);
    return () => this.#linkListeners.delete(listener);
  }

  #after(ms: number, fn: () => void): void {
    if (ms > 0) {
      this.clock.setTimeout(fn, ms);
      return;
    }
    this.#inFlight++;
    queueMicrotask(() => {
      this.#inFlight--;
      fn();
    });
  }
}
