import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import type { Channel } from '../../src/legacy/web/Channel';
import { CHANNEL_CALLBACKS, watch, world } from '../support/harness';

const uid = accountUid;
const NAMES = ['u0', 'u1', 'u2', 'u3', 'u4'];

/** Each owner's part of the transcript (`u1.onX` → `u1`), in its own order. */
function perOwner(events: unknown[][]): Map<string, unknown[][]> {
  const owners = new Map<string, unknown[][]>();
  for (const event of events) {
    const owner = String(event[0]).split('.')[0]!;
    owners.set(owner, [...(owners.get(owner) ?? []), event]);
  }
  return owners;
}

describe('things that happen while a join is still completing', () => {
  it('simultaneous joins: joined, then the user list, then userJoined only for members not in it', async () => {
    const w = world();
    const sessions = await Promise.all(NAMES.map((name) => w.login(name)));
    w.take();
    sessions.forEach((session, i) => watch(session.channelJoin('room')!, CHANNEL_CALLBACKS, w.transcript, NAMES[i]!));
    await w.flush();
    for (const [owner, events] of perOwner(w.take())) {
      const [joined, list, ...later] = events;
      expect(joined).toEqual([`${owner}.onChannelJoined`]);
      expect(list![0]).toBe(`${owner}.onChannelUserList`);
      const listed = (list![1] as Array<[string, number]>).map(([account]) => account);
      expect(later.every(([name]) => name === `${owner}.onChannelUserJoined`)).toBe(true);
      const announced = later.map(([, account]) => account as string);
      // Every member exactly once: in the list or announced, never both.
      expect([...listed, ...announced].sort()).toEqual(NAMES);
    }
  });

  it('a channel message sent as a member joins arrives after the join sequence, not before', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const a = alice.channelJoin('room')!;
    await w.flush();
    w.take();
    const b = bob.channelJoin('room')!;
    watch(b, CHANNEL_CALLBACKS, w.transcript, 'b');
    // Bob's RTM join has completed (he is a member), his user list is still on its way.
    await new Promise<void>((resolve) => {
      a.onChannelUserJoined = () => {
        a.messageChannelSend('welcome');
        resolve();
      };
    });
    await w.flush();
    expect(w.take().map(([name, ...args]) => (name === 'b.onMessageChannelReceive' ? [name, args[2]] : [name]))).toEqual([
      ['b.onChannelJoined'],
      ['b.onChannelUserList'],
      ['b.onMessageChannelReceive', 'welcome'],
    ]);
  });

  it('channelSetAttr right after channelJoin: the setter sees the attribute once', async () => {
    const w = world();
    const alice = await w.login('alice');
    w.take();
    const room = alice.channelJoin('room')!;
    watch(room, CHANNEL_CALLBACKS, w.transcript, 'room');
    room.channelSetAttr('topic', 'cats', () => w.transcript.push(['cb']));
    await w.flush();
    // RTM's attribute call needs no join, so its cb may come first; the event comes once, in the sequence.
    expect(w.take()).toEqual([
      ['cb'],
      ['room.onChannelJoined'],
      ['room.onChannelUserList', [['alice', uid('alice')]]],
      ['room.onChannelAttrUpdated', 'topic', 'cats', 'update'],
    ]);
  });

  it('clearing a single attribute: the setter gets "clear" (its own operation), the others "del" (all RTM tells them)', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const channels: Channel[] = [alice.channelJoin('room')!, bob.channelJoin('room')!];
    await w.flush();
    channels[0]!.channelSetAttr('k', 'v');
    await w.flush();
    w.take();
    channels.forEach((channel, i) => watch(channel, ['onChannelAttrUpdated'], w.transcript, ['a', 'b'][i]!));
    channels[0]!.channelClearAttr();
    await w.flush();
    expect(perOwner(w.take())).toEqual(
      new Map([
        ['a', [['a.onChannelAttrUpdated', '', '', 'clear']]],
        ['b', [['b.onChannelAttrUpdated', 'k', 'v', 'del']]],
      ]),
    );
  });
});
