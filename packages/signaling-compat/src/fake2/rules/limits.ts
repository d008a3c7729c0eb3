import type { Clock } from '../../rtm/clock';

/**
 * Numbers agora-rtm-sdk 2.3.0 enforces or waits for (docs/reference/rtm2-web-sdk.md §2), and the
 * Console values the fake stands in for.
 */

/** docs/reference/rtm2-web-sdk.md §2.7: message bytes + customType bytes per publish. */
export const MAX_MESSAGE_BYTES = 32_768;
/** docs/reference/rtm2-web-sdk.md §2.7 */
export const MAX_CUSTOM_TYPE_BYTES = 32;
/** docs/reference/rtm2-web-sdk.md §2.10: subscribed message channels (`MESSAGE_CHANNEL_COUNT`). */
export const MAX_SUBSCRIBED_CHANNELS = 50;
/** docs/reference/rtm2-web-sdk.md §2.12 storage limits per call. */
export const METADATA = {
  maxItems: 32,
  maxKeyBytes: 32,
  maxValueBytes: 16_384,
  maxRequestBytes: 16_384,
  maxUserSubscriptions: 50,
} as const;
/** docs/reference/rtm2-web-sdk.md §1.4 / §2.11: presence state. */
export const PRESENCE_STATE = {
  maxKeys: 32,
  maxKeyBytes: 32,
  maxValueBytes: 16_384,
  maxCachedChannels: 100,
} as const;
/** docs/reference/rtm2-web-sdk.md §1.2: `presenceTimeout` is clamped to 5…300 s, default 300. */
export const PRESENCE_TIMEOUT_S = { min: 5, max: 300, default: 300 } as const;
/** docs/reference/rtm2-web-sdk.md §1.6 / §2.13: lock TTL clamp. */
export const LOCK_TTL_S = { min: 10, max: 300, default: 10 } as const;

/** docs/reference/rtm2-web-sdk.md §2.3: each login/reconnect attempt waits 5 s for an answer; the waits between attempts. */
export const ATTEMPT_MS = 5_000;
export const RETRY_WAITS_S: readonly number[] = [2, 4, 8, 16, 32, 32];
export const LATER_RETRY_WAIT_S = 30;
/** docs/reference/rtm2-web-sdk.md §2.3: an outage longer than this (from its first timeout) is SUSPENDED. */
export const SUSPEND_AFTER_MS = 115_000;

/** docs/reference/rtm2-web-sdk.md §2.1 / §2.8 / §2.10: how long the SDK waits for the service's answer. */
export const TIMEOUTS = {
  publishMessageMs: 10_000,
  publishUserMs: 13_000,
  subscribeMs: 10_000,
  storageMs: 10_000,
  presenceMs: 10_000,
  renewTokenMs: 10_000,
} as const;

/** docs/reference/rtm2-web-sdk.md §2.14: the SDK's `API_RATE_LIMIT` table, calls per sliding second per client. */
export const API_RATE_LIMIT: Readonly<Record<RateBucket, number>> = Object.freeze({
  removeLock: 20,
  setLock: 20,
  acquireLock: 10,
  releaseLock: 20,
  revokeLock: 20,
  getLock: 20,
  userMetaModify: 20,
  userMetaGet: 20,
  userMetaSub: 20,
  channelMetaModify: 20,
  channelMetaGet: 20,
  login: 20,
  renewToken: 20,
  whoNow: 20,
  whereNow: 20,
  modifyState: 20,
  getState: 20,
  subscribe: 20,
  publish: 60,
  getMessages: 20,
});

export type RateBucket =
  | 'removeLock'
  | 'setLock'
  | 'acquireLock'
  | 'releaseLock'
  | 'revokeLock'
  | 'getLock'
  | 'userMetaModify'
  | 'userMetaGet'
  | 'userMetaSub'
  | 'channelMetaModify'
  | 'channelMetaGet'
  | 'login'
  | 'renewToken'
  | 'whoNow'
  | 'whereNow'
  | 'modifyState'
  | 'getState'
  | 'subscribe'
  | 'publish'
  | 'getMessages';

/**
 * docs/reference/rtm2-web-sdk.md §2.14: per client, each bucket allows its number of calls in any sliding 1 s; every call that
 * reaches the check counts, whatever happens to it later, and a refused call is not counted.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #limits: Readonly<Record<RateBucket, number>>;
  readonly #times = new Map<RateBucket, number[]>();

  constructor(clock: Clock, limits: Readonly<Record<RateBucket, number>>) {
    this.#clock = clock;
    this.#limits = limits;
  }

  tryTake(bucket: RateBucket): boolean {
    const now = this.#clock.now();
    const times = (this.#times.get(bucket) ?? []).filter((time) => now - time < 1_000);
    if (times.length >= this.#limits[bucket]) {
      this.#times.set(bucket, times);
      return false;
    }
    times.push(now);
    this.#times.set(bucket, times);
    return true;
  }
}
