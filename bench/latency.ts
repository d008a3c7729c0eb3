/**
 * Latency as users feel it: FakeRtm with `hopMs` on every client↔server hop, on a manual clock, so
 * the figures are simulated milliseconds (deterministic) from a call to the callback the app waits
 * for, through the shim and through the direct RTM equivalent.
 */
import { ManualClock } from 'signaling-compat/fake';
import { APP_ID, directJoin, directLogin, shimJoin, shimLogin, world } from './world';

const HOP_MS = 50;
/** A bound on simulated time per measurement: far above any expected figure, so a lost callback fails loudly. */
const GIVE_UP_MS = 60_000;

export interface ShimLatency {
  login: number;
  instant: number;
  invite: number;
  attr: number;
  joinToUserList: number;
}

export interface DirectLatency {
  login: number;
  instant: number;
  invite: number;
  attr: number;
  join: number;
}

export interface Latency {
  hopMs: number;
  shim: ShimLatency;
  direct: DirectLatency;
}

export async function latency(): Promise<Latency> {
  const clock = new ManualClock();
  const { rtm, signal } = world({ clock, latencyMs: HOP_MS });
  /** Simulated ms from `start` to its `done`; timers run at their due times, so the reading is exact. */
  const elapsed = async (start: (done: () => void) => void): Promise<number> => {
    const from = clock.now();
    let at: number | undefined;
    start(() => {
      at ??= clock.now();
    });
    while (at === undefined && clock.now() - from < GIVE_UP_MS) await rtm.advance(HOP_MS);
    if (at === undefined) throw new Error('latency: the awaited callback never ran');
    const result = at - from;
    // Let follow-up traffic (acks, echoes) settle so it never overlaps the next measurement.
    await rtm.advance(10 * HOP_MS);
    return result;
  };
  // Login: the Web session's onLoginSuccess against client.login() resolving.
  const shimLoginMs = await elapsed((done) => {
    signal.login('lat-shim-alice', '_no_need_token').onLoginSuccess = done;
  });
  const directLoginMs = await elapsed((done) => {
    void rtm.createInstance(APP_ID).login({ uid: 'lat-direct-probe' }).then(done);
  });
  const [alice, bob] = await settle(rtm.advance.bind(rtm), [
    shimLogin(signal, 'lat-shim-a'),
    shimLogin(signal, 'lat-shim-b'),
  ]);
  const [directAlice, directBob] = await settle(rtm.advance.bind(rtm), [
    directLogin(rtm, 'lat-direct-a'),
    directLogin(rtm, 'lat-direct-b'),
  ]);

  // P2P: the peer's onMessageInstantReceive against its MessageFromPeer.
  const shimInstant = await elapsed((done) => {
    bob.onMessageInstantReceive = done;
    alice.messageInstantSend('lat-shim-b', 'ping');
  });
  const directInstant = await elapsed((done) => {
    const received = (): void => {
      directBob.off('MessageFromPeer', received);
      done();
    };
    directBob.on('MessageFromPeer', received);
    void directAlice.sendMessageToPeer({ text: 'ping' }, 'lat-direct-b');
  });

  // Invitation: the caller's onInviteReceivedByPeer against LocalInvitationReceivedByPeer.
  const shimInvite = await elapsed((done) => {
    const call = alice.channelInviteUser2('lat-call', 'lat-shim-b', '');
    call.onInviteReceivedByPeer = () => {
      done();
      call.channelInviteEnd();
    };
  });
  const directInvite = await elapsed((done) => {
    const invitation = directAlice.createLocalInvitation('lat-direct-b');
    invitation.channelId = 'lat-call';
    invitation.on('LocalInvitationReceivedByPeer', () => {
      done();
      invitation.cancel();
    });
    invitation.send();
  });

  // Join: onChannelUserList (join, then members and attributes in parallel) against join() resolving.
  const shimJoinMs = await elapsed((done) => {
    const channel = alice.channelJoin('lat-room');
    if (channel) channel.onChannelUserList = done;
  });
  const directJoinMs = await elapsed((done) => {
    void directAlice.createChannel('lat-direct-room').join().then(done);
  });
  const [aliceRoom, bobRoom] = await settle(rtm.advance.bind(rtm), [shimJoin(alice, 'lat-attr'), shimJoin(bob, 'lat-attr')]);
  const [directRoom] = await settle(rtm.advance.bind(rtm), [directJoin(directBob, 'lat-direct-attr')]);
  await settle(rtm.advance.bind(rtm), [directJoin(directAlice, 'lat-direct-attr')]);

  // Channel attribute: another member's onChannelAttrUpdated against its AttributesUpdated.
  const shimAttr = await elapsed((done) => {
    bobRoom.onChannelAttrUpdated = done;
    aliceRoom.channelSetAttr('topic', 'latency');
  });
  const directAttr = await elapsed((done) => {
    const updated = (): void => {
      directRoom.off('AttributesUpdated', updated);
      done();
    };
    directRoom.on('AttributesUpdated', updated);
    void directAlice.addOrUpdateChannelAttributes(
      'lat-direct-attr',
      { topic: 'latency' },
      { enableNotificationToChannelMembers: true },
    );
  });

  return {
    hopMs: HOP_MS,
    shim: { login: shimLoginMs, instant: shimInstant, invite: shimInvite, attr: shimAttr, joinToUserList: shimJoinMs },
    direct: { login: directLoginMs, instant: directInstant, invite: directInvite, attr: directAttr, join: directJoinMs },
  };
}

/** Awaits setup promises while moving simulated time (with latency, nothing resolves otherwise). */
async function settle<T extends readonly unknown[]>(
  advance: (ms: number) => Promise<void>,
  promises: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  let settled = false;
  const all = Promise.all(promises).finally(() => {
    settled = true;
  });
  for (let ms = 0; !settled && ms < GIVE_UP_MS; ms += HOP_MS) await advance(HOP_MS);
  return all as Promise<T>;
}
