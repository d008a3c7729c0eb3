import { expect } from 'vitest';
import type { CompatOptions } from '../../src/core/options';
import type { Call } from '../../src/legacy/server/Call';
import type { CallCallback, ChannelCallback, MessageCallback } from '../../src/legacy/server/callbacks';
import type { LoginSession } from '../../src/legacy/server/LoginSession';
import { CALL_EVENTS, CHANNEL_EVENTS, LOGIN_EVENTS, MESSAGE_EVENTS, RESULT_EVENTS, serverWorld } from '../server/serverHarness';

/**
 * Alice and bob logged in on one Server-dialect Signal, alice in "room" (ChannelCallback `room`);
 * bob's incoming calls are labelled `in` and their events go to his LoginCallback (`bob`).
 */
export async function serverBadWorld(options: CompatOptions) {
  const w = serverWorld(options);
  const { session: alice } = await w.login('alice');
  const incoming: Call[] = [];
  const bobEvents = w.recorder('bob', [...LOGIN_EVENTS, ...CALL_EVENTS, ...RESULT_EVENTS]);
  const bob = w.name(
    w.signal.login('bob', '_no_need_token', {
      ...bobEvents,
      onInviteReceived(session: LoginSession, call: Call) {
        incoming.push(w.name(call, 'in'));
        w.transcript.push(['bob.onInviteReceived', w.label(session), 'in']);
      },
    }),
    'bob',
  );
  const room = w.name(alice.channelJoin('room', w.recorder<ChannelCallback>('room', CHANNEL_EVENTS)), 'room');
  await w.flush();
  const messages = () => w.recorder<MessageCallback>('msg', MESSAGE_EVENTS);
  /** Alice's outgoing calls, labelled `out`, their CallCallback recorded as `out`. */
  const outgoing: Call[] = [];
  const call = (channel: unknown, peer: unknown, extra?: unknown): Call => {
    const made = alice.channelInviteUser2(channel as string, peer as string, extra, w.recorder<CallCallback>('out', CALL_EVENTS));
    outgoing.push(w.name(made, 'out'));
    return made;
  };
  /** Sessions a case logs in for itself, by account. */
  const others = new Map<string, LoginSession>();
  return Object.assign(w, { alice, bob, room, incoming, outgoing, messages, call, others });
}

export type ServerBadWorld = Awaited<ReturnType<typeof serverBadWorld>>;

/** Alice can still message bob, and bob gets it. */
export async function serverStillUsable(w: ServerBadWorld): Promise<void> {
  w.alice.messageInstantSend('bob', 'still usable', w.messages());
  await w.flush();
  expect(w.take()).toEqual([
    ['bob.onMessageInstantReceive', 'bob', 'alice', 0, 'still usable'],
    ['msg.onMessageSendSuccess', 'alice'],
  ]);
}
