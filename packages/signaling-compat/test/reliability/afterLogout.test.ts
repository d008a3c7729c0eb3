import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/fake';
import type { FakeClient } from '../../src/fake';
import type { RemoteInvitationLike } from '../../src/rtm/types';
import { DIALECTS, dialectWorld, type DialectWorld, type Login } from './dialects';
import { recordingBackend } from './rtmRecorder';

interface Scene {
  w: DialectWorld;
  alice: Login;
  peer: FakeClient;
  /** Moves the shim's clock and the fake's together. */
  tick(ms: number): Promise<void>;
}

/**
 * Every kind of session activity, each left in the middle of its work: whatever it started must
 * stop at logout. New kinds of work belong here.
 */
const ACTIVITIES: Array<{ name: string; run(s: Scene): Promise<void> | void; cutsLink?: true }> = [
  { name: 'nothing', run: () => undefined },
  {
    name: 'an attribute burst past RTM’s 10-per-5-s window',
    run: async ({ alice, tick }) => {
      alice.join('room');
      await tick(0);
      for (let i = 0; i < 40; i++) {
        alice.setAttr('room', `k${i % 12}`, `v${i}`);
        await tick(100);
      }
    },
  },
  {
    name: 'attribute updates on many channels, one after another',
    run: async ({ alice, tick }) => {
      for (let i = 0; i < 30; i++) {
        alice.join(`c${i}`);
        await tick(0);
        alice.setAttr(`c${i}`, 'k', `v${i}`);
        alice.setAttr(`c${i}`, 'k2', `v${i}`);
        await tick(50);
      }
    },
  },
  {
    name: '_auto_update_num reporting',
    run: async ({ alice, tick }) => {
      alice.join('room');
      await tick(0);
      alice.setAttr('room', '_auto_update_num', '1');
      await tick(3000);
    },
  },
  {
    name: 'a burst of 400 peer and channel messages past RTM’s 180-per-3-s window',
    run: async ({ alice, tick }) => {
      alice.join('room');
      await tick(0);
      for (let i = 0; i < 200; i++) {
        alice.sendPeer('peer', `p${i}`);
        alice.sendChannel('room', `c${i}`);
      }
      await tick(0);
    },
  },
  {
    name: 'an outgoing call still ringing',
    run: async ({ alice, tick }) => {
      alice.call('peer', 'call');
      await tick(1000);
    },
  },
  {
    name: 'an outgoing call answered',
    run: async ({ alice, peer, tick }) => {
      peer.on('RemoteInvitationReceived', (remote: RemoteInvitationLike) => remote.accept());
      alice.call('peer', 'call');
      await tick(2000);
    },
  },
  {
    name: 'an incoming call answered',
    run: async ({ alice, peer, tick }) => {
      alice.answerCalls();
      const invitation = peer.createLocalInvitation('alice');
      invitation.channelId = 'call';
      invitation.send();
      await tick(2000);
    },
  },
  {
    name: 'an ended call',
    run: async ({ alice, tick }) => {
      alice.call('peer', 'call');
      await tick(500);
      alice.endCall();
      await tick(500);
    },
  },
  {
    name: 'switching channels A → B → A faster than a round trip',
    run: async ({ alice, tick }) => {
      alice.join('A');
      alice.join('B');
      alice.join('A');
      await tick(5);
    },
  },
  {
    name: 'a dropped connection, logging out while reconnecting',
    // The server never heard the logout over the cut link: its session times out on its own.
    cutsLink: true,
    run: async ({ w, alice, tick }) => {
      alice.join('room');
      await tick(0);
      w.rtm.disconnect('alice');
      await tick(300);
      alice.sendPeer('peer', 'held');
    },
  },
];

describe.each(DIALECTS)('$name: nothing of a session runs after its logout', (d) => {
  it.each(ACTIVITIES)('after $name: no timer left, no RTM call later', async (activity) => {
    const shimClock = new ManualClock();
    let w: DialectWorld | undefined;
    const recorder = recordingBackend((uid) => w!.transcript.some(([name]) => name === `${uid}.onLogout`));
    w = dialectWorld({ rtm: recorder.namespace, clock: shimClock }, { latencyMs: 20 });
    recorder.target = w.rtm;
    const world = w;
    const tick = async (ms: number) => {
      for (let left = ms; ; left -= 10) {
        const step = Math.min(10, Math.max(0, left));
        await shimClock.advance(step);
        await world.advance(step);
        if (left <= 10) return;
      }
    };
    const peer = world.rtm.createInstance('0123456789abcdef0123456789abcdef');
    void peer.login({ uid: 'peer' });
    const alice = d.login(world, 'alice');
    await tick(100);
    await activity.run({ w: world, alice, peer, tick });

    alice.logout();
    await tick(100);
    expect(world.transcript.filter(([name]) => name === 'alice.onLogout')).toHaveLength(1);
    // The shim has its own clock here: every one of its timers is gone at once.
    expect(shimClock.pendingTimers()).toBe(0);

    world.rtm.reconnect('alice');
    await peer.logout();
    await tick(100);
    // Both clients are logged out: the fake keeps no timer for them either (invitations included).
    if (!activity.cutsLink) expect(world.clock.pendingTimers()).toBe(0);
    await tick(90_000);
    expect(world.clock.pendingTimers()).toBe(0);
    expect(recorder.calls.filter((call) => call.afterLogout)).toEqual([]);
    expect(shimClock.pendingTimers()).toBe(0);
  });
});
