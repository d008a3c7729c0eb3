import { describe, expect, it } from 'vitest';
import { adapterWorld } from './env';

/** The 1.x attribute calls of the adapter as the 2.x storage writes they become. */
describe('1.x channel attributes on 2.x storage', () => {
  it('setChannelAttributes is a clear and then a set: two writes, no read; a 2.x subscriber sees the cleared map, then the new one', async () => {
    const w = adapterWorld();
    const alice = await w.client('alice');
    const watcher = await w.raw('watcher');
    const maps: string[][] = [];
    watcher.addEventListener('storage', (event: { data: { metadata: Record<string, unknown> } }) => {
      maps.push(Object.keys(event.data.metadata).sort());
    });
    await watcher.subscribe('room', { withMetadata: true });
    await alice.addOrUpdateChannelAttributes('room', { old: '1', kept: '2' });
    await w.flush();
    w.fake.resetStats();
    maps.length = 0;
    await alice.setChannelAttributes('room', { kept: '3', fresh: '4' });
    await w.flush();
    expect(w.fake.stats()).toMatchObject({ 'storage.removeChannelMetadata': 1, 'storage.setChannelMetadata': 1 });
    expect(w.fake.stats()['storage.getChannelMetadata'] ?? 0).toBe(0);
    expect(maps).toEqual([[], ['fresh', 'kept']]);
    const bob = await w.client('bob');
    expect(await bob.getChannelAttributes('room')).toEqual({
      kept: expect.objectContaining({ value: '3', lastUpdateUserId: 'alice' }),
      fresh: expect.objectContaining({ value: '4', lastUpdateUserId: 'alice' }),
    });
  });

  it('a set that fails after the clear rejects with its error; the cleared map is what the next checks merge with', async () => {
    const w = adapterWorld();
    const alice = await w.client('alice');
    const big = (prefix: string) => Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`${prefix}${i}`, 'v'.repeat(7_000)]));
    await alice.addOrUpdateChannelAttributes('room', big('a'));
    w.fake.failNext('storage.setChannelMetadata', -12001);
    await expect(alice.setChannelAttributes('room', { k: 'v' })).rejects.toMatchObject({ name: 'RtmUnavailableError', code: 2 });
    // 28 KB were written before; the map is empty now, so another 28 KB fit under 1.x's 32 KB.
    await expect(alice.addOrUpdateChannelAttributes('room', big('b'))).resolves.toBeUndefined();
    expect(Object.keys(await alice.getChannelAttributes('room')).sort()).toEqual(['b0', 'b1', 'b2', 'b3']);
  });
});
