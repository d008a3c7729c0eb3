import type { Clock } from '../rtm/clock';

/**
 * RTM documents about 10 channel-attribute writes per 5 s per client, all its channels counted
 * together (docs/reference/rtm1-web-sdk.md §3.5). One AttributeRate per engine (one RTM client)
 * paces every channel's attribute queue, so writes to several channels cannot add up past it.
 */
export const ATTR_OPS_LIMIT = 10;
export const ATTR_OPS_WINDOW_MS = 5000;

export class AttributeRate {
  readonly #clock: Clock;
  #calls: number[] = [];

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Milliseconds until one more write fits in the sliding window (0: now). */
  waitFor(): number {
    const now = this.#clock.now();
    this.#calls = this.#calls.filter((t) => t > now - ATTR_OPS_WINDOW_MS);
    if (this.#calls.length < ATTR_OPS_LIMIT) return 0;
    return this.#calls[this.#calls.length - ATTR_OPS_LIMIT]! + ATTR_OPS_WINDOW_MS - now;
  }

  /** Counts a write made now. */
  take(): void {
    this.#calls.push(this.#clock.now());
  }
}
