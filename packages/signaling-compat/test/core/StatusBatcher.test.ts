import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../src/core/context';
import { StatusBatcher } from '../../src/core/StatusBatcher';
import type { PeersOnlineStatusResult } from '../../src/rtm/types';

/** A context whose client answers `queryPeersOnlineStatus` from `online` and records each call's IDs. */
function context(online: Set<string>, options: { live?: () => boolean; fail?: unknown } = {}) {
  const calls: string[][] = [];
  const client = {
    queryPeersOnlineStatus(ids: string[]): Promise<PeersOnlineStatusResult> {
      calls.push(ids);
      if (options.fail) return Promise.reject(options.fail);
      return Promise.resolve(Object.fromEntries(ids.map((id) => [id, online.has(id)])));
    },
  };
  const ctx = { client, live: options.live ?? (() => true) } as unknown as EngineContext;
  return { ctx, calls };
}

describe('StatusBatcher', () => {
  it('queries made in one tick share one call, each caller reading its own ID', async () => {
    const { ctx, calls } = context(new Set(['bob', 'dan']));
    const batcher = new StatusBatcher(ctx);
    const ids = ['bob', 'carol', 'dan', 'bob', 'erin'];
    const answers = await Promise.all(ids.map((id) => batcher.query(id).then((answer) => answer[id])));
    expect(answers).toEqual([true, false, true, true, false]);
    expect(calls).toEqual([['bob', 'carol', 'dan', 'erin']]);
  });

  it('queries of later ticks make calls of their own', async () => {
    const { ctx, calls } = context(new Set(['bob']));
    const batcher = new StatusBatcher(ctx);
    expect((await batcher.query('bob')).bob).toBe(true);
    expect((await batcher.query('carol')).carol).toBe(false);
    expect(calls).toEqual([['bob'], ['carol']]);
  });

  it('more than 256 IDs in one tick go in calls of at most 256 (RTM 1.x refuses more)', async () => {
    const { ctx, calls } = context(new Set(['user-300']));
    const batcher = new StatusBatcher(ctx);
    const ids = Array.from({ length: 600 }, (_, i) => `user-${i}`);
    const answers = await Promise.all(ids.map((id) => batcher.query(id).then((answer) => answer[id])));
    expect(calls.map((c) => c.length)).toEqual([256, 256, 88]);
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(answers[300]).toBe(true);
  });

  it('a failed call fails every query it carried with its error', async () => {
    const error = Object.assign(new Error('query timed out'), { name: 'RtmTimeoutError', code: 4 });
    const { ctx } = context(new Set(), { fail: error });
    const batcher = new StatusBatcher(ctx);
    const results = await Promise.allSettled([batcher.query('bob'), batcher.query('carol')]);
    expect(results).toEqual([
      { status: 'rejected', reason: error },
      { status: 'rejected', reason: error },
    ]);
  });

  it('a client that throws synchronously fails the queries instead of throwing', async () => {
    const error = new Error('not logged in');
    const ctx = {
      client: {
        queryPeersOnlineStatus: () => {
          throw error;
        },
      },
      live: () => true,
    } as unknown as EngineContext;
    await expect(new StatusBatcher(ctx).query('bob')).rejects.toBe(error);
  });

  it('a logout in the tick of the query makes no RTM call', async () => {
    let live = true;
    const { ctx, calls } = context(new Set(['bob']), { live: () => live });
    const batcher = new StatusBatcher(ctx);
    const pending = batcher.query('bob');
    live = false;
    await expect(pending).rejects.toThrow('logged out before the status query was sent');
    expect(calls).toEqual([]);
  });
});
