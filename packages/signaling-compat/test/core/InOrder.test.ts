import { describe, expect, it } from 'vitest';
import { InOrder } from '../../src/core/InOrder';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('InOrder', () => {
  it('releases answers in the order they were passed in, whatever order they settle in', async () => {
    const order = new InOrder();
    const seen: string[] = [];
    const [a, b, c] = [deferred<string>(), deferred<string>(), deferred<string>()];
    const released = [a, b, c].map((d) => order.next(d.promise).then((v) => void seen.push(v)));
    c.resolve('c');
    b.resolve('b');
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(seen).toEqual([]);
    a.resolve('a');
    await Promise.all(released);
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('a rejected answer rejects only its own release; the next still comes, with its own value', async () => {
    const order = new InOrder();
    const failed = order.next(Promise.reject(new Error('first')));
    const next = order.next(Promise.resolve('second'));
    await expect(failed).rejects.toThrow('first');
    await expect(next).resolves.toBe('second');
  });
});
