import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/fake';
import { RateGate } from '../../src/rtm2/RateGate';
import { adapterWorld } from './env';

describe('2.x rate limits are absorbed', () => {
  it('lets 60 publishes through in a second and holds the rest for the window, in order', async () => {
    const clock = new ManualClock();
    const gate = new RateGate(clock);
    const started: number[] = [];
    const calls = Array.from({ length: 130 }, (_, i) =>
      gate.run('publish', async () => {
        started.push(i);
        return i;
      }),
    );
    await clock.advance(0);
    expect(started).toHaveLength(60);
    await clock.advance(1_000);
    expect(started).toHaveLength(120);
    await clock.advance(1_000);
    expect(await Promise.all(calls)).toEqual(started);
    expect(started).toEqual(Array.from({ length: 130 }, (_, i) => i));
  });

  it('counts failed calls too, leaves unlisted buckets alone, and ends every wait on close', async () => {
    const clock = new ManualClock();
    const gate = new RateGate(clock);
    const failures = Array.from({ length: 20 }, () => gate.run('subscribe', () => Promise.reject(new Error('x'))).catch(() => 'failed'));
    expect(await Promise.all(failures)).toEqual(Array(20).fill('failed'));
    let unsubscribed = 0;
    await Promise.all(Array.from({ length: 50 }, () => gate.run('unsubscribe', async () => unsubscribed++)));
    expect(unsubscribed).toBe(50);
    const waiting = gate.run('subscribe', async () => 'ran').catch((error: Error) => error.message);
    gate.close(() => new Error('logged out'), Promise.resolve());
    expect(await waiting).toBe('logged out');
    expect(clock.nextTimerAt()).toBeUndefined();
  });

  it('close fails the waits after the calls already made have answered, or once 2.x logs out', async () => {
    const clock = new ManualClock();
    const gate = new RateGate(clock);
    const heard: string[] = [];
    let answer!: () => void;
    const made = gate.run('publish', () => new Promise<string>((resolve) => (answer = () => resolve('made'))));
    const unanswered = Array.from({ length: 59 }, () => gate.run('publish', () => new Promise<string>(() => undefined)));
    const waits = Array.from({ length: 2 }, (_, i) => gate.run('publish', async () => `ran ${i}`));
    for (const call of [made, ...unanswered, ...waits]) void call.then((value) => heard.push(value), (error: Error) => heard.push(error.message));
    let loggedOut!: () => void;
    gate.close(() => new Error('logged out'), new Promise<void>((resolve) => (loggedOut = resolve)));
    await clock.advance(0);
    expect(heard).toEqual([]);
    answer();
    await clock.advance(0);
    expect(heard).toEqual(['made']);
    loggedOut();
    await clock.advance(0);
    expect(heard).toEqual(['made', 'logged out', 'logged out']);
    expect(clock.nextTimerAt()).toBeUndefined();
  });

  it('a 1.x burst of 150 peer messages all arrive on 2.x, none failed with −10021', async () => {
    const w = adapterWorld();
    const alice = await w.client('alice');
    const bob = await w.client('bob');
    const got: unknown[] = [];
    bob.on('MessageFromPeer', (message) => got.push(message.text));
    const sends = Array.from({ length: 150 }, (_, i) => alice.sendMessageToPeer({ text: `${i}` }, 'bob'));
    await w.advance(3_000);
    expect(await Promise.all(sends)).toEqual(Array(150).fill({ hasPeerReceived: true }));
    expect(got).toEqual(Array.from({ length: 150 }, (_, i) => `${i}`));
    // Peer send = 1 publish.
    expect(w.fake.stats()['publish']).toBe(150);
  });
});
