import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/legacy/web/Session';
import { onBackend, world } from '../support/harness';

function queryStatus(session: Session, account: string): Promise<[string, Record<string, unknown>]> {
  return new Promise((resolve) =>
    session.invoke('io.agora.signal.user_query_user_status', { account }, (err, result) => resolve([err, result])),
  );
}

describe('Web status queries in one tick', () => {
  it('share one RTM call and each get its own reply, in the order they were made', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    await w.login('dan');
    await w.flush();
    w.rtm.resetStats();
    const order: string[] = [];
    const replies = ['bob', 'carol', 'dan', 'bob'].map((account) =>
      queryStatus(alice, account).then((reply) => {
        order.push(account);
        return reply;
      }),
    );
    await w.flush();
    expect(await Promise.all(replies)).toEqual([
      ['', { result: 'ok', account: 'bob', status: 1 }],
      ['', { result: 'ok', account: 'carol', status: 0 }],
      ['', { result: 'ok', account: 'dan', status: 1 }],
      ['', { result: 'ok', account: 'bob', status: 1 }],
    ]);
    expect(order).toEqual(['bob', 'carol', 'dan', 'bob']);
    // 2.x has no status query: the adapter probes each distinct user with one publish.
    expect(w.rtm.stats()).toEqual(onBackend({ rtm1: { queryPeersOnlineStatus: 1 }, rtm2: { publish: 3 } }));
  });
});
