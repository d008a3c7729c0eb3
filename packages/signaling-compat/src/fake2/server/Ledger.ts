import { rtmError, type RTMBaseError, type RtmErrorName } from '../rules/errors';

/**
 * The 2.x methods `FakeRtm2.failNext` and `stats()` know, named as an app calls them: client
 * methods plainly, the others prefixed with their object (`presence.whoNow`, `storage.getUserMetadata`,
 * `lock.acquireLock`, `history.getMessages`).
 */
export type Rtm2MethodName =
  | 'login'
  | 'logout'
  | 'renewToken'
  | 'publish'
  | 'subscribe'
  | 'unsubscribe'
  | `presence.${'whoNow' | 'getOnlineUsers' | 'whereNow' | 'getUserChannels' | 'setState' | 'getState' | 'removeState'}`
  | `storage.${
      | 'setChannelMetadata'
      | 'getChannelMetadata'
      | 'removeChannelMetadata'
      | 'updateChannelMetadata'
      | 'setUserMetadata'
      | 'getUserMetadata'
      | 'removeUserMetadata'
      | 'updateUserMetadata'
      | 'subscribeUserMetadata'
      | 'unsubscribeUserMetadata'}`
  | `lock.${'setLock' | 'removeLock' | 'acquireLock' | 'releaseLock' | 'revokeLock' | 'getLock'}`
  | 'history.getMessages';

/** Codes whose natural class is not RtmUnavailableError (what a service refusal usually is). */
const NAME_BY_CODE: ReadonlyMap<number, RtmErrorName> = new Map<number, RtmErrorName>([
  [-10003, 'RtmUnauthenticatedError'],
  [-10005, 'RtmUnauthenticatedError'],
  [-10009, 'RtmUnauthenticatedError'],
  [-10015, 'RtmUnauthenticatedError'],
  [-10011, 'RtmTimeoutError'],
  [-10026, 'RtmTimeoutError'],
  [-11019, 'RtmUnavailableError'],
  [-11026, 'RtmTimeoutError'],
  [-12018, 'RtmTimeoutError'],
  [-13012, 'RtmTimeoutError'],
  [-14002, 'RtmTimeoutError'],
  [-15003, 'RtmTimeoutError'],
  [-10025, 'RtmInvalidStatusError'],
  [-12015, 'RtmInvalidStatusError'],
  [-11005, 'RtmLimitExceededError'],
  [-12017, 'RtmLimitExceededError'],
]);

export function defaultErrorName(code: number): RtmErrorName {
  return NAME_BY_CODE.get(code) ?? 'RtmUnavailableError';
}

/** Calls per method and queued failures, shared by every client of one FakeRtm2. Not part of RTM. */
export class Ledger {
  readonly #counts = new Map<string, number>();
  readonly #faults = new Map<Rtm2MethodName, Array<{ code: number; name: RtmErrorName }>>();

  count(method: Rtm2MethodName): void {
    this.#counts.set(method, (this.#counts.get(method) ?? 0) + 1);
  }

  stats(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }

  resetStats(): void {
    this.#counts.clear();
  }

  failNext(method: Rtm2MethodName, code: number, name: RtmErrorName = defaultErrorName(code)): void {
    const queue = this.#faults.get(method) ?? [];
    queue.push({ code, name });
    this.#faults.set(method, queue);
  }

  /** The next queued failure of `method` as the error `operation` raises; consumed. */
  take(method: Rtm2MethodName, operation: string): RTMBaseError | undefined {
    const fault = this.#faults.get(method)?.shift();
    return fault && rtmError(fault.name, fault.code, operation);
  }
}
