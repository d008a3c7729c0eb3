import type { RtmErrorName, RtmMethodName } from '../../rtm/types';
import { RtmError } from '../../rtm/rtm1/errors';
import { defaultErrorName } from '../rules/errors';

/**
 * Test controls shared by every client of one `FakeRtm`: how often each RTM method was called,
 * and the failures queued with `failNext`. Not part of RTM.
 */
export class CallLedger {
  readonly #counts = new Map<string, number>();
  readonly #faults = new Map<RtmMethodName, RtmError[]>();

  /** Records one call of `method`, whatever its outcome. */
  count(method: RtmMethodName | 'queryPeersBySubscriptionOption'): void {
    this.#counts.set(method, (this.#counts.get(method) ?? 0) + 1);
  }

  stats(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }

  resetStats(): void {
    this.#counts.clear();
  }

  failNext(method: RtmMethodName, code: number, name: RtmErrorName = defaultErrorName(method, code)): void {
    const queue = this.#faults.get(method) ?? [];
    queue.push(new RtmError(name, code, `Failure injected by FakeRtm.failNext("${method}")`));
    this.#faults.set(method, queue);
  }

  /** The next queued failure of `method`, consumed; called once a call has passed its client-side checks. */
  takeFault(method: RtmMethodName): RtmError | undefined {
    return this.#faults.get(method)?.shift();
  }
}
