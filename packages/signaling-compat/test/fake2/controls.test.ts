import { describe, expect, it } from 'vitest';
import { fake2 } from './env';

const states = (events: unknown[]) => events.map((event) => `${(event as { currentState: string }).currentState}/${(event as { reasonCode: string }).reasonCode}`);

describe('FakeRtm2 test controls and timers', () => {
  it('retries an unreachable login with 5 s attempts and 2, 4, 8… s waits, then SUSPENDED, until reconnect', async () => {
    const { rtm, clock, client, log } = fake2();
    rtm.disconnect('alice');
    const alice = client('alice');
    let settled = false;
    const login = alice.login().then(() => (settled = true));
    await rtm.advance(5_000);
    await rtm.advance(2_000);
    expect(states(log(alice, 'linkState'))).toEqual(['CONNECTING/LOGIN', 'DISCONNECTED/LOGIN_TIMEOUT', 'CONNECTING/AUTO_RECONNECT']);
    await rtm.advance(125_000);
    expect(states(log(alice, 'linkState'))).toContain('SUSPENDED/RECONNECT_TIMEOUT');
    expect(settled).toBe(false);
    rtm.reconnect('alice');
    await rtm.flush();
    await login;
    expect(states(log(alice, 'linkState')).at(-1)).toBe('CONNECTED/LOGIN_SUCCESS');
    await alice.logout();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('reconnects a dropped client with RECONNECT_SUCCESS and isResumed, keeping its channels', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    await alice.login();
    await alice.subscribe('room');
    rtm.disconnect('alice');
    await rtm.flush();
    await expect(alice.publish('room', 'x')).rejects.toMatchObject({ code: -10025, name: 'RtmInvalidStatusError' });
    await rtm.advance(2_000);
    rtm.reconnect('alice');
    await rtm.flush();
    const link = log(alice, 'linkState') as Array<{ currentState: string; reasonCode: string; isResumed: boolean; affectedChannels: string[] }>;
    expect(link.slice(2).map((event) => [event.currentState, event.reasonCode, event.isResumed, event.affectedChannels])).toEqual([
      ['DISCONNECTED', 'KEEP_ALIVE_TIMEOUT', false, ['room']],
      ['CONNECTING', 'AUTO_RECONNECT', false, []],
      ['CONNECTED', 'RECONNECT_SUCCESS', true, ['room']],
    ]);
    await alice.logout();
  });

  it('kick, token expiry notices and a second login of the same user', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    await alice.login();
    rtm.expireToken('alice', 'warn');
    await rtm.flush();
    expect(log(alice, 'tokenPrivilegeWillExpire')).toEqual(['']);
    expect(log(alice, 'token')).toMatchObject([{ eventType: 'WILL_EXPIRE', reason: 'The token is about to expire' }]);
    rtm.kick('alice');
    await rtm.flush();
    expect(log(alice, 'linkState').at(-1)).toMatchObject({ currentState: 'FAILED', operation: 'SERVER_REJECT', reasonCode: 'KICKED_OUT_BY_SERVER' });
    await alice.login();
    const other = new rtm.RTM('fedcba9876543210fedcba9876543210', 'alice');
    expect(other).toBeDefined();
    expect(() => new rtm.RTM('0123456789abcdef0123456789abcdef', 'alice')).toThrow(expect.objectContaining({ code: -10027 }));
    await alice.logout();
  });

  it('failNext fails the next call at the service with the 2.3.0 code, and stats counts calls', async () => {
    const { rtm, client, log } = fake2();
    const alice = client('alice');
    rtm.failNext('login', -10005);
    await expect(alice.login()).rejects.toMatchObject({ name: 'RtmUnauthenticatedError', code: -10005, operation: 'login' });
    expect(log(alice, 'linkState').at(-1)).toMatchObject({ currentState: 'FAILED', reasonCode: 'INVALID_TOKEN' });
    await alice.login();
    rtm.failNext('presence.getOnlineUsers', -13012);
    await expect(alice.presence.getOnlineUsers('room', 'MESSAGE')).rejects.toMatchObject({ name: 'RtmTimeoutError', code: -13012, operation: 'getOnlineUsers' });
    expect(rtm.stats()).toEqual({ login: 2, 'presence.getOnlineUsers': 1 });
    expect(() => rtm.failNext('publish', 123)).toThrow();
    await alice.logout();
  });

  it('counts every publish against the 60 per second budget, failed ones too', async () => {
    const { rtm, client } = fake2();
    const alice = client('alice');
    await alice.login();
    const results = await Promise.allSettled(Array.from({ length: 61 }, (_, i) => alice.publish(i % 2 ? 'room' : 'a.b', 'x')));
    expect(results.at(-1)).toMatchObject({ status: 'rejected', reason: { code: -10021, name: 'RtmUnavailableError' } });
    await rtm.advance(1_000);
    await expect(alice.publish('room', 'x')).resolves.toEqual({ timestamp: 0, channelName: 'room' });
    await alice.logout();
  });

  it('switches to INTERVAL events at the Console occupancy', async () => {
    const { rtm, clock, client, log } = fake2({ console: { presenceOccupancy: 3, presenceIntervalS: 5 } });
    const watcher = client('watcher');
    await watcher.login();
    await watcher.subscribe('room');
    const others = ['u1', 'u2', 'u3'].map((id) => client(id));
    for (const other of others) {
      await other.login();
      await other.subscribe('room');
    }
    await rtm.flush();
    expect(log(watcher, 'presence').map((event) => (event as { eventType: string }).eventType)).toEqual(['SNAPSHOT', 'REMOTE_JOIN']);
    await rtm.advance(5_000);
    expect(log(watcher, 'presence').at(-1)).toMatchObject({
      eventType: 'INTERVAL',
      interval: { join: { users: ['u2', 'u3'], userCount: 2 }, leave: { users: [], userCount: 0 }, totalOccupancy: 4 },
    });
    for (const other of others) await other.logout();
    await watcher.logout();
    expect(clock.pendingTimers()).toBe(0);
  });
});
