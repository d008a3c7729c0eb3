/**
 * Numbers from docs/reference/rtm1-web-sdk.md §3 and §4 that the 1.6.0 client enforces or waits for, and the
 * sliding window used for its rate limits: FakeRtm enforces them, and the 2.x adapter keeps them in
 * front of 2.x.
 */

import type { Clock } from '../clock';

/** docs/reference/rtm1-web-sdk.md §3.1: user and channel IDs are 1–64 UTF-16 code units. */
export const MAX_ID_LENGTH = 64;
/** docs/reference/rtm1-web-sdk.md §3.2: text, or raw bytes + description bytes, per message. */
export const MAX_MESSAGE_BYTES = 32_768;
/** docs/reference/rtm1-web-sdk.md §3.5: at most 180 peer + channel sends in any sliding 3 s, per login session. */
export const MESSAGE_RATE = { max: 180, perMs: 3_000 } as const;
/** docs/reference/rtm1-web-sdk.md §3.5: a login attempt that passed the state check blocks the next one for 500 ms. */
export const LOGIN_SPACING_MS = 500;
/** docs/reference/rtm1-web-sdk.md §3.4: channels joined or joining per client. */
export const MAX_CHANNELS = 20;
/** docs/reference/rtm1-web-sdk.md §3.4 */
export const MAX_QUERY_PEERS = 256;
export const MAX_COUNT_CHANNELS = 32;
export const MAX_SUBSCRIBED_PEERS = 512;
export const MAX_UNSUBSCRIBE_PEERS = 512;
/** docs/reference/rtm1-web-sdk.md §1.3: getMembers asks the server for page 0 of size 200. */
export const MEMBERS_PAGE_SIZE = 200;
/** docs/reference/rtm1-web-sdk.md §3.4: invitation content and response. */
export const MAX_INVITATION_TEXT_BYTES = 8_192;

/** docs/reference/rtm1-web-sdk.md §3.3: attribute maps. */
export const ATTRIBUTES = {
  maxKeys: 32,
  maxKeyBytes: 32,
  maxValueBytes: 8_192,
  maxUserTotalBytes: 16_384,
  maxChannelTotalBytes: 32_768,
  maxGetKeys: 32,
  maxGetKeyLength: 32,
  maxChannelDeleteKeyLength: 512,
} as const;

/** docs/reference/rtm1-web-sdk.md §2.3 and §4: how long the SDK waits for each kind of answer (the code's values, docs/reference/rtm1-web-sdk.md §6.11). */
export const TIMEOUTS = {
  loginMs: 12_000,
  messageMs: 10_000,
  joinMs: 10_000,
  attributeMs: 10_000,
  queryMs: 10_000,
  renewTokenMs: 20_000,
  /** docs/reference/rtm1-web-sdk.md §4.4: sends issued while RECONNECTING wait this long for the connection. */
  reconnectWaitMs: 9_000,
} as const;

/** docs/reference/rtm1-web-sdk.md §4.11: MemberCountUpdated throttle, leading and trailing edge. */
export const MEMBER_COUNT_THROTTLE_MS = 1_000;

/** docs/reference/rtm1-web-sdk.md §4.7 invitation timers (`FakeRtmOptions.invitation` overrides any of them in the fake). */
export interface InvitationTiming {
  /** Caller: interval between invite attempts while the callee is offline (2 s). */
  retryMs: number;
  /** Caller: how long an unanswered invite keeps trying before PEER_OFFLINE / PEER_NO_RESPONSE (30 s). */
  offlineWindowMs: number;
  /** Both sides: an invitation with no answer ends with INVITATION_EXPIRE this long after receipt (60 s). */
  expiryMs: number;
  /** Callee: how long after accept() (or after the caller got the accept) to wait for its ack (5 s). */
  acceptAckMs: number;
  /** Callee: delay before the accept is sent, and between resends until the caller has it (~1 s). */
  acceptResendMs: number;
}

export const DEFAULT_INVITATION_TIMING: Readonly<InvitationTiming> = /* @__PURE__ */ Object.freeze({
  retryMs: 2_000,
  offlineWindowMs: 30_000,
  expiryMs: 60_000,
  acceptAckMs: 5_000,
  acceptResendMs: 1_000,
});

/** A rate limit: at most `max` events in any window of `perMs`. */
export interface RateLimit {
  max: number;
  perMs: number;
}

/** Forgotten times are cut off the window's array once there are this many (and they are half of it). */
const COMPACT_AT = 256;

/**
 * Counts events in a sliding window. `tryTake()` records the event and returns true when the
 * window has room; docs/reference/rtm1-web-sdk.md §3.5 says the SDK counts every send that passes the check, so a refused event
 * is not recorded.
 *
 * It runs on every message sent, so the times are kept in order and an index moves forward past
 * the expired ones (cut off in bulk), instead of the window being copied on every event.
 */
export class SlidingWindow {
  readonly #clock: Clock;
  readonly #limit: RateLimit;
  /** Event times in ascending order; those before `#head` have left the window. */
  #times: number[] = [];
  #head = 0;

  constructor(clock: Clock, limit: RateLimit) {
    this.#clock = clock;
    this.#limit = limit;
  }

  tryTake(): boolean {
    const now = this.#clock.now();
    const times = this.#times;
    // An event leaves the window once `now - time >= perMs`.
    while (this.#head < times.length && now - times[this.#head]! >= this.#limit.perMs) this.#head++;
    if (this.#head >= COMPACT_AT && this.#head * 2 >= times.length) {
      times.splice(0, this.#head);
      this.#head = 0;
    }
    if (times.length - this.#head >= this.#limit.max) return false;
    const last = times.length > this.#head ? times[times.length - 1]! : -Infinity;
    if (now >= last) times.push(now);
    else {
      // A wall clock set back: the time goes in its place, so the expired ones stay a prefix.
      let at = times.length;
      while (at > this.#head && times[at - 1]! > now) at--;
      times.splice(at, 0, now);
    }
    return true;
  }

  /** Nothing taken within the window: forgetting this window changes no later verdict. */
  get idle(): boolean {
    const times = this.#times;
    return times.length === this.#head || this.#clock.now() - times[times.length - 1]! >= this.#limit.perMs;
  }
}
