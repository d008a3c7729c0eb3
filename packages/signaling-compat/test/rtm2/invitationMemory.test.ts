import { describe, expect, it } from 'vitest';
import { FakeRtm2, ManualClock } from '../../src/fake';
import { Signal } from '../../src/legacy/Signal';
import { SESSION_CALLBACKS, watch } from '../support/harness';

const APP_ID = '0123456789abcdef0123456789abcdef';
const INV = { channelType: 'USER' as const, customType: 'rtm1.inv' };

/**
 * The hub remembers seen INVITEs, to absorb a duplicate or replayed one
 * (src/rtm2/invitations/PeerMemory.ts), per publisher: one hostile peer's envelopes push out only
 * what the hub remembers about that peer.
 */
describe('one hostile peer cannot erase what the hub remembers about other callers', () => {
  it('a duplicate of alice\'s INVITE is still absorbed after mallory sent 4 200 INVITEs of its own', async () => {
    const clock = new ManualClock();
    const fake = new FakeRtm2({ clock });
    const transcript: unknown[][] = [];
    const session = Signal(APP_ID, { rtm: fake as never }).login('bob', '_no_need_token');
    watch(session, SESSION_CALLBACKS, transcript, 'bob');
    await fake.flush();
    const raw = async (uid: string) => {
      const client = new fake.RTM(APP_ID, uid);
      await client.login();
      return client;
    };
    const alice = await raw('alice');
    const invite = JSON.stringify({ v: 1, t: 'INVITE', id: 'a-1', ch: 'room', c: 'hi' });
    await alice.publish('bob', invite, INV);
    await fake.flush();
    const mallories = [await raw('mallory1'), await raw('mallory2')];
    let n = 0;
    // 60 publishes per second each (2.x's own limit), for 35 s: within the hub's 120 s memory.
    for (let second = 0; second < 35; second++) {
      for (let i = 0; i < 60; i++) {
        for (const m of mallories) void m.publish('bob', JSON.stringify({ v: 1, t: 'INVITE', id: `m-${n++}`, ch: 'null' }), INV);
      }
      await fake.advance(1000);
    }
    expect(n).toBe(4200);
    // The same INVITE again (a duplicate delivery, which the hub exists to absorb).
    await alice.publish('bob', invite, INV);
    await fake.flush();
    // mallory's calls (channel "null" is not an ID the shim writes) were refused unseen.
    const calls = transcript.filter(([name]) => name === 'bob.onInviteReceived');
    expect(calls).toHaveLength(1);
  });
});
