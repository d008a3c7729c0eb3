import { describe, expect, it } from 'vitest';
import { fake2 } from './env';

describe('FakeRtm2 storage and locks', () => {
  it('user metadata: SNAPSHOT on subscribe, UPDATE with the full set, publisher = that user', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    const bob = client('bob');
    await alice.login();
    await bob.login();
    await alice.storage.setUserMetadata([{ key: 'status', value: 'away' }], { addUserId: true, addTimeStamp: true });
    await bob.storage.subscribeUserMetadata('alice');
    await alice.storage.updateUserMetadata([{ key: 'status', value: 'busy' }]);
    await rtm.flush();
    const events = log(bob, 'storage') as Array<{ eventType: string; publisher: string; channelType: string; channelName: string; storageType: string; data: { totalCount: number; metadata: Record<string, { value: string }> } }>;
    expect(events.map((event) => [event.eventType, event.storageType, event.channelType, event.channelName, event.publisher, event.data.metadata.status.value])).toEqual([
      ['SNAPSHOT', 'USER', 'USER', '', 'alice', 'away'],
      ['UPDATE', 'USER', 'USER', '', 'alice', 'busy'],
    ]);
    const got = await bob.storage.getUserMetadata({ userId: 'alice' });
    expect(got).toMatchObject({ timestamp: 0, userId: 'alice', totalCount: 1, metadata: { status: { value: 'busy', authorUid: '' } } });
    await bob.storage.unsubscribeUserMetadata('alice');
    await expect(bob.storage.unsubscribeUserMetadata('alice')).rejects.toMatchObject({ code: -12015, name: 'RtmInvalidStatusError' });
    await alice.logout();
    await bob.logout();
  });

  it('channel metadata: compare-and-set on majorRevision, update of a missing key, remove and the writer switch', async () => {
    const { rtm, client, log } = fake2({ switches: { storageEventToWriter: false } });
    const alice = client('alice');
    const bob = client('bob');
    await alice.login();
    await bob.login();
    await alice.subscribe('room', { withMetadata: true });
    await bob.subscribe('room', { withMetadata: true });
    await alice.storage.setChannelMetadata('room', 'MESSAGE', [{ key: 'a', value: '1' }, { key: 'b', value: '2' }]);
    const { majorRevision } = await bob.storage.getChannelMetadata('room', 'MESSAGE');
    await expect(alice.storage.setChannelMetadata('room', 'MESSAGE', [{ key: 'a', value: 'x' }], { majorRevision: majorRevision + 1 })).rejects.toMatchObject({ code: -12014 });
    await expect(alice.storage.updateChannelMetadata('room', 'MESSAGE', [{ key: 'zz', value: 'x' }])).rejects.toMatchObject({ code: -12014 });
    await alice.storage.removeChannelMetadata('room', 'MESSAGE', { data: [{ key: 'a', value: '' }], majorRevision });
    await rtm.flush();
    expect((log(alice, 'storage') as Array<{ eventType: string }>).map((event) => event.eventType)).toEqual(['SNAPSHOT']);
    const updates = log(bob, 'storage') as Array<{ eventType: string; publisher: string; data: { totalCount: number } }>;
    expect(updates.map((event) => [event.eventType, event.publisher, event.data.totalCount])).toEqual([
      ['SNAPSHOT', '', 0],
      ['UPDATE', '', 2],
      ['UPDATE', '', 1],
    ]);
    await alice.logout();
    await bob.logout();
  });

  it('locks: set, acquire, a storage write under the lock, release on logout', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    const bob = client('bob');
    await alice.login();
    await bob.login();
    await bob.subscribe('room', { withLock: true });
    await alice.lock.setLock('room', 'MESSAGE', 'edit', { ttl: 1 });
    await alice.lock.acquireLock('room', 'MESSAGE', 'edit');
    await expect(bob.lock.acquireLock('room', 'MESSAGE', 'edit')).rejects.toMatchObject({ code: -14007 });
    await expect(bob.storage.setChannelMetadata('room', 'MESSAGE', [{ key: 'k', value: 'v' }], { lockName: 'edit' })).rejects.toMatchObject({ code: -12008 });
    await alice.storage.setChannelMetadata('room', 'MESSAGE', [{ key: 'k', value: 'v' }], { lockName: 'edit' });
    await expect(bob.lock.getLock('room', 'MESSAGE')).resolves.toEqual({
      timestamp: 0,
      channelName: 'room',
      channelType: 'MESSAGE',
      totalLocks: 1,
      lockDetails: [{ lockName: 'edit', owner: 'alice', ttl: 10 }],
    });
    await alice.logout();
    await rtm.flush();
    expect((log(bob, 'lock') as Array<{ eventType: string; owner: string }>).map((event) => [event.eventType, event.owner])).toEqual([
      ['SNAPSHOT', ''],
      ['SET', ''],
      ['ACQUIRED', 'alice'],
      ['RELEASED', 'alice'],
    ]);
    await bob.logout();
  });
});
