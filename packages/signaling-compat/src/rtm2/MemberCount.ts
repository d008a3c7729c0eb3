import type { Clock, TimerHandle } from '../rtm/clock';
import { MEMBER_COUNT_THROTTLE_MS as THROTTLE_MS } from '../rtm/rtm1/limits';

/**
 * docs/reference/rtm1-web-sdk.md §4.11: MemberCountUpdated at most once a second, leading and trailing edge, only
 * on change.
 */
export class MemberCount {
  readonly #clock: Clock;
  readonly #emit: (count: number) => void;
  #last: number | undefined;
  #lastAt = Number.NEGATIVE_INFINITY;
  #latest: number | undefined;
  #timer: TimerHandle | undefined;

  constructor(clock: Clock, emit: (count: number) => void) {
    this.#clock = clock;
    this.#emit = emit;
  }

  update(count: number): void {
    this.#latest = count;
    if (this.#timer !== undefined) return;
    const wait = this.#lastAt + THROTTLE_MS - this.#clock.now();
    if (wait <= 0) return this.#fire();
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#fire();
    }, wait);
  }

  stop(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#last = undefined;
    this.#latest = undefined;
  }

  #fire(): void {
    const count = this.#latest;
    if (count === undefined || count === this.#last) return;
    this.#last = count;
    this.#lastAt = this.#clock.now();
    this.#emit(count);
  }
}
