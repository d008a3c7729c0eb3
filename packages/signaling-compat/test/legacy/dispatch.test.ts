import { describe, expect, it } from 'vitest';
import { Log } from '../../src/core/log';
import { callBack, fire, fireNow, fireToCurrent } from '../../src/legacy/dispatch';

function recordingLog(): { log: Log; errors: string[] } {
  const errors: string[] = [];
  const sink = { debug() {}, info() {}, warn() {}, error: (message: unknown) => void errors.push(String(message)) };
  return { log: new Log(sink, () => false), errors };
}

describe('the one dispatch helper', () => {
  it('calls the handler as a method of its owner, or its alias spelling when the owner lacks it', () => {
    const { log } = recordingLog();
    const calls: unknown[][] = [];
    const owner = {
      OnQueryUserStatusResult(this: unknown, ...args: unknown[]) {
        calls.push([this === owner, ...args]);
      },
    };
    fireNow(owner, 'onQueryUserStatusResult', ['bob', '1'], log);
    expect(calls).toEqual([[true, 'bob', '1']]);
  });

  it('prefers the main spelling and skips owners and handlers that are not there', () => {
    const { log, errors } = recordingLog();
    const calls: string[] = [];
    fireNow({ onUserAttrResult: () => calls.push('main'), onUserAttributeResult: () => calls.push('alias') }, 'onUserAttrResult', [], log);
    fireNow(undefined, 'onLogout', [101], log);
    fireNow({ onLogout: '' }, 'onLogout', [101], log);
    expect(calls).toEqual(['main']);
    expect(errors).toEqual([]);
  });

  it('contains what the app throws, reading the handler included', () => {
    const { log, errors } = recordingLog();
    const owner = Object.defineProperty({}, 'onQueryUserStatusResult', { get: () => undefined });
    Object.defineProperty(owner, 'OnQueryUserStatusResult', {
      get() {
        throw new Error('getter');
      },
    });
    expect(() => fireNow(owner, 'onQueryUserStatusResult', [], log)).not.toThrow();
    expect(() => fireNow({ onLogout: () => { throw new Error('app'); } }, 'onLogout', [], log)).not.toThrow();
    expect(errors).toEqual([expect.stringContaining('OnQueryUserStatusResult'), expect.stringContaining('onLogout')]);
  });

  it('defers in call order, reading the owner and its handler when the event fires', async () => {
    const { log } = recordingLog();
    const order: string[] = [];
    let current: object = { onA: () => order.push('old') };
    const owner = { onB: () => order.push('b') };
    fireToCurrent(() => current, 'onA', [], log);
    fire(owner, 'onB', [], log);
    current = { onA: () => order.push('new') };
    expect(order).toEqual([]);
    await Promise.resolve();
    expect(order).toEqual(['new', 'b']);
  });

  it('runs each deferred call in the microtask it queued, interleaved with other microtasks as queued', async () => {
    const { log } = recordingLog();
    const order: string[] = [];
    const owner = {
      onA: (n: number) => {
        order.push(`a${n}`);
        // Queued from inside a deferred call: after everything queued before it.
        if (n === 1) fire(owner, 'onA', [3], log);
      },
    };
    fire(owner, 'onA', [1], log);
    void Promise.resolve().then(() => order.push('p1'));
    callBack((x: string) => order.push(`cb${x}`), ['!'], log, 'test');
    queueMicrotask(() => order.push('q1'));
    fire(owner, 'onA', [2], log);
    for (let i = 0; i < 3; i++) await Promise.resolve();
    expect(order).toEqual(['a1', 'p1', 'cb!', 'q1', 'a2', 'a3']);
  });

  it('keeps the order over many more calls than a chunk of the queue holds', async () => {
    const { log } = recordingLog();
    const seen: number[] = [];
    const owner = { onN: (n: number) => void seen.push(n) };
    for (let i = 0; i < 20_000; i++) fire(owner, 'onN', [i], log);
    await Promise.resolve();
    expect(seen).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
  });

  it('keeps the order with other microtasks when calls queued from deferred calls cross chunks', async () => {
    const { log } = recordingLog();
    const order: string[] = [];
    // 1,500 calls (more than a chunk), each of the first 600 queueing another call and a promise
    // job while the queue spans two chunks; the queue is used again once empty.
    const owner = {
      onN: (n: number) => {
        order.push(`n${n}`);
        if (n < 600) {
          fire(owner, 'onN', [n + 10_000], log);
          void Promise.resolve().then(() => order.push(`p${n}`));
        }
      },
    };
    const expected: string[] = [];
    for (let i = 0; i < 1_500; i++) {
      fire(owner, 'onN', [i], log);
      if (i % 500 === 0) queueMicrotask(() => order.push(`q${i}`));
    }
    // What one microtask per call gives: the first round in order (each `q` right after its call),
    // then, in the order they were queued, each call's follow-up and its promise job.
    for (let i = 0; i < 1_500; i++) {
      expected.push(`n${i}`);
      if (i % 500 === 0) expected.push(`q${i}`);
    }
    for (let i = 0; i < 600; i++) expected.push(`n${i + 10_000}`, `p${i}`);
    for (let i = 0; i < 4; i++) await Promise.resolve();
    expect(order).toEqual(expected);
    order.length = 0;
    fire(owner, 'onN', [700], log);
    await Promise.resolve();
    expect(order).toEqual(['n700']);
  });
});
