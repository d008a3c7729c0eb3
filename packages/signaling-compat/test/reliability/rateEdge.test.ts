import { describe, expect, it } from 'vitest';
import type { RtmMessage, RtmNamespaceLike } from '../../src/rtm/types';
import { world } from '../support/harness';

/**
 * A backend whose message window is RTM's 180 per 3 s but counted `skewMs` later than the shim's
 * clock says (its own clock reading, a slot taken after an await): the shim's pacer thinks the
 * window has room a little before RTM does. Sends at the edge are refused as RTM refuses them.
 */
function laggingWindow(w: ReturnType<typeof world>, skewMs: number): RtmNamespaceLike {
  return {
    // The shim's timers run on the fake's clock, as with the fake itself.
    get clock() {
      return w.clock;
    },
    createInstance(appId: string) {
      const client = w.rtm.createInstance(appId);
      const sent: number[] = [];
      const send = client.sendMessageToPeer.bind(client);
      client.sendMessageToPeer = (message: RtmMessage, peerId: string) => {
        const now = w.clock.now();
        while (sent.length > 0 && sent[0]! <= now - 3000) sent.shift();
        if (sent.length >= 180) {
          return Promise.reject(Object.assign(new Error('Messages exceeded the limit'), { name: 'RtmLimitExceededError', code: 5 }));
        }
        // The slot is taken later than the shim's clock reading.
        sent.push(now + skewMs);
        return send(message, peerId);
      };
      return client;
    },
  } as unknown as RtmNamespaceLike;
}

describe('pacing at the edge of RTM’s window: a refused send is retried, never dropped', () => {
  it.each([0, 1, 20, 200, 499])('RTM’s window lags the shim’s by %i ms: 700 messages, all delivered, in order', async (skewMs) => {
    let late: ReturnType<typeof world> | undefined;
    const lateWorld = { get rtm() { return late!.rtm; }, get clock() { return late!.clock; } } as ReturnType<typeof world>;
    late = world({ rtm: laggingWindow(lateWorld, skewMs) });
    const world_ = late;
    const alice = await world_.login('alice');
    const bob = await world_.login('bob');
    const got: string[] = [];
    const failed: string[] = [];
    bob.onMessageInstantReceive = (_a: string, _u: number, msg: unknown) => void got.push(String(msg));
    for (let i = 0; i < 700; i++) {
      alice.messageInstantSend('bob', `m${i}`, (f: boolean) => f && failed.push(`m${i}`));
      // Sends spread over time, so some land right at the window's edge.
      if (i % 7 === 0) await world_.advance(37);
    }
    await world_.advance(30_000);
    expect(failed).toEqual([]);
    expect(got).toEqual(Array.from({ length: 700 }, (_, i) => `m${i}`));
  });
});
