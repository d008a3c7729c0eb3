import type { TimerHandle } from '../../rtm/clock';
import { MEMBER_COUNT_THROTTLE_MS } from '../../rtm/rtm1/limits';
import type { Network } from '../server/Network';

/**
 * docs/reference/rtm1-web-sdk.md §4.11 MemberCountUpdated: counts pass a 1 s throttle with leading and trailing edges, and only a
 * count that differs from the last one emitted is emitted (probe: `1` at once, a trailing `2`
 * one second later, `7` 1.5 s after that). The stored count starts at 0 and `reset()` returns it
 * to 0 on leave/logout, so the next join emits again.
 */
export class MemberCountThrottle {
  readonly #net: Network;
  readonly #emit: (count: number) => void;
  #latest = 0;
  #lastEmitted = 0;
  #window: TimerHandle | undefined;
  #trailing = false;

  constructor(net: Network, emit: (count: number) => void) {
    this.#net = net;
    this.#emit = emit;
  }

  /** The latest count received (the SDK's `memberCount`). */
  get count(): number {
    return this.#latest;
  }

  update(count: number): void {
    this.#latest = count;
    if (this.#window !== undefined) this.#trailing = true;
    else this.#emitIfChanged();
  }

  reset(): void {
    this.#net.cancel(this.#window);
    this.#window = undefined;
    this.#trailing = false;
    this.#latest = 0;
    this.#lastEmitted = 0;
  }

  #emitIfChanged(): void {
    if (this.#latest === this.#lastEmitted) return;
    this.#lastEmitted = this.#latest;
    this.#window = this.#net.later(MEMBER_COUNT_THROTTLE_MS, () => {
      this.#window = undefined;
      if (!this.#trailing) return;
      this.#trailing = false;
      this.#emitIfChanged();
    });
    this.#emit(this.#latest);
  }
}
