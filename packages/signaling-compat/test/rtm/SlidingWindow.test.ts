import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/rtm/clock';
import { SlidingWindow } from '../../src/rtm/rtm1/limits';

/** A clock that is only read: the window sets no timers. */
function clockAt(start: number): Clock & { t: number } {
  const clock = { t: start, now: () => clock.t, setTimeout: () => undefined, clearTimeout: () => undefined };
  return clock;
}

/** The rule written out plainly: events of the last `perMs` (now - time < perMs) count; refusals do not. */
function reference(limit: { max: number; perMs: number }) {
  let times: number[] = [];
  return (now: number): boolean => {
    times = times.filter((time) => now - time < limit.perMs);
    if (times.length >= limit.max) return false;
    times.push(now);
    return true;
  };
}

describe('SlidingWindow', () => {
  it('allows max events per window, refuses the next without counting it, and frees each as it expires', () => {
    const clock = clockAt(1000);
    const window = new SlidingWindow(clock, { max: 3, perMs: 100 });
    expect([window.tryTake(), window.tryTake(), window.tryTake(), window.tryTake()]).toEqual([true, true, true, false]);
    expect(window.idle).toBe(false);
    clock.t = 1099;
    expect(window.tryTake()).toBe(false);
    clock.t = 1050;
    expect(window.tryTake()).toBe(false);
    clock.t = 1100;
    expect([window.tryTake(), window.tryTake(), window.tryTake(), window.tryTake()]).toEqual([true, true, true, false]);
    clock.t = 1199;
    expect(window.idle).toBe(false);
    clock.t = 1200;
    expect(window.idle).toBe(true);
  });

  it('gives the verdicts of the plain rule over a long run, a clock set back included', () => {
    const limit = { max: 180, perMs: 3000 };
    const clock = clockAt(0);
    const window = new SlidingWindow(clock, limit);
    const expected = reference(limit);
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20_000; i++) {
      // Mostly forward in small steps; now and then a jump back (a wall clock set back) or far forward.
      const r = random();
      clock.t += r < 0.01 ? -Math.floor(random() * 4000) : r < 0.02 ? 5000 : Math.floor(random() * 40);
      expect(window.tryTake()).toBe(expected(clock.t));
    }
  });
});
