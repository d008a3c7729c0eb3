import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/fake';

describe('ManualClock', () => {
  it('starts at a fixed time, or the one given', () => {
    expect(new ManualClock().now()).toBe(1_700_000_000_000);
    expect(new ManualClock(5).now()).toBe(5);
  });

  it('runs due timers in time order, FIFO for equal times, each at its own time', async () => {
    const clock = new ManualClock(0);
    const ran: Array<[string, number]> = [];
    const note = (label: string) => () => ran.push([label, clock.now()]);
    clock.setTimeout(note('c@30'), 30);
    clock.setTimeout(note('a@10'), 10);
    clock.setTimeout(note('b@10'), 10);
    clock.setTimeout(note('d@31'), 31);
    await clock.advance(30);
    expect(ran).toEqual([
      ['a@10', 10],
      ['b@10', 10],
      ['c@30', 30],
    ]);
    expect(clock.now()).toBe(30);
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.nextTimerAt()).toBe(31);
  });

  it('lets promise chains settle between timers, so their timers run when due', async () => {
    const clock = new ManualClock(0);
    const ran: number[] = [];
    clock.setTimeout(() => {
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => clock.setTimeout(() => ran.push(clock.now()), 5));
    }, 10);
    clock.setTimeout(() => ran.push(clock.now()), 20);
    await clock.advance(20);
    expect(ran).toEqual([15, 20]);
  });

  it('clearTimeout cancels; advance(0) runs what is due now', async () => {
    const clock = new ManualClock(0);
    const ran: string[] = [];
    const handle = clock.setTimeout(() => ran.push('cleared'), 0);
    clock.setTimeout(() => ran.push('due'), 0);
    clock.clearTimeout(handle);
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(0);
    expect(ran).toEqual(['due']);
    expect(clock.nextTimerAt()).toBeUndefined();
  });

  it('refuses negative steps and overlapping advances; surfaces a timer’s exception', async () => {
    const clock = new ManualClock(0);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
    const first = clock.advance(10);
    await expect(clock.advance(10)).rejects.toThrow(/already running/);
    await first;
    clock.setTimeout(() => {
      throw new Error('boom');
    }, 5);
    await expect(clock.advance(10)).rejects.toThrow('boom');
    expect(clock.now()).toBe(15);
  });
});
