import { describe, expect, it, vi } from 'vitest';
import { SdkEmitter } from '../../src/fake/shared/SdkEmitter';

type Events = { a: (n: number) => void; b: () => void };

/** docs/reference/rtm1-web-sdk.md §1.2: Node's emitter semantics inside the SDK's wrapper. */
describe('SdkEmitter listener lists', () => {
  it('runs an emit on the listeners it started with, whatever they add or remove meanwhile', () => {
    const emitter = new SdkEmitter<Events>();
    const order: string[] = [];
    const late = (n: number) => void order.push(`late${n}`);
    const second = (n: number) => void order.push(`second${n}`);
    emitter.on('a', (n) => {
      order.push(`first${n}`);
      if (n === 1) {
        emitter.on('a', late);
        emitter.off('a', second);
      }
    });
    emitter.on('a', second);
    emitter.emit('a', 1);
    emitter.emit('a', 2);
    expect(order).toEqual(['first1', 'second1', 'first2', 'late2']);
  });

  it('keeps registration order, prepends first, and removes the most recent registration only', () => {
    const emitter = new SdkEmitter<Events>();
    const order: string[] = [];
    const x = () => void order.push('x');
    const y = () => void order.push('y');
    emitter.on('b', x).on('b', y).on('b', x).prependListener('b', y);
    emitter.emit('b');
    expect(order).toEqual(['y', 'x', 'y', 'x']);
    order.length = 0;
    emitter.removeListener('b', x);
    emitter.emit('b');
    expect(order).toEqual(['y', 'x', 'y']);
    expect(emitter.listeners('b')).toEqual([y, x, y]);
  });

  it('drops a once listener before it runs, and the event once its last listener is gone', () => {
    const emitter = new SdkEmitter<Events>();
    const seen: number[] = [];
    const keep = (n: number) => void seen.push(n * 10);
    emitter.on('b', () => undefined);
    emitter.once('a', (n) => {
      seen.push(n);
      emitter.emit('a', n + 1);
    });
    emitter.on('a', keep);
    emitter.emit('a', 1);
    emitter.emit('a', 5);
    // The nested emit ran on the list without the once listener; the outer one still reached `keep`.
    expect(seen).toEqual([1, 20, 10, 50]);
    emitter.off('a', keep);
    expect(emitter.listenerCount('a')).toBe(0);
    expect(emitter.eventNames()).toEqual(['b']);
  });

  it('ends an emit at a listener that throws and logs it, as the SDK wrapper does', () => {
    const emitter = new SdkEmitter<Events>();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    emitter.on('b', () => {
      throw new Error('app');
    });
    emitter.on('b', after);
    emitter.emit('b');
    expect(after).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
