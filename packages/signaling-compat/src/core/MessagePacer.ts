import type { Clock, TimerHandle } from '../rtm/clock';

/** RTM 1.x rejects the 181st message (peer and channel together) in any sliding 3 s window. */
export const RTM_MESSAGE_LIMIT = 180;
export const RTM_MESSAGE_WINDOW_MS = 3000;
/**
 * The window's edge: a rate refusal while the pacer's own count of the last `RTM_MESSAGE_WINDOW_MS +
 * EDGE_MARGIN_MS` is within `EDGE_MARGIN_SENDS` of the limit is RTM's window being a little fuller
 * or later than the pacer's (its clock read a millisecond later, a send of the previous window
 * counted late), so the send is retried. A refusal far from the edge is no pacing matter (a fault):
 * it is reported like any failed send.
 */
export const EDGE_MARGIN_MS = 500;
export const EDGE_MARGIN_SENDS = 10;
/** Forgotten stamps are cut off `#sent` once there are this many (and they are half of it). */
const COMPACT_AT = 256;
/** After RTM refused a send at the edge, the wait before it is tried again (first in line). */
export const RATE_RETRY_MS = 250;

/** What an RTM send did: its value, or the error it rejected with. */
export type SendResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** A send waiting for its turn: `run` sends it; `drop` fails it when the queue is abandoned. */
interface PacedJob {
  /** Submission order: a retried send goes back in line ahead of every later one. */
  seq: number;
  run(): void;
  drop(): void;
}

/** One send's handlers and data, as `send` was given them. */
interface SendJob<R, T, A> {
  readonly seq: number;
  readonly rtm: (arg: A) => Promise<R>;
  readonly settle: (result: SendResult<R>, arg: A) => T;
  readonly dropped: (arg: A) => T;
  readonly arg: A;
  /**
   * The sends RTM has, oldest first, as a list through the jobs themselves: a send in flight costs
   * two field writes, not an entry in a collection.
   */
  older: AnyJob | undefined;
  newer: AnyJob | undefined;
  flying: boolean;
  /** `dropped(arg)`, once the logout abandoned the send while RTM had it (`close`, called again). */
  abandoned: T | undefined;
}

type AnyJob = SendJob<unknown, unknown, unknown>;

/** RTM 1.x's refusal of a message over its rate (docs/reference/rtm1-web-sdk.md §3.5): peer sends code 5, channel sends code 3. */
export function isRateRefusal(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  return (e.name === 'RtmLimitExceededError' && (e.code === 5 || e.code === 3)) || e.name === 'RtmInvokeTooOftenError';
}

/**
 * Legacy Signaling allowed 60 messages/s; RTM allows 180 per sliding 3 s and fails the rest. The
 * pacer queues sends in order and releases them as the window allows (with a margin at its edge),
 * so a legacy burst is delivered late rather than lost; a send RTM refuses for rate all the same is
 * tried again, first in line, never dropped. It also holds sends while the connection is being
 * re-established, so nothing sent during a drop is lost when the reconnect succeeds.
 */
