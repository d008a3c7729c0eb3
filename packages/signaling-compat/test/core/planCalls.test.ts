import { describe, expect, it } from 'vitest';
import { planCalls, type AttrOp } from '../../src/core/AttributeQueue';
import type { RtmClientLike } from '../../src/rtm/types';

/** The RTM calls a plan makes, as `[method, ...arguments]`, on a client that records them. */
async function callsOf(ops: AttrOp[]): Promise<unknown[][]> {
  const calls: unknown[][] = [];
  const record =
    (method: string) =>
    (...args: unknown[]): Promise<void> => {
      calls.push([method, ...args.map((a) => (typeof a === 'object' && a !== null && !Array.isArray(a) ? { ...a } : a))]);
      return Promise.resolve();
    };
  const client = {
    setChannelAttributes: record('setChannelAttributes'),
    addOrUpdateChannelAttributes: record('addOrUpdateChannelAttributes'),
    deleteChannelAttributesByKeys: record('deleteChannelAttributesByKeys'),
    clearChannelAttributes: record('clearChannelAttributes'),
  } as unknown as RtmClientLike;
  for (const call of planCalls(ops)) await call(client, 'room');
  return calls;
}

const NOTIFY = { enableNotificationToChannelMembers: true };
const set = (name: string, value: string): AttrOp => ({ kind: 'set', name, value });
const del = (name: string): AttrOp => ({ kind: 'del', name });
const clear: AttrOp = { kind: 'clear' };

describe('planCalls', () => {
  it('a clear followed by sets is one setChannelAttributes with the final values', async () => {
    expect(await callsOf([set('a', '1'), clear, set('b', '2'), set('c', '3'), set('b', '4')])).toEqual([
      ['setChannelAttributes', 'room', { c: '3', b: '4' }, NOTIFY],
    ]);
  });

  it('deletes after a clear need no call of their own', async () => {
    expect(await callsOf([clear, set('a', '1'), del('b'), set('c', '2'), del('c')])).toEqual([
      ['setChannelAttributes', 'room', { a: '1' }, NOTIFY],
    ]);
  });

  it('a clear with nothing set after it stays a clear', async () => {
    expect(await callsOf([set('a', '1'), clear, set('b', '2'), del('b')])).toEqual([['clearChannelAttributes', 'room', NOTIFY]]);
  });

  it('without a clear, sets and deletes go in runs, in the order of each name\'s last operation', async () => {
    expect(await callsOf([set('a', '1'), del('b'), set('c', '2'), set('a', '3')])).toEqual([
      ['deleteChannelAttributesByKeys', 'room', ['b'], NOTIFY],
      ['addOrUpdateChannelAttributes', 'room', { c: '2', a: '3' }, NOTIFY],
    ]);
    expect(await callsOf([set('a', '1'), set('c', '2'), del('b'), del('d'), set('e', '3')])).toEqual([
      ['addOrUpdateChannelAttributes', 'room', { a: '1', c: '2' }, NOTIFY],
      ['deleteChannelAttributesByKeys', 'room', ['b', 'd'], NOTIFY],
      ['addOrUpdateChannelAttributes', 'room', { e: '3' }, NOTIFY],
    ]);
  });

  it('a __proto__ attribute set after a clear is an ordinary key of the replacing map', async () => {
    const [[, , map]] = (await callsOf([clear, set('__proto__', 'x')])) as [[string, string, Record<string, string>]];
    expect(Object.keys(map)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });
});
