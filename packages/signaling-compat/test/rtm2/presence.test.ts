import { describe, expect, it } from 'vitest';
import type { RtmChannelLike } from '../../src/rtm/types';
import type { Rtm2Channel } from '../../src/rtm2/Rtm2Channel';
import type { Rtm2PresenceEvent } from '../../src/rtm2/types';
import { adapterWorld } from './env';

describe('members from 2.x presence', () => {
  it('above the Console threshold, INTERVAL batches become MemberJoined/MemberLeft when they arrive', async () => {
    // "presence.occupancy" 3: from 3 members on, 2.x reports joins and leaves every 5 s in batches.
    const w = adapterWorld({}, { console: { presenceOccupancy: 3, presenceIntervalS: 5 } });
    const alice = await w.client('alice');
    const room: RtmChannelLike = alice.createChannel('room');
    const t: unknown[][] = [];
    room.on('MemberJoined', (id) => t.push(['joined', id])).on('MemberLeft', (id) => t.push(['left', id]));
    await room.join();
    const others = [];
    for (const id of ['bob', 'carol', 'dave']) {
      const client = await w.client(id);
      const channel = client.createChannel('room');
      await channel.join();
      others.push(channel);
    }
    await w.advance(5_000);
    // Every other member reported once, whether live (below the threshold) or in a batch.
    expect(t.filter(([kind]) => kind === 'joined').map(([, id]) => id).sort()).toEqual(['bob', 'carol', 'dave']);
    await others[2]!.leave();
    await w.flush();
    expect(t.filter(([kind]) => kind === 'left')).toEqual([]);
    // The leave comes with the next batch.
    await w.advance(5_000);
    expect(t.filter(([kind]) => kind === 'left')).toEqual([['left', 'dave']]);
  });

  it('a member who crashes is seen leaving after its presenceTimeout (the adapter sets 30 s)', async () => {
    const w = adapterWorld();
    const alice = await w.client('alice');
    const room = alice.createChannel('room');
    await room.join();
    const bob = await w.client('bob');
    await bob.createChannel('room').join();
    await w.flush();
    const t: unknown[][] = [];
    room.on('MemberLeft', (id) => t.push(['left', id]));
    w.fake.disconnect('bob');
    await w.advance(29_000);
    expect(t).toEqual([]);
    await w.advance(1_000);
    expect(t).toEqual([['left', 'bob']]);
  });

  it('a later SNAPSHOT (after a reconnect) is diffed against the members; malformed events change nothing', async () => {
    const w = adapterWorld();
    const alice = await w.client('alice');
    const room = alice.createChannel('room') as Rtm2Channel;
    await room.join();
    const bob = await w.client('bob');
    await bob.createChannel('room').join();
    await w.flush();
    const t: unknown[][] = [];
    room.on('MemberJoined', (id) => t.push(['joined', id])).on('MemberLeft', (id) => t.push(['left', id]));
    const event = (fields: Partial<Rtm2PresenceEvent>): Rtm2PresenceEvent => ({
      eventType: 'SNAPSHOT',
      channelType: 'MESSAGE',
      channelName: 'room',
      publisher: '',
      interval: null,
      snapshot: [],
      timestamp: 0,
      ...fields,
    });
    room.presence(event({ snapshot: [{ userId: 'alice' }, { userId: 'carol' }] }));
    expect(t).toEqual([['left', 'bob'], ['joined', 'carol']]);
    const hostile = [
      event({ snapshot: [null, 5, { userId: 7 }] as never }),
      event({ eventType: 'INTERVAL', interval: { join: 'x', leave: null } as never }),
      event({ eventType: 'REMOTE_JOIN', publisher: 42 as never }),
      event({ eventType: 'REMOTE_LEAVE', publisher: 'nobody' }),
      event({ eventType: 'BOGUS' }),
    ];
    t.length = 0;
    for (const e of hostile.slice(1)) expect(() => room.presence(e)).not.toThrow();
    expect(t).toEqual([]);
    // A SNAPSHOT with no usable entries empties the set, as any snapshot says who is there.
    room.presence(hostile[0]!);
    expect(t).toEqual([['left', 'carol']]);
  });
});
