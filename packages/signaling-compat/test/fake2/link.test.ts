import { describe, expect, it } from 'vitest';
import { APP_ID, fake2 } from './env';

describe('FakeRtm2 messages, switches and sessions', () => {
  it('delivers channel messages only to withMessage subscribers, with the echo switch', async () => {
    const { rtm, client, log } = fake2({ switches: { echoOwnChannelMessages: false } });
    const alice = client('alice');
    const bob = client('bob');
    const deaf = client('deaf');
    for (const each of [alice, bob, deaf]) await each.login();
    await alice.subscribe('room');
    await bob.subscribe('room');
    await deaf.subscribe('room', { withMessage: false });
    await alice.publish('room', 'hi');
    await rtm.flush();
    expect(log(bob, 'message')).toHaveLength(1);
    expect(log(alice, 'message')).toEqual([]);
    expect(log(deaf, 'message')).toEqual([]);
    await alice.publish('alice', 'self', { channelType: 'USER' });
    await rtm.flush();
    expect(log(alice, 'message')).toMatchObject([{ channelType: 'USER', channelName: 'alice', publisher: 'alice' }]);
    for (const each of [alice, bob, deaf]) await each.logout();
  });

  it('a publish whose answer is lost times out after 10 s (MESSAGE) and 13 s (USER)', async () => {
    const { rtm, client } = fake2({ latencyMs: 50 });
    const alice = client('alice');
    const login = alice.login();
    await rtm.advance(100);
    await login;
    const channel = alice.publish('room', 'x').catch((error: unknown) => error);
    const peer = alice.publish('bob', 'x', { channelType: 'USER' }).catch((error: unknown) => error);
    rtm.disconnect('alice');
    await rtm.advance(10_000);
    await expect(channel).resolves.toMatchObject({ name: 'RtmTimeoutError', code: -11026 });
    await rtm.advance(3_000);
    await expect(peer).resolves.toMatchObject({ name: 'RtmTimeoutError', code: -11026 });
    await alice.logout();
  });

  it('a second login of a user ID from another page kicks the older session', async () => {
    const { rtm, client, log } = fake2();
    rtm.setParameter('IGNORE_DUPLICATE_USER_ID_ERR', true);
    const first = client('alice');
    const second = new rtm.RTM(APP_ID, 'alice');
    await first.login();
    await first.subscribe('room');
    await second.login();
    await rtm.flush();
    expect(log(first, 'linkState').at(-1)).toMatchObject({ currentState: 'FAILED', operation: 'SERVER_REJECT', reasonCode: 'SAME_UID_LOGIN', affectedChannels: ['room'] });
    await expect(first.publish('room', 'x')).rejects.toMatchObject({ code: -10025 });
    await first.logout();
    await second.logout();
  });

  it('keeps listeners across logout and logs in again on the same instance', async () => {
    const { client, log } = fake2();
    const alice = client('alice');
    await alice.login();
    await alice.logout();
    await alice.login();
    expect(log(alice, 'linkState').map((event) => (event as { currentState: string }).currentState)).toEqual(['CONNECTING', 'CONNECTED', 'IDLE', 'CONNECTING', 'CONNECTED']);
    await alice.logout();
  });
});
