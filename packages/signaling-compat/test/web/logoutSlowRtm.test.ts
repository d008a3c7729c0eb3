import { describe, expect, it } from 'vitest';
import { RTM_MESSAGE_LIMIT } from '../../src/core/MessagePacer';
import { watch, world } from '../support/harness';

/**
 * A logout while RTM still has sends it has not answered, on a slow link: RTM's logout settles
 * before those answers arrive, with more sends queued behind its rate window. Every send callback
 * comes once, in send order, whatever RTM answers after its logout.
 */
describe('a logout while RTM is slow to answer sends', () => {
  const SENDS = RTM_MESSAGE_LIMIT + 5;

  // One kind per case: across kinds the callbacks follow the backend's answers, which 2.x gives by kind.
  it.each(['peer', 'channel'] as const)(`${SENDS} %s sends, then logout, at 20 ms latency: each cb() once, in send order`, async (kind) => {
    const w = world({}, { latencyMs: 20 });
    const alice = w.signal.login('alice', '_no_need_token');
    w.signal.login('bob', '_no_need_token');
    await w.advance(100);
    const room = alice.channelJoin('room')!;
    await w.advance(100);
    watch(alice, ['onLogout'], w.transcript, 'alice');
    for (let n = 0; n < SENDS; n++) {
      const cb = (...args: unknown[]) => w.transcript.push(['cb', n, ...args]);
      if (kind === 'peer') alice.messageInstantSend('bob', `m${n}`, cb);
      else room.messageChannelSend(`m${n}`, cb);
    }
    alice.logout();
    await w.advance(1_000);
    const t = w.take();
    expect(t.filter((e) => e[0] === 'cb').map((e) => e[1])).toEqual(Array.from({ length: SENDS }, (_, n) => n));
    expect(t.filter((e) => e[0] !== 'cb')).toEqual([['alice.onLogout', 101]]);
    expect(w.clock.pendingTimers()).toBe(0);
  });
});
