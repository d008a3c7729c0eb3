import { describe, expect, it } from 'vitest';
import { FakeRtm, ManualClock } from '../../src/fake';
import { nameAndCode, rejection, Transcript } from '../contract/testKit';
import { APP_ID, OTHER_APP_ID, setup } from './env';

describe('FakeRtm options', () => {
  it('latencyMs: every hop takes that long on the clock', async () => {
    const { rtm, clock } = setup({ latencyMs: 100 });
    const t = new Transcript(() => clock.now());
    const alice = rtm.createInstance(APP_ID);
    alice.on('ConnectionStateChanged', t.timed('state'));
    const loggingIn = alice.login({ uid: 'alice' });
    await rtm.advance(200);
    await loggingIn;
    const bob = rtm.createInstance(APP_ID);
    const bobLogin = bob.login({ uid: 'bob' });
    await rtm.advance(200);
    await bobLogin;
    bob.on('MessageFromPeer', t.timed('bob: MessageFromPeer'));
    const sent = alice.sendMessageToPeer({ text: 'hi' }, 'bob').then(t.timed('alice: sent'));
    await rtm.advance(199);
    t.mark('199 ms');
    await rtm.advance(1);
    await sent;
    expect(t.entries).toEqual([
      ['state', 'CONNECTING', 'LOGIN', '@0'],
      ['state', 'CONNECTED', 'LOGIN_SUCCESS', '@200'],
      ['199 ms'],
      ['bob: MessageFromPeer', { text: 'hi', messageType: 'TEXT' }, 'alice', { serverReceivedTs: clock.now() - 100 }, '@600'],
      ['alice: sent', { hasPeerReceived: true }, '@600'],
    ]);
  });

  it('rejects a negative or non-finite latency', () => {
    expect(() => new FakeRtm({ latencyMs: -1 })).toThrow(RangeError);
    expect(() => new FakeRtm({ latencyMs: Number.NaN })).toThrow(RangeError);
  });

  it('validateToken: login fails 5 (invalid) / 6 (expired) with LOGIN_FAILURE; renewToken 6 / 5', async () => {
    const seen: unknown[] = [];
    const { rtm } = setup({
      validateToken: (token, uid, appId) => {
        seen.push([token, uid, appId]);
        return token === 'bad' ? 'invalid' : token === 'old' ? 'expired' : 'valid';
      },
    });
    const client = rtm.createInstance(APP_ID);
    const t = new Transcript();
    client.on('ConnectionStateChanged', t.on('state'));
    expect(nameAndCode(await rejection(client.login({ uid: 'alice', token: 'bad' })))).toEqual([
      'RtmUnauthenticatedError',
      5,
    ]);
    await rtm.advance(500);
    expect(nameAndCode(await rejection(client.login({ uid: 'alice', token: 'old' })))).toEqual([
      'RtmUnauthenticatedError',
      6,
    ]);
    await rtm.advance(500);
    await client.login({ uid: 'alice', token: APP_ID });
    expect(nameAndCode(await rejection(client.renewToken('bad')))).toEqual(['RtmUnauthenticatedError', 6]);
    expect(nameAndCode(await rejection(client.renewToken('old')))).toEqual(['RtmUnauthenticatedError', 5]);
    await client.renewToken('good');
    expect(t.entries).toEqual([
      ['state', 'CONNECTING', 'LOGIN'],
      ['state', 'DISCONNECTED', 'LOGIN_FAILURE'],
      ['state', 'CONNECTING', 'LOGIN'],
      ['state', 'DISCONNECTED', 'LOGIN_FAILURE'],
      ['state', 'CONNECTING', 'LOGIN'],
      ['state', 'CONNECTED', 'LOGIN_SUCCESS'],
    ]);
    // A token equal to the App ID counts as no token (docs/reference/rtm1-web-sdk.md §2.3).
    expect(seen).toEqual([
      ['bad', 'alice', APP_ID],
      ['old', 'alice', APP_ID],
      [undefined, 'alice', APP_ID],
      ['bad', 'alice', APP_ID],
      ['old', 'alice', APP_ID],
      ['good', 'alice', APP_ID],
    ]);
  });

  it('limits.channelAttributeOps: off by default; when on, an excess op is RtmUnavailableError 2, counted per client across its channels', async () => {
    const unlimited = setup();
    const free = await unlimited.login('alice');
    for (let i = 0; i < 20; i++) await free.addOrUpdateChannelAttributes('room', { k: `${i}` });

    const { rtm, login } = setup({ limits: { channelAttributeOps: { max: 2, perMs: 5_000 } } });
    const alice = await login('alice');
    await alice.setChannelAttributes('room', { k: '1' });
    await alice.addOrUpdateChannelAttributes('room', { k: '2' });
    expect(nameAndCode(await rejection(alice.clearChannelAttributes('room')))).toEqual(['RtmUnavailableError', 2]);
    expect(nameAndCode(await rejection(alice.setChannelAttributes('other', { k: '1' })))).toEqual(['RtmUnavailableError', 2]);
    // Another client's writes to the same channel have their own budget.
    const bob = await login('bob');
    await bob.setChannelAttributes('room', { k: 'b' });
    await rtm.advance(5_000);
    await alice.clearChannelAttributes('room');
  });

  it('invitation timers can be shortened', async () => {
    const { rtm, login } = setup({ invitation: { retryMs: 500, offlineWindowMs: 2_000 } });
    const alice = await login('alice');
    const t = new Transcript();
    const call = alice.createLocalInvitation('bob');
    call.on('LocalInvitationFailure', t.on('failure'));
    call.send();
    await rtm.advance(1_999);
    expect(t.entries).toEqual([]);
    await rtm.advance(1);
    expect(t.entries).toEqual([['failure', 'PEER_OFFLINE']]);
  });

  it('exposes the namespace statics and enum objects of agora-rtm-sdk 1.6.0', () => {
    const rtm = new FakeRtm();
    expect(rtm.clock.now()).toBeGreaterThan(0);
    expect([rtm.VERSION, rtm.BUILD, rtm.END_CALL_PREFIX]).toEqual([
      '1.6.0',
      'v1.5.1-20-gbcf9f2a0',
      'AgoraRTMLegacyEndcallCompatibleMessagePrefix',
    ]);
    expect(rtm.ConnectionState).toEqual({
      DISCONNECTED: 'DISCONNECTED',
      CONNECTING: 'CONNECTING',
      CONNECTED: 'CONNECTED',
      RECONNECTING: 'RECONNECTING',
      ABORTED: 'ABORTED',
    });
    expect(Object.keys(rtm.ConnectionChangeReason)).toHaveLength(9);
    expect(rtm.RemoteInvitationFailureReason.ACCEPT_FAILURE).toBe('ACCEPT_FAILURE');
    expect(rtm.PeerSubscriptionOption).toEqual({ ONLINE_STATUS: 'ONLINE_STATUS' });
    expect(Object.isFrozen(rtm.MessageType)).toBe(true);
  });
});

