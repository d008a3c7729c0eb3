import type { Clock, TimerHandle } from '../rtm/clock';

/** RTM 1.x rejects the 181st message (peer and channel together) in any sliding 3 s window. */
export const RTM_MESSAGE_LIMIT = 180;
export const RTM_MESSAGE_WINDOW_MS = 3000;

/** A send waiting for its turn: `run` sends it; `drop` fails it when the queue is abandoned. */
export interface PacedJob {
  run(): void;
  drop(): void;
}

/**
 * Legacy Signaling allowed 60 messages/s; RTM allows 180 per sliding 3 s and fails the rest. The
 * pacer queues sends in order and releases them as the window allows, so a legacy burst is
 * delivered late rather than lost. It also holds sends while the connection is being re-established,
 * so nothing sent during a drop is lost when the reconnect succeeds.
 */
export class MessagePacer {
  #clock: Clock;
  #sent: number[] = [];
  #queue: PacedJob[] = [];
  #paused = false;
  #timer: TimerHandle | undefined;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Runs `job` now if the window allows and nothing is queued before it; otherwise later, in order. */
  submit(job: PacedJob): void {
    this.#queue.push(job);
    this.#drain();
  }

  /**
   * `submit` for a send with a result. In the usual case (window open, nothing queued, not paused)
   * `send` runs at once and its own promise is returned: no queue entry and no wrapper promise on
   * the message hot path. `dropped` is the result when the queue is abandoned.
   */
  send<T>(send: () => Promise<T>, dropped: () => T): Promise<T> {
    if (!this.#paused && this.#queue.length === 0 && this.#take()) return send();
    return new Promise((resolve) => {
      this.submit({ run: () => void send().then(resolve), drop: () => resolve(dropped()) });
    });
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    this.#drain();
  }

  /** Drops every queued job (after a logout): each one's callback reports the failure. */
  clear(): void {
    const jobs = this.#queue.splice(0);
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const job of jobs) job.drop();
  }

  get queued(): number {
    return this.#queue.length;
  }

  #drain(): void {
    while (!this.#paused && this.#queue.length > 0) {
      if (!this.#take()) {
        this.#schedule(this.#sent[0]! + RTM_MESSAGE_WINDOW_MS - this.#clock.now());
        return;
      }
      this.#queue.shift()!.run();
    }
  }

  /** Counts a send now if the sliding window has room for it. */
  #take(): boolean {
    const now = this.#clock.now();
    while (this.#sent.length > 0 && this.#sent[0]! <= now - RTM_MESSAGE_WINDOW_MS) this.#sent.shift();
    if (this.#sent.length >= RTM_MESSAGE_LIMIT) return false;
    this.#sent.push(now);
    return true;
  }

  #schedule(delay: number): void {
    if (this.#timer !== undefined) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#drain();
    }, Math.max(1, delay));
  }
}
