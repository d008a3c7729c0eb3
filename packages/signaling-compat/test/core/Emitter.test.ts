/**
 * The core's emitter against eventemitter3, which the core used before: the same scenario on both
 * must leave the same trace (order, `this`, listeners added or removed during an emit, `once`, a
 * throwing listener).
 */
import { EventEmitter } from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/core/Emitter';

interface Events {
  x: (n: number) => void;
  y: () => void;
}

type AnyEmitter = Emitter<Events> | EventEmitter<Events>;

/** Runs `scenario` on both emitters; returns both traces. */
function onBoth(scenario: (emitter: AnyEmitter, trace: unknown[]) => void): [unknown[], unknown[]] {
  const ours: unknown[] = [];
  const theirs: unknown[] = [];
  scenario(new Emitter<Events>(), ours);
  scenario(new EventEmitter<Events>(), theirs);
  return [ours, theirs];
}

describe('the core emitter behaves as eventemitter3 did', () => {
  it('runs listeners in the order they were added, with their arguments and this = the emitter', () => {
    const [ours, theirs] = onBoth((e, trace) => {
      e.on('x', (n) => trace.push(['a', n]));
      e.on('x', function (this: unknown, n) {
        trace.push(['b', n, this === e]);
      });
      e.on('y', () => trace.push('y'));
      trace.push(e.emit('x', 1), e.emit('y'));
    });
    expect(ours).toEqual([['a', 1], ['b', 1, true], 'y', true, true]);
    expect(ours).toEqual(theirs);
  });

  it('reports whether any listener heard the event', () => {
    const [ours, theirs] = onBoth((e, trace) => {
      trace.push(e.emit('x', 1));
      e.once('x', () => trace.push('once'));
      trace.push(e.emit('x', 2), e.emit('x', 3));
    });
    expect(ours).toEqual([false, 'once', true, false]);
    expect(ours).toEqual(theirs);
  });

  it('runs the listeners an emit started with: one added meanwhile waits, one removed meanwhile still runs', () => {
    const [ours, theirs] = onBoth((e, trace) => {
      e.on('x', (n) => {
        trace.push(['first', n]);
        if (n === 1) {
          e.removeAllListeners('x');
          e.on('x', (m) => trace.push(['late', m]));
        }
      });
      e.on('x', (n) => trace.push(['second', n]));
      e.emit('x', 1);
      e.emit('x', 2);
    });
    expect(ours).toEqual([['first', 1], ['second', 1], ['late', 2]]);
    expect(ours).toEqual(theirs);
  });

  it('removes a once listener before it runs, so an emit inside it does not run it again', () => {
    const [ours, theirs] = onBoth((e, trace) => {
      e.once('x', (n) => {
        trace.push(['once', n]);
        e.emit('x', n + 1);
      });
      e.on('x', (n) => trace.push(['on', n]));
      e.emit('x', 1);
    });
    expect(ours).toEqual([['once', 1], ['on', 2], ['on', 1]]);
    expect(ours).toEqual(theirs);
  });

  it('lets a throwing listener end the emit, the exception reaching the caller, and keeps the listeners', () => {
    const [ours, theirs] = onBoth((e, trace) => {
      e.on('x', (n) => {
        trace.push(['throws', n]);
        throw new Error(`boom ${n}`);
      });
      e.on('x', (n) => trace.push(['after', n]));
      for (const n of [1, 2]) {
        try {
          e.emit('x', n);
        } catch (error) {
          trace.push((error as Error).message);
        }
      }
    });
    expect(ours).toEqual([['throws', 1], 'boom 1', ['throws', 2], 'boom 2']);
    expect(ours).toEqual(theirs);
  });

  it('removeAllListeners drops one event or every event', () => {
    const [ours, theirs] = onBoth((e, trace) => {
      e.on('x', () => trace.push('x'));
      e.on('y', () => trace.push('y'));
      e.removeAllListeners('x');
      trace.push(e.emit('x', 1), e.emit('y'));
      e.removeAllListeners();
      trace.push(e.emit('y'));
    });
    expect(ours).toEqual(['y', false, true, false]);
    expect(ours).toEqual(theirs);
  });
});
