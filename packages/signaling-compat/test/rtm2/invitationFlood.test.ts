import { describe, expect, it } from 'vitest';
import { FakeRtm2, ManualClock } from '../../src/fake';
import { Signal } from '../../src/legacy/Signal';

const APP_ID = '0123456789abcdef0123456789abcdef';
const INV = { channelType: 'USER' as const, customType: 'rtm1.inv' };

/**
 * Each INVITE whose channel is not an ID the shim writes (here "null", which 1.x forbids) is
 * refused unseen (src/core/Calls.ts). On 2.x a refusal is a publish in the session's 60/s budget
 * (src/rtm2/RateGate.ts), shared with the app's own messages, so only a few a second are answered:
 * two hostile raw clients at their own 60/s each cannot push the victim's messages back.
 */
describe('a hostile INVITE flood cannot starve the session\'s own messages', () => {
  it('after 5 s of 120 undecodable INVITEs/s, an app message still goes out within a second', async () => {
    const clock = new ManualClock();
    const fake = new FakeRtm2({ clock });
    const signal = Signal(APP_ID, { rtm: fake as never });
    const bob = signal.login('bob', '_no_need_token');
    await fake.flush();
    const raw = async (uid: string) => {
      const client = new fake.RTM(APP_ID, uid);
      await client.login();
      return client;
    };
    const carol = await raw('carol');
    const arrivals: number[] = [];
    carol.addEventListener('message', () => arrivals.push(clock.now()));
    const mallories = [await raw('mallory1'), await raw('mallory2')];
    let refusals = 0;
    for (const m of mallories) m.addEventListener('message', () => refusals++);
    let n = 0;
    for (let second = 0; second < 5; second++) {
      for (let i = 0; i < 60; i++) {
        for (const m of mallories) void m.publish('bob', JSON.stringify({ v: 1, t: 'INVITE', id: `x${n++}`, ch: 'null' }), INV);
      }
      await fake.advance(1000);
    }
    const sentAt = clock.now();
    bob.messageInstantSend('carol', 'hello');
    for (let i = 0; i < 10; i++) await fake.advance(1000);
    expect(n).toBe(600);
    // At most 5 unseen refusals a second (src/core/Calls.ts), however fast INVITEs come.
    expect(refusals).toBeLessThanOrEqual(25);
    expect(refusals).toBeGreaterThan(0);
    expect(arrivals[0]! - sentAt).toBeLessThan(1000);
  });
});
