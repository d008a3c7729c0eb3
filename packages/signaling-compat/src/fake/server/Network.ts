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

  /**
   * `hop(() => fn(item))` for each item, in order. At latency 0 those hops would be consecutive
   * microtasks, between which nothing else can run (what they queue runs after the last), so they
   * run as one: a message to a 50,000-member channel queues one microtask, not 50,000 closures.
   */
  hopEach<T>(items: readonly T[], fn: (item: T) => void): void {
    if (this.latencyMs > 0) {
      for (const item of items) this.clock.setTimeout(() => fn(item), this.latencyMs);
      return;
    }
    this.#after(0, () => {
      for (const item of items) fn(item);
    });
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
    // With no connection cut, no lookup: a channel message asks this once per receiver.
    return uid !== undefined && (this.#down.size === 0 || !this.#down.has(uid));
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
    this.#due.push(fn);
    // One microtask per hop, as `queueMicrotask` would queue it, but with no AsyncResource and no
    // wrapper closure per hop (a message to 50,000 members is 50,000 hops): microtasks run in the
    // order they were queued, so the n-th `#runNext` runs the n-th hop.
    void settled.then(this.#runNext);
  }

  /** Hops due at latency 0, oldest first from `#next`. */
  #due: Array<(() => void) | undefined> = [];
  #next = 0;

  #runNext = (): void => {
    const fn = this.#due[this.#next]!;
    this.#due[this.#next++] = undefined;
    if (this.#next === this.#due.length) {
      this.#due.length = 0;
      this.#next = 0;
    } else if (this.#next >= COMPACT_AT && this.#next * 2 >= this.#due.length) {
      this.#due.splice(0, this.#next);
      this.#next = 0;
    }
    this.#inFlight--;
    fn();
  };
}

/** A settled promise: its `then` queues a microtask (see `Network.#after`). */
const settled = Promise.resolve();

/** Run hops are cut off the queue once there are this many (and they are half of it). */
const COMPACT_AT = 1024;
