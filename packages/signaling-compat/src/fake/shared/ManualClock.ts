import type { Clock, TimerHandle } from '../../rtm/clock';
import { macrotaskTurn } from './macrotaskTurn';

interface ScheduledTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A `Clock` that only moves when told to, so tests never sleep: `advance(ms)` runs the timers
 * that fall due, in time order (FIFO for equal times), and lets pending promise chains settle
 * between them, so code reacting to one timer can schedule more timers that also run when due.
 *
 * Not part of RTM.
 */
export class ManualClock implements Clock {
  #now: number;
  #nextId = 1;
  /** By id: insertion order is id order, which keeps equal due times FIFO; a cancel is O(1). */
  #timers = new Map<TimerHandle, ScheduledTimer>();
  #advancing = false;

  /** @param start the initial `now()` in ms (default 1 700 000 000 000, a fixed epoch time). */
  constructor(start = 1_700_000_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer: ScheduledTimer = { id: this.#nextId++, at: this.#now + delay, callback };
    this.#timers.set(timer.id, timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle);
  }

  /** How many timers are scheduled and not yet run or cleared. */
  pendingTimers(): number {
    return this.#timers.size;
  }

  /** When the earliest scheduled timer falls due, or `undefined` when none is scheduled. */
  nextTimerAt(): number | undefined {
    return this.#earliest()?.at;
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due on the way at its own time,
   * with a host macrotask turn before each timer and at the end. `advance(0)` runs what is due now.
   * Rejects with a timer's exception (time stays at that timer's due time).
   */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ManualClock.advance(ms): ms must be ≥ 0, got ${ms}`);
    if (this.#advancing) throw new Error('ManualClock.advance() is already running; await the previous call first');
    this.#advancing = true;
    try {
      const target = this.#now + ms;
      await macrotaskTurn();
      for (let timer = this.#earliest(); timer && timer.at <= target; timer = this.#earliest()) {
        this.clearTimeout(timer.id);
        this.#now = timer.at;
        timer.callback();
        await macrotaskTurn();
      }
      this.#now = target;
    } finally {
      this.#advancing = false;
    }
  }

  #earliest(): ScheduledTimer | undefined {
    let earliest: ScheduledTimer | undefined;
    for (const timer of this.#timers.values()) {
      if (!earliest || timer.at < earliest.at || (timer.at === earliest.at && timer.id < earliest.id)) earliest = timer;
    }
    return earliest;
  }
}

/**
 * A clock with ManualClock's controls, recognised by shape rather than `instanceof`, so a clock
 * from another copy of this module (e.g. a script bundle) still counts.
 */
export function isManualClock(clock: Clock): clock is ManualClock {
  const candidate = clock as Partial<ManualClock>;
  return typeof candidate.advance === 'function' && typeof candidate.nextTimerAt === 'function';
}
