import type { Clock } from '../../rtm/clock';
import { macrotaskTurn } from './macrotaskTurn';
import { isManualClock } from './ManualClock';

/** A bound on `flush()` rounds, so work that keeps rescheduling itself at "now" fails loudly. */
const MAX_FLUSH_ROUNDS = 10_000;

/**
 * The `flush()` test control of both fakes (`fake` names it in errors): runs everything due at
 * the current time (deliveries, answers, events, and with a ManualClock its timers due now) until
 * `inFlight()` says nothing is left; never moves a ManualClock.
 */
export async function flushDueWork(fake: string, clock: Clock, inFlight: () => number): Promise<void> {
  for (let round = 0; round < MAX_FLUSH_ROUNDS; round++) {
    await macrotaskTurn();
    if (isManualClock(clock)) {
      const next = clock.nextTimerAt();
      if (next !== undefined && next <= clock.now()) {
        await clock.advance(0);
        continue;
      }
    }
    if (inFlight() === 0) return;
  }
  throw new Error(`${fake}.flush(): work due now keeps scheduling more work due now`);
}

/** The `advance(ms)` test control of both fakes: with a ManualClock only, advances it by `ms`, then flushes. */
export async function advanceThenFlush(fake: string, clock: Clock, ms: number, flush: () => Promise<void>): Promise<void> {
  if (!isManualClock(clock)) {
    throw new Error(`${fake}.advance() needs a ManualClock: new ${fake}({ clock: new ManualClock() })`);
  }
  await clock.advance(ms);
  await flush();
}
