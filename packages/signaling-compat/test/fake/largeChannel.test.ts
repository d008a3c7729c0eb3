import { describe, expect, it } from 'vitest';
import type { FakeChannel, FakeClient } from '../../src/fake';
import { Transcript } from '../contract/testKit';
import { setup } from './env';

/**
 * docs/reference/rtm1-web-sdk.md §4.11 / §3.4: above 512 members the server stops MemberJoined/MemberLeft and
 * updates the member count only every 3 s; up to 512 every change is announced with the new size.
 */
const LIMIT = 512;
const COUNT_PERIOD_MS = 3_000;

/** A channel `room` whose first member is `observer`, filled with `size - 1` more members. */
async function channelOf(size: number) {
  const env = setup();
  const observer = await env.login('observer');
  const room = observer.createChannel('room');
  const t = new Transcript();
  room.on('MemberJoined', t.on('MemberJoined')).on('MemberLeft', t.on('MemberLeft'));
  room.on('MemberCountUpdated', t.on('count'));
  await room.join();
  const members: Array<{ client: FakeClient; channel: FakeChannel }> = [];
  for (let i = 1; i < size; i += 64) {
    const batch = Array.from({ length: Math.min(64, size - i) }, (_, k) => `m${i + k}`);
    members.push(
      ...(await Promise.all(
        batch.map(async (uid) => {
          const client = await env.login(uid);
          const channel = client.createChannel('room');
          await channel.join();
          return { client, channel };
        }),
      )),
    );
  }
  await env.rtm.flush();
  return { ...env, observer, room, t, members };
}

const labels = (t: Transcript, label: string) => t.entries.filter(([name]) => name === label);

describe('a channel above 512 members', () => {
  it('announces every join up to 512 members, and none above', async () => {
    const { rtm, login, room, t } = await channelOf(LIMIT);
    expect(labels(t, 'MemberJoined')).toHaveLength(LIMIT - 1);
    await rtm.advance(COUNT_PERIOD_MS);
    expect(room.memberCount).toBe(LIMIT);
    t.entries.length = 0;

    const late = await login('late');
    const lateRoom = late.createChannel('room');
    const lateCounts = new Transcript();
    lateRoom.on('MemberCountUpdated', lateCounts.on('count'));
    await lateRoom.join();
    await rtm.flush();
    // The joiner hears its own count at once; the others are not told of the join at all.
    expect(lateCounts.entries).toEqual([['count', LIMIT + 1]]);
    expect(t.entries).toEqual([]);
    expect(room.memberCount).toBe(LIMIT);
  });

  it('sends the others one count per 3 s, with the size at that moment', async () => {
    const { rtm, login, room, t } = await channelOf(LIMIT);
    await rtm.advance(COUNT_PERIOD_MS);
    t.entries.length = 0;

    const joined: FakeClient[] = [];
    for (const uid of ['late1', 'late2', 'late3']) {
      const client = await login(uid);
      await client.createChannel('room').join();
      joined.push(client);
    }
    await rtm.advance(COUNT_PERIOD_MS - 1);
    expect(t.entries).toEqual([]);
    await rtm.advance(1);
    expect(t.entries).toEqual([['count', LIMIT + 3]]);

    // Nothing changed: no further notice, however long the channel stays as it is.
    await rtm.advance(10 * COUNT_PERIOD_MS);
    expect(t.entries).toEqual([['count', LIMIT + 3]]);

    const [first] = joined;
    await first?.logout();
    await rtm.advance(COUNT_PERIOD_MS);
    expect(t.entries).toEqual([
      ['count', LIMIT + 3],
      ['count', LIMIT + 2],
    ]);
    expect(labels(t, 'MemberLeft')).toEqual([]);
  });

  it('announces changes again, with the count, once the channel is back at 512', async () => {
    const { rtm, login, room, t } = await channelOf(LIMIT);
    const late = await login('late');
    await late.createChannel('room').join();
    await rtm.advance(COUNT_PERIOD_MS);
    expect(room.memberCount).toBe(LIMIT + 1);
    t.entries.length = 0;

    await late.logout();
    await rtm.flush();
    // Back at 512: a per-change notice carrying the count (which passes the client's 1 s throttle).
    expect(t.entries).toEqual([['MemberLeft', 'late']]);
    expect(room.memberCount).toBe(LIMIT);
    await rtm.advance(COUNT_PERIOD_MS);
    expect(t.entries).toEqual([
      ['MemberLeft', 'late'],
      ['count', LIMIT],
    ]);
  });

  it('leaves no count timer behind once the channel empties', async () => {
    const { rtm, clock, login, observer, members } = await channelOf(LIMIT);
    const late = await login('late');
    await late.createChannel('room').join();
    await late.logout();
    for (const { client } of members) await client.logout();
    await observer.logout();
    await rtm.flush();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('getMembers still reports the first page of 200, in join order', async () => {
    const { rtm, login } = await channelOf(LIMIT);
    const late = await login('late');
    const lateRoom = late.createChannel('room');
    await lateRoom.join();
    const page = await lateRoom.getMembers();
    expect(page).toHaveLength(200);
    expect(page.slice(0, 3)).toEqual(['observer', 'm1', 'm2']);
    await rtm.flush();
  });
});
