import { describe, expect, it } from 'vitest';
import { fake2 } from './env';

const types = (events: unknown[]) => events.map((event) => (event as { eventType: string }).eventType);

describe('FakeRtm2 presence', () => {
  it('hides beQuiet subscribers, sends full states on change and answers whoNow / whereNow', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    const bob = client('bob');
    const quiet = client('quiet');
    for (const each of [alice, bob, quiet]) await each.login();
    await alice.subscribe('room');
    await quiet.subscribe('room', { beQuiet: true });
    await bob.presence.setState('room', 'MESSAGE', { mood: 'happy' });
    await bob.subscribe('room');
    await bob.presence.setState('room', 'MESSAGE', { mic: 'on' });
    await rtm.flush();
    expect(types(log(alice, 'presence'))).toEqual(['SNAPSHOT', 'REMOTE_JOIN', 'REMOTE_STATE_CHANGED']);
    expect(log(alice, 'presence')[2]).toMatchObject({ publisher: 'bob', stateChanged: { mood: 'happy', mic: 'on' } });
    expect(log(quiet, 'presence')[0]).toMatchObject({ eventType: 'SNAPSHOT', snapshot: [{ userId: 'alice' }] });

    const who = await alice.presence.whoNow('room', 'MESSAGE', { includedState: true });
    expect(who).toEqual({
      timestamp: 0,
      totalOccupancy: 2,
      occupants: [
        { userId: 'alice', states: {}, statesCount: 0 },
        { userId: 'bob', states: { mood: 'happy', mic: 'on' }, statesCount: 2 },
      ],
      nextPage: '',
    });
    await expect(alice.presence.getOnlineUsers('room', 'MESSAGE', { includedUserId: false })).resolves.toMatchObject({ totalOccupancy: 2, occupants: [] });
    await expect(alice.presence.getUserChannels('bob')).resolves.toEqual({ timestamp: 0, channels: [{ channelName: 'room', channelType: 'MESSAGE' }], totalChannel: 1 });
    await expect(alice.presence.getState('bob', 'room', 'MESSAGE')).resolves.toEqual({ timestamp: 0, userId: 'bob', states: { mood: 'happy', mic: 'on' }, statesCount: 2 });
    await expect(alice.presence.getState('carol', 'room', 'MESSAGE')).rejects.toMatchObject({ code: -13011 });
    for (const each of [alice, bob, quiet]) await each.logout();
  });

  it('pages whoNow by the Console occupancy', async () => {
    const { client } = fake2({ console: { presenceOccupancy: 2 } });
    const users = ['u1', 'u2', 'u3'].map((id) => client(id));
    for (const user of users) {
      await user.login();
      await user.subscribe('room');
    }
    const first = await users[0].presence.whoNow('room', 'MESSAGE');
    expect(first.occupants.map((member) => member.userId)).toEqual(['u1', 'u2']);
    expect(first.nextPage).not.toBe('');
    const second = await users[0].presence.whoNow('room', 'MESSAGE', { page: first.nextPage });
    expect(second.occupants.map((member) => member.userId)).toEqual(['u3']);
    expect(second.nextPage).toBe('');
    for (const user of users) await user.logout();
  });

  it('a timed-out member gets no REMOTE_LEAVE, and comes back with REMOTE_JOIN after reconnecting', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    const bob = client('bob', { presenceTimeout: 5 });
    await alice.login();
    await bob.login();
    await alice.subscribe('room');
    await bob.subscribe('room');
    await rtm.flush();
    rtm.disconnect('bob');
    await rtm.advance(5_000);
    expect(types(log(alice, 'presence'))).toEqual(['SNAPSHOT', 'REMOTE_JOIN', 'REMOTE_TIMEOUT']);
    rtm.reconnect('bob');
    await rtm.flush();
    expect(types(log(alice, 'presence'))).toEqual(['SNAPSHOT', 'REMOTE_JOIN', 'REMOTE_TIMEOUT', 'REMOTE_JOIN']);
    expect(types(log(bob, 'presence'))).toEqual(['SNAPSHOT', 'SNAPSHOT']);
    await bob.logout();
    await rtm.flush();
    expect(types(log(alice, 'presence')).at(-1)).toBe('REMOTE_LEAVE');
    await alice.logout();
  });

  it('caches a subscribe made while the link is down after login and replays it on reconnect', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    const bob = client('bob');
    await alice.login();
    await bob.login();
    await bob.subscribe('room');
    rtm.disconnect('alice');
    await rtm.flush();
    await expect(alice.subscribe('room')).resolves.toEqual({ timestamp: 0, channelName: 'room' });
    await rtm.flush();
    expect(types(log(bob, 'presence'))).toEqual(['SNAPSHOT']);
    rtm.reconnect('alice');
    await rtm.flush();
    expect(types(log(bob, 'presence'))).toEqual(['SNAPSHOT', 'REMOTE_JOIN']);
    await alice.publish('room', 'back');
    await rtm.flush();
    expect(log(bob, 'message')).toMatchObject([{ message: 'back', publisher: 'alice' }]);
    await alice.logout();
    await bob.logout();
  });

  it('an unsubscribe while the link is down takes effect on reconnect', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    const bob = client('bob');
    await alice.login();
    await bob.login();
    await alice.subscribe('room');
    await bob.subscribe('room');
    rtm.disconnect('bob');
    await rtm.flush();
    await bob.unsubscribe('room');
    rtm.reconnect('bob');
    await rtm.flush();
    await alice.publish('room', 'after');
    await rtm.flush();
    expect(log(bob, 'message')).toEqual([]);
    expect(types(log(alice, 'presence')).at(-1)).toBe('REMOTE_LEAVE');
    await alice.logout();
    await bob.logout();
  });
});