export class MessagePacer {
  #clock: Clock;
  #sent: number[] = [];
  /** Index in `#sent` of the first stamp not forgotten yet (inside the window or its margin). */
  #head = 0;
  /** Index in `#sent` of the first stamp inside the window (those from `#head` to it are in the margin). */
  #windowStart = 0;
  #queue: PacedJob[] = [];
  #paused = false;
  #timer: TimerHandle | undefined;
  /** Until when RTM's own window is known to be full (it refused a send). */
  #blockedUntil = 0;
  #seq = 0;
  /** The oldest and newest of the sends RTM has not answered yet. */
  #oldest: AnyJob | undefined;
  #newest: AnyJob | undefined;
  /** Set by `close` (logout): a send RTM refuses for rate is no longer retried. */
  #closed = false;
  /** Queued sends `close` abandoned, answered once every send RTM already has is answered. */
  #dropping: PacedJob[] = [];

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Sends with RTM's `rtm(arg)` when the window allows, and gives its result to `settle` (with
   * `arg`). In the usual case (window open, nothing queued, not paused) `rtm` runs at once: no queue
   * entry and no extra promise on the message hot path; callers pass handlers made once and the
   * send's data as `arg`, so a message needs no closure of its own. `dropped(arg)` is the result when
   * the queue is abandoned (logout).
   */
  send<R, T, A = undefined>(
    rtm: (arg: A) => Promise<R>,
    settle: (result: SendResult<R>, arg: A) => T,
    dropped: (arg: A) => T,
    arg?: A,
  ): Promise<T> {
    const job: SendJob<R, T, A> = {
      seq: ++this.#seq,
      rtm,
      settle,
      dropped,
      arg: arg as A,
      older: undefined,
      newer: undefined,
      flying: false,
      abandoned: undefined,
    };
    return !this.#paused && this.#queue.length === 0 && this.#hasRoom() ? this.#attempt(job) : this.#enqueue(job);
  }

  /** Apart from `send`, whose closures would otherwise make every send allocate their context. */
  #enqueue<R, T, A>(job: SendJob<R, T, A>): Promise<T> {
    return new Promise((resolve) => {
      this.#queue.push({ seq: job.seq, run: () => void this.#attempt(job).then(resolve), drop: () => resolve(job.dropped(job.arg)) });
      this.#drain();
    });
  }

  #attempt<R, T, A>(job: SendJob<R, T, A>): Promise<T> {
    let sending: Promise<R>;
    try {
      sending = job.rtm(job.arg);
    } catch (error) {
      sending = Promise.reject(error);
    }
    // Stamped after RTM's own synchronous check, so the pacer's window never frees before RTM's.
    this.#sent.push(this.#clock.now());
    // The in-flight list holds sends of every type; each job's handlers take its own `arg`.
    const flying = job as unknown as AnyJob;
    this.#fly(flying);
    const answered: Promise<T> = sending.then(
      (value) => {
        if (!this.#settled(flying, answered)) return job.abandoned as T;
        return job.settle({ ok: true, value }, job.arg);
      },
      (error: unknown) => {
        if (!this.#settled(flying, answered)) return job.abandoned as T;
        if (this.#closed || !isRateRefusal(error) || !this.#atEdge()) return job.settle({ ok: false, error }, job.arg);
        // RTM's window is fuller than ours: wait, then this send goes first.
        this.#blockedUntil = Math.max(this.#blockedUntil, this.#clock.now() + RATE_RETRY_MS);
        return new Promise<T>((resolve) => {
          const at = this.#queue.findIndex((queued) => queued.seq > job.seq);
          const retry = { seq: job.seq, run: () => void this.#attempt(job).then(resolve), drop: () => resolve(job.dropped(job.arg)) };
          this.#queue.splice(at < 0 ? this.#queue.length : at, 0, retry);
          this.#drain();
        });
      },
    );
    return answered;
  }

  /**
   * RTM answered `job`; false when the logout had already answered it (its answer is ignored).
   * After `close`, the last send RTM answers lets the abandoned ones be answered: a reaction added
   * now to its promise runs after its sender's, so the app hears of its sends in send order.
   */
  #settled(job: AnyJob, answered: Promise<unknown>): boolean {
    if (!job.flying) return false;
    this.#land(job);
    if (!this.#oldest && this.#closed) void answered.then(() => this.#dropAbandoned());
    return true;
  }

  #fly(job: AnyJob): void {
    job.flying = true;
    job.older = this.#newest;
    if (this.#newest) this.#newest.newer = job;
    else this.#oldest = job;
    this.#newest = job;
  }

  #land(job: AnyJob): void {
    const { older, newer } = job;
    if (older) older.newer = newer;
    else this.#oldest = newer;
    if (newer) newer.older = older;
    else this.#newest = older;
    // A landed send holds no other: nothing that keeps one alive keeps the send history with it.
    job.flying = false;
    job.older = job.newer = undefined;
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    this.#drain();
  }

  /**
   * Logout: abandons every queued send, each one's callback reporting the failure after the sends
   * RTM already has are answered. Called again (once RTM's logout settled), it answers at once the
   * sends RTM still has, then the queued ones, in send order: an answer RTM gives after its logout
   * is ignored, and none waits for one RTM may never give.
   */
  close(): void {
    const again = this.#closed;
    this.#closed = true;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#dropping.push(...this.#queue.splice(0));
    if (again) this.#abandonInFlight();
    if (!this.#oldest) this.#dropAbandoned();
  }

  #abandonInFlight(): void {
    for (let job = this.#oldest; job; job = this.#oldest) {
      this.#land(job);
      job.abandoned = job.dropped(job.arg);
    }
  }

  #dropAbandoned(): void {
    const jobs = this.#dropping;
    this.#dropping = [];
    for (const job of jobs) job.drop();
  }

  /** Nothing queued and nothing waiting for RTM's answer. */
  get idle(): boolean {
    return this.#queue.length === 0 && !this.#oldest;
  }

  #drain(): void {
    while (!this.#paused && this.#queue.length > 0) {
      if (!this.#hasRoom()) {
        const now = this.#clock.now();
        const expiry = this.#inWindow() >= RTM_MESSAGE_LIMIT ? this.#sent[this.#sent.length - RTM_MESSAGE_LIMIT]! + RTM_MESSAGE_WINDOW_MS : 0;
        this.#schedule(Math.max(expiry, this.#blockedUntil) - now);
        return;
      }
      this.#queue.shift()!.run();
    }
  }

  /** True if RTM's sliding window has room for one more send now. */
  #hasRoom(): boolean {
    return this.#clock.now() >= this.#blockedUntil && this.#inWindow() < RTM_MESSAGE_LIMIT;
  }

  /**
   * Sends of the last window; forgets those older than the window and its edge margin. The stamps
   * are in order, so two indexes that move forward as time passes say where the margin and the
   * window start: no send steps over the window's stamps, and forgotten ones are cut off in bulk.
   */
  #inWindow(): number {
    const now = this.#clock.now();
    const sent = this.#sent;
    while (this.#head < sent.length && sent[this.#head]! <= now - RTM_MESSAGE_WINDOW_MS - EDGE_MARGIN_MS) this.#head++;
    if (this.#head >= COMPACT_AT && this.#head * 2 >= sent.length) {
      sent.splice(0, this.#head);
      this.#windowStart -= this.#head;
      this.#head = 0;
    }
    if (this.#windowStart < this.#head) this.#windowStart = this.#head;
    // A wall clock set back puts stamps back inside the window.
    while (this.#windowStart > this.#head && sent[this.#windowStart - 1]! > now - RTM_MESSAGE_WINDOW_MS) this.#windowStart--;
    while (this.#windowStart < sent.length && sent[this.#windowStart]! <= now - RTM_MESSAGE_WINDOW_MS) this.#windowStart++;
    return sent.length - this.#windowStart;
  }

  /** Whether the last window plus its margin held nearly RTM's limit (see `EDGE_MARGIN_MS`). */
  #atEdge(): boolean {
    return this.#sent.length - this.#head >= RTM_MESSAGE_LIMIT - EDGE_MARGIN_SENDS;
  }

  #schedule(delay: number): void {
    if (this.#timer !== undefined) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#drain();
    }, Math.max(1, delay));
  }
}
