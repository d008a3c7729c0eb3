import { describe, expect, it } from 'vitest';
import { world } from '../support/harness';

/** Batched and coalesced work caught by a logout: each caller hears back exactly once. */
describe('Web logout in the middle of batched work', () => {
  it('every channelSetAttr and status query of a burst gets its callback once', async () => {
    const w = world({}, { latencyMs: 20, limits: { channelAttributeOps: { max: 10, perMs: 5000 } } });
    const alice = await w.login('alice');
    await w.login('bob');
    await w.advance(100);
    const room = alice.channelJoin('room')!;
    await w.advance(100);
    const calls = new Map<string, unknown[][]>();
    const note = (key: string) => (...args: unknown[]) => calls.set(key, [...(calls.get(key) ?? []), args]);
    for (let i = 0; i < 30; i++) {
      room.channelSetAttr(`k${i % 12}`, `v${i}`, note(`set${i}`));
      if (i % 10 === 9) await w.advance(5);
    }
    for (const account of ['bob', 'carol']) alice.invoke('io.agora.signal.user_query_user_status', { account }, note(`status:${account}`));
    await w.advance(5);
    alice.logout();
    await w.advance(100);
    await w.advance(20_000);
    const keys = [...Array.from({ length: 30 }, (_, i) => `set${i}`), 'status:bob', 'status:carol'];
    expect(keys.filter((key) => calls.get(key)?.length !== 1)).toEqual([]);
  });
});
