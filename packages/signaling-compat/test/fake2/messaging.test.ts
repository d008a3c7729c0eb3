import { describe, expect, it } from 'vitest';
import { fake2 } from './env';

describe('FakeRtm2 login, messages, presence, metadata', () => {
  it('logs in with CONNECTING then CONNECTED and resolves {timestamp: 0}', async () => {
    const { client, log } = fake2();
    const alice = client('alice');
    const login = alice.login();
    expect(log(alice, 'linkState')).toMatchObject([{ currentState: 'CONNECTING', previousState: 'IDLE', operation: 'LOGIN', reasonCode: 'LOGIN', reason: 'Perform login operation' }]);
    await expect(login).resolves.toEqual({ timestamp: 0 });
    expect(log(alice, 'linkState')).toMatchObject([{ currentState: 'CONNECTING' }, { currentState: 'CONNECTED', reasonCode: 'LOGIN_SUCCESS' }]);
    await alice.logout();
    expect(log(alice, 'linkState').at(-1)).toMatchObject({ currentState: 'IDLE', operation: 'LOGOUT', reasonCode: 'LOGOUT' });
  });

  it('delivers MESSAGE channel and USER messages with the 2.3.0 payload shape', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    const bob = client('bob');
    await alice.login();
    await bob.login();
    await bob.subscribe('room');
    await alice.publish('room', 'hello', { customType: 'greet' });
    await alice.publish('bob', new Uint8Array([1, 2]), { channelType: 'USER' });
    await rtm.flush();
    expect(log(bob, 'message')).toEqual([
      { channelType: 'MESSAGE', channelName: 'room', topicName: '', messageType: 'STRING', customType: 'greet', message: 'hello', publisher: 'alice', timestamp: rtm.clock.now() },
      { channelType: 'USER', channelName: 'bob', topicName: '', messageType: 'BINARY', customType: '', message: new Uint8Array([1, 2]), publisher: 'alice', timestamp: rtm.clock.now() },
    ]);
    await expect(alice.publish('carol', 'x', { channelType: 'USER' })).rejects.toMatchObject({ name: 'RtmUnavailableError', code: -11033, operation: 'publish' });
  });

  it('sends a presence SNAPSHOT after subscribe and REMOTE_JOIN / REMOTE_LEAVE to others', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    const bob = client('bob');
    await alice.login();
    await bob.login();
    await alice.subscribe('room');
    await rtm.flush();
    expect(log(alice, 'presence')).toMatchObject([{ eventType: 'SNAPSHOT', publisher: '', snapshot: [{ userId: 'alice', states: {}, statesCount: 0 }], interval: null }]);
    await bob.subscribe('room');
    await rtm.flush();
    await bob.unsubscribe('room');
    await rtm.flush();
    expect(log(alice, 'presence').slice(1)).toMatchObject([
      { eventType: 'REMOTE_JOIN', publisher: 'bob' },
      { eventType: 'REMOTE_LEAVE', publisher: 'bob' },
    ]);
  });

  it('keeps channel metadata with revisions and sends SNAPSHOT then UPDATE', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    await alice.login();
    await alice.subscribe('room', { withMetadata: true });
    await alice.storage.setChannelMetadata('room', 'MESSAGE', [{ key: 'topic', value: 'news' }]);
    await rtm.flush();
    const got = await alice.storage.getChannelMetadata('room', 'MESSAGE');
    expect(got).toMatchObject({ timestamp: 0, channelName: 'room', channelType: 'MESSAGE', totalCount: 1, metadata: { topic: { value: 'news', authorUid: '' } } });
    expect(log(alice, 'storage').map((event) => (event as { eventType: string }).eventType)).toEqual(['SNAPSHOT', 'UPDATE']);
    await expect(
      alice.storage.updateChannelMetadata('room', 'MESSAGE', [{ key: 'topic', value: 'x', revision: got.metadata.topic.revision + 100 }]),
    ).rejects.toMatchObject({ code: -12014 });
  });

  it('times out a departed member after its presenceTimeout', async () => {
    const { rtm, clock, client, log } = fake2();
    const alice = client('alice');
    const bob = client('bob', { presenceTimeout: 10 });
    await alice.login();
    await bob.login();
    await alice.subscribe('room');
    await bob.subscribe('room');
    await rtm.flush();
    rtm.disconnect('bob');
    await rtm.advance(9_999);
    expect(log(alice, 'presence').map((event) => (event as { eventType: string }).eventType)).toEqual(['SNAPSHOT', 'REMOTE_JOIN']);
    await rtm.advance(1);
    expect(log(alice, 'presence').at(-1)).toMatchObject({ eventType: 'REMOTE_TIMEOUT', publisher: 'bob' });
    await bob.logout();
    await alice.logout();
    expect(clock.pendingTimers()).toBe(0);
  });
});
