import { describe, expect, it } from 'vitest';
import { MessagePacer, RTM_MESSAGE_LIMIT, RTM_MESSAGE_WINDOW_MS } from '../../src/core/MessagePacer';
import { ManualClock } from '../../src/fake';

/** A pacer on a manual clock whose sends resolve at once, recording when RTM was called. */
function pacer() {
  const clock = new ManualClock();
  const start = clock.now();
  const pacer = new MessagePacer(clock);
  const calledAt: number[] = [];
  const send = (): Promise<string> =>
    pacer.send(
      () => {
        calledAt.push(clock.now() - start);
        return Promise.resolve('ok');
      },
      (result) => (result.ok ? 'sent' : 'failed'),
      () => 'dropped',
    );
  return { clock, pacer, calledAt, send };
}

describe('MessagePacer', () => {
  it('sends 180 in a window at once and each later one as the window frees a place', async () => {
    const { clock, calledAt, send } = pacer();
    const first = Array.from({ length: RTM_MESSAGE_LIMIT }, send);
    expect(await Promise.all(first)).toEqual(first.map(() => 'sent'));
    await clock.advance(1000);
    const later = [send(), send()];
    expect(calledAt).toHaveLength(RTM_MESSAGE_LIMIT);
    await clock.advance(RTM_MESSAGE_WINDOW_MS - 1000);
    expect(await Promise.all(later)).toEqual(['sent', 'sent']);
    expect(calledAt.slice(RTM_MESSAGE_LIMIT)).toEqual([RTM_MESSAGE_WINDOW_MS, RTM_MESSAGE_WINDOW_MS]);
  });

  it('counts a full window again after sends that had left it, window after window', async () => {
    const { clock, calledAt, send } = pacer();
    for (let window = 0; window < 4; window++) {
      await Promise.all(Array.from({ length: RTM_MESSAGE_LIMIT }, send));
      await clock.advance(RTM_MESSAGE_WINDOW_MS);
    }
    expect(calledAt).toHaveLength(4 * RTM_MESSAGE_LIMIT);
    // 181 in one window: the last one waits for the first of that window to leave it.
    const burst = Array.from({ length: RTM_MESSAGE_LIMIT + 1 }, send);
    await clock.advance(0);
    expect(calledAt).toHaveLength(5 * RTM_MESSAGE_LIMIT);
    await clock.advance(RTM_MESSAGE_WINDOW_MS);
    await Promise.all(burst);
    expect(calledAt.at(-1)).toBe(5 * RTM_MESSAGE_WINDOW_MS);
  });

  it('drops queued sends on close, each one reporting it', async () => {
    const { pacer: p, send } = pacer();
    await Promise.all(Array.from({ length: RTM_MESSAGE_LIMIT }, send));
    const queued = [send(), send()];
    p.close();
    expect(await Promise.all(queued)).toEqual(['dropped', 'dropped']);
    expect(p.idle).toBe(true);
  });

  it('on close, answers the dropped sends after the sends RTM already has; closed again, every one at once, in send order', async () => {
    const clock = new ManualClock();
    const p = new MessagePacer(clock);
    // What the handlers tell, as the core's send notices tell the app.
    const told: string[] = [];
    const tell = (what: string) => () => void told.push(what);
    let answer!: () => void;
    const rtmHasIt = new Promise<void>((resolve) => (answer = resolve));
    let answerLate!: () => void;
    const late = new Promise<void>((resolve) => (answerLate = resolve));
    void p.send(() => rtmHasIt, tell('sent 0'), tell('dropped 0'));
    void p.send(() => late, tell('sent 1'), tell('dropped 1'));
    for (let i = 2; i < RTM_MESSAGE_LIMIT; i++) void p.send(() => new Promise<void>(() => undefined), tell('never'), tell(`dropped ${i}`));
    const queued = p.send(() => Promise.resolve(), tell('sent late'), tell('dropped queued'));
    p.close();
    await clock.advance(0);
    expect(told).toEqual([]);
    answer();
    await clock.advance(0);
    // 179 more are still in RTM's hands and one was queued: it waits for them, or for the logout.
    expect(told).toEqual(['sent 0']);
    // Closed again once RTM's logout settled: those RTM still has fail now, then the queued one.
    p.close();
    await clock.advance(0);
    const dropped = Array.from({ length: RTM_MESSAGE_LIMIT - 1 }, (_, i) => `dropped ${i + 1}`);
    expect(told).toEqual(['sent 0', ...dropped, 'dropped queued']);
    await queued;
    expect(p.idle).toBe(true);
    // RTM's answer after its logout is ignored: the send was answered once.
    answerLate();
    await clock.advance(0);
    expect(told).toHaveLength(RTM_MESSAGE_LIMIT + 1);
    expect(clock.nextTimerAt()).toBeUndefined();
  });
});