describe('isolation', () => {
  it('clients of different App IDs never see each other', async () => {
    const { login } = setup();
    const alice = await login('alice');
    const bob = await login('bob', OTHER_APP_ID);
    expect(await alice.sendMessageToPeer({ text: 'hi' }, 'bob')).toEqual({ hasPeerReceived: false });
    expect(await bob.queryPeersOnlineStatus(['alice'])).toEqual({ alice: false });
    await login('alice', OTHER_APP_ID);
    expect(alice.connectionState).toBe('CONNECTED');
  });

  it('two FakeRtm instances share nothing', async () => {
    const one = new FakeRtm({ clock: new ManualClock() });
    const two = new FakeRtm({ clock: new ManualClock() });
    const alice = one.createInstance(APP_ID);
    await alice.login({ uid: 'alice' });
    const bob = two.createInstance(APP_ID);
    await bob.login({ uid: 'bob' });
    expect(await bob.queryPeersOnlineStatus(['alice'])).toEqual({ alice: false });
    one.failNext('logout', 1);
    await bob.logout();
    expect(two.stats()).toEqual({ login: 1, queryPeersOnlineStatus: 1, logout: 1 });
  });
});

describe('client details', () => {
  it('queryPeersBySubscriptionOption lists the cached subscriptions', async () => {
    const { login } = setup();
    const alice = await login('alice');
    await alice.subscribePeersOnlineStatus(['bob', 'carol']);
    expect(await alice.queryPeersBySubscriptionOption('ONLINE_STATUS')).toEqual(['bob', 'carol']);
    expect(nameAndCode(await rejection(alice.queryPeersBySubscriptionOption('X' as never)))).toEqual([
      'RtmInvalidArgumentError',
      2,
    ]);
  });

  it('the local user-attribute copy is cleared on logout', async () => {
    const { rtm, login } = setup();
    const alice = await login('alice');
    const keys = (prefix: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));
    const limitExceeded = ['RtmLimitExceededError', 4];
    await alice.setLocalUserAttributes(keys('k', 30));
    // addOrUpdate checks the local copy merged with the new keys against RTM's 32-key limit.
    expect(nameAndCode(await rejection(alice.addOrUpdateLocalUserAttributes(keys('n', 3))))).toEqual(limitExceeded);
    await alice.logout();
    await rtm.advance(500);
    await alice.login({ uid: 'alice' });
    // The 30 keys are gone from the copy: 32 new ones fit, one more does not.
    await alice.addOrUpdateLocalUserAttributes(keys('n', 32));
    expect(nameAndCode(await rejection(alice.addOrUpdateLocalUserAttributes({ k0: 'v' })))).toEqual(limitExceeded);
    expect(await alice.getUserAttributes('alice')).toEqual(keys('n', 32));
  });

  it('a second join() while the first is pending resets joinState to LEFT until the first completes', async () => {
    const { login } = setup();
    const room = (await login('alice')).createChannel('room');
    const first = room.join();
    expect(room.joinState).toBe('JOINING');
    const second = room.join();
    expect(room.joinState).toBe('LEFT');
    expect(nameAndCode(await rejection(second))).toEqual(['RtmInvalidStatusError', 6]);
    await first;
    expect(room.joinState).toBe('JOINED');
  });

  it('createMessage returns its argument', () => {
    const { rtm } = setup();
    const message = { text: 'hi' };
    expect(rtm.createInstance(APP_ID).createMessage(message)).toBe(message);
  });
});
