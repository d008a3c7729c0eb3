import type { Clock, TimerHandle } from '../rtm/clock';

/**
 * 2.x client-side call limits (docs/reference/rtm2-web-sdk.md §2.14), by the SDK's own bucket
 * names: per instance, in any sliding second; a call counts when it is made, even if it then
 * fails. `unsubscribe` and `logout` are not limited. 1.x allowed bursts 2.x refuses (180
 * messages per 3 s), so the adapter never lets a call reach 2.x over its budget: it waits for
 * the window instead, in call order.
 */
export const RTM2_RATE_PER_SECOND: Readonly<Record<string, number>> = Object.freeze({
  publish: 60,
  subscribe: 20,
  whoNow: 20,
  renewToken: 20,
  channelMetaModify: 20,
  channelMetaGet: 20,
  userMetaModify: 20,
  userMetaGet: 20,
});
const WINDOW_MS = 1_000;

interface Waiter {
  bucket: string;
  start: () => void;
  cancel: (error: unknown) => void;
}

export class RateGate {
  readonly #clock: Clock;
  readonly #limits: Readonly<Record<string, number>>;
  readonly #times = new Map<string, number[]>();
  #queue: Waiter[] = [];
  #timer: TimerHandle | undefined;
  /** Calls of limited buckets that started and have not settled. */
  #running = 0;
  /** Set by `close` while started calls are unsettled: fails the waits it ended. */
  #whenIdle: (() => void) | undefined;

  /** `limits` overrides the table, as 2.x's `API_RATE_LIMIT` parameter does. */
  constructor(clock: Clock, limits: Readonly<Record<string, number>> = {}) {
    this.#clock = clock;
    this.#limits = { ...RTM2_RATE_PER_SECOND, ...limits };
  }

  /** Runs `call` as soon as `bucket` has room (at once when it has, or when it is not limited). */
  run<T>(bucket: string, call: () => Promise<T>): Promise<T> {
    if (this.#limits[bucket] === undefined) return call();
    if (this.#queue.length === 0 && this.#take(bucket)) return this.#started(call());
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ bucket, start: () => this.#started(call()).then(resolve, reject), cancel: reject });
      this.#schedule();
    });
  }

  /**
   * Ends every wait with `error` (logout): nothing queued outlives the session. The waits fail
   * after the calls already made have answered, so their callers hear in call order, or once
   * `settled` (2.x's logout) settles, as 2.x may never answer a call.
   */
  close(error: () => unknown, settled: Promise<unknown>): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const waiting = this.#queue;
    this.#queue = [];
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      for (const waiter of waiting) waiter.cancel(error());
    };
    if (this.#running === 0) return end();
    this.#whenIdle = end;
    void settled.then(end);
  }

  #started<T>(calling: Promise<T>): Promise<T> {
    this.#running++;
    const settled = (): void => {
      const end = this.#whenIdle;
      if (--this.#running > 0 || !end) return;
      this.#whenIdle = undefined;
      // A reaction added now runs after the caller's own, which it added when `run` returned.
      void calling.then(end, end);
    };
    calling.then(settled, settled);
    return calling;
  }

  #take(bucket: string): boolean {
    const now = this.#clock.now();
    const times = (this.#times.get(bucket) ?? []).filter((time) => now - time < WINDOW_MS);
    this.#times.set(bucket, times);
    if (times.length >= (this.#limits[bucket] ?? Number.POSITIVE_INFINITY)) return false;
    times.push(now);
    return true;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#queue.length === 0) return;
    const head = this.#queue[0];
    const times = this.#times.get(head.bucket) ?? [];
    const wait = times.length === 0 ? 0 : Math.max(0, (times[0] ?? 0) + WINDOW_MS - this.#clock.now());
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      while (this.#queue.length > 0 && this.#take(this.#queue[0].bucket)) this.#queue.shift()?.start();
      this.#schedule();
    }, wait);
  }
}
