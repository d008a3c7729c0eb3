import { expect } from 'vitest';
import type { CompatOptions } from '../../src/core/options';
import type { Call } from '../../src/legacy/web/Call';
import type { Channel } from '../../src/legacy/web/Channel';
import type { Session } from '../../src/legacy/web/Session';
import { RESULT_CALLBACKS } from '../support/callbacks';
import { CALL_CALLBACKS, CHANNEL_CALLBACKS, SESSION_CALLBACKS, watch, world } from '../support/harness';

/**
 * Alice and bob logged in on one Web Signal; alice is in "room" (recorded as `room`); bob's incoming
 * calls are recorded as `in`, operation results included (the newest is `incoming.at(-1)`).
 */
export async function webWorld(options: CompatOptions = {}) {
  const w = world(options);
  const alice = await w.login('alice');
  const bob = await w.login('bob');
  const room = alice.channelJoin('room')!;
  watch(room, CHANNEL_CALLBACKS, w.transcript, 'room');
  const incoming: Call[] = [];
  bob.onInviteReceived = (call: Call) => {
    incoming.push(call);
    w.transcript.push(['bob.onInviteReceived', call.channelName, call.peer, call.extra]);
    watch(call, [...CALL_CALLBACKS, ...RESULT_CALLBACKS], w.transcript, 'in');
  };
  await w.flush();
  /** Alice's outgoing calls, their legacy callbacks recorded as `out` (the newest is `outgoing.at(-1)`). */
  const outgoing: Call[] = [];
  const call = (channel: unknown, peer: unknown, extra?: unknown): Call => {
    const made = alice.channelInviteUser2(channel, peer, extra);
    watch(made, CALL_CALLBACKS, w.transcript, 'out');
    outgoing.push(made);
    return made;
  };
  /**
   * Carol, a second session of this Signal, in "hall" (recorded as `hall`) and then logged out; her
   * session and channel stay reachable as `gone.session` and `gone.channel`.
   */
  const gone: { session?: Session; channel?: Channel } = {};
  const logOutCarol = async (): Promise<void> => {
    const session = w.signal.login('carol', '');
    watch(session, SESSION_CALLBACKS, w.transcript, 'carol');
    await w.flush();
    const channel = session.channelJoin('hall')!;
    watch(channel, CHANNEL_CALLBACKS, w.transcript, 'hall');
    await w.flush();
    session.logout();
    await w.flush();
    Object.assign(gone, { session, channel });
  };
  return Object.assign(w, { alice, bob, room, incoming, outgoing, call, gone, logOutCarol });
}

export type WebWorld = Awaited<ReturnType<typeof webWorld>>;

/** Alice can still message bob, and bob gets it (alice logs in again if a case logged her out). */
export async function webStillUsable(w: WebWorld): Promise<void> {
  if (w.alice.state !== 2) {
    w.alice = await w.login('alice');
    expect(w.take()).toEqual([['alice.onLoginSuccess', expect.any(Number)]]);
  }
  const failed: boolean[] = [];
  w.alice.messageInstantSend('bob', 'still usable', (f) => failed.push(f));
  await w.flush();
  expect(failed).toEqual([false]);
  expect(w.take()).toEqual([['bob.onMessageInstantReceive', 'alice', 0, 'still usable']]);
}
