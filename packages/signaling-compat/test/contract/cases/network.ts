import { describe, expect, it } from 'vitest';
import type { ContractCapabilities, EnvRef } from '../env';
import { loggedIn, nameAndCode, rejection, Transcript } from '../testKit';

/**
 * docs/reference/rtm1-web-sdk.md §4.1/§4.4 RECONNECTING, docs/reference/rtm1-web-sdk.md §4.2 tokens, docs/reference/rtm1-web-sdk.md §4.3 kicks, docs/reference/rtm1-web-sdk.md §2.3 request timeouts: server-side events
 * only a fake can stage, on a clock a test can move.
 */
export function networkCases(env: EnvRef, caps: ContractCapabilities): void {
  describe.runIf(caps.controls && caps.controllableClock)('connection loss, kicks, tokens, timeouts', () => {
    it('a cut connection: RECONNECTING, sends wait, other calls 102, back to CONNECTED with channels kept', async () => {
      const [aliceId, bobId, roomId] = [env().id('alice'), env().id('bob'), env().id('room')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const t = new Transcript(env().now);
      alice.on('ConnectionStateChanged', t.timed('alice state'));
      const aliceRoom = alice.createChannel(roomId);
      await aliceRoom.join();
      const bobRoom = bob.createChannel(roomId);
      bobRoom
        .on('MemberJoined', t.timed('bob: MemberJoined'))
        .on('MemberLeft', t.timed('bob: MemberLeft'))
        .on('ChannelMessage', t.timed('bob: ChannelMessage'));
      await bobRoom.join();
      bob.on('MessageFromPeer', t.timed('bob: MessageFromPeer'));

      env().controls.disconnect(aliceId);
      await env().flush();
      expect(await bob.sendMessageToPeer({ text: 'lost' }, aliceId)).toEqual({ hasPeerReceived: false });
      expect(nameAndCode(await rejection(aliceRoom.getMembers()))).toEqual(['RtmInvalidStatusError', 102]);
      expect(nameAndCode(await rejection(alice.queryPeersOnlineStatus([bobId])))).toEqual(['RtmInvalidStatusError', 102]);
      const waiting = alice.sendMessageToPeer({ text: 'queued' }, bobId).then((result) => t.mark('sent', result));
      await env().advance(5_000);
      env().controls.reconnect(aliceId);
      await env().flush();
      await waiting;
      await aliceRoom.sendMessage({ text: 'still here' });
      await env().flush();
      expect(t.entries).toEqual([
        ['alice state', 'RECONNECTING', 'INTERRUPTED', '@0'],
        ['alice state', 'CONNECTED', 'LOGIN_SUCCESS', '@5000'],
        ['bob: MessageFromPeer', { text: 'queued', messageType: 'TEXT' }, aliceId, { serverReceivedTs: env().now() }, '@5000'],
        ['sent', { hasPeerReceived: true }],
        ['bob: ChannelMessage', { text: 'still here', messageType: 'TEXT' }, aliceId, { serverReceivedTs: env().now() }, '@5000'],
      ]);
    });

    it('sends waiting on a connection that does not come back fail after 9 s with RtmTimeoutError 2', async () => {
      const aliceId = env().id('alice');
      const alice = await loggedIn(env(), aliceId);
      const room = alice.createChannel(env().id('room'));
      await room.join();
      env().controls.disconnect(aliceId);
      await env().flush();
      const t = new Transcript(env().now);
      const peer = rejection(alice.sendMessageToPeer({ text: 'x' }, env().id('bob'))).then((e) => t.timed('peer')(...nameAndCode(e)));
      const channel = rejection(room.sendMessage({ text: 'x' })).then((e) => t.timed('channel')(...nameAndCode(e)));
      await env().advance(8_999);
      expect(t.entries).toEqual([]);
      await env().advance(1);
      await Promise.all([peer, channel]);
      expect(t.entries).toEqual([
        ['peer', 'RtmTimeoutError', 2, '@9000'],
        ['channel', 'RtmTimeoutError', 2, '@9000'],
      ]);
    });

    it('others see MemberLeft after 30 s offline, and MemberJoined when it comes back', async () => {
      const [aliceId, roomId] = [env().id('alice'), env().id('room')];
      const alice = await loggedIn(env(), aliceId);
      await alice.createChannel(roomId).join();
      const bob = await loggedIn(env(), env().id('bob'));
      await bob.subscribePeersOnlineStatus([aliceId]);
      const bobRoom = bob.createChannel(roomId);
      await bobRoom.join();
      await env().flush();
      const t = new Transcript(env().now);
      bobRoom.on('MemberLeft', t.timed('MemberLeft')).on('MemberJoined', t.timed('MemberJoined'));
      bob.on('PeersOnlineStatusChanged', t.timed('status'));
      env().controls.disconnect(aliceId);
      await env().advance(29_999);
      t.mark('29999');
      await env().advance(1);
      env().controls.reconnect(aliceId);
      await env().flush();
      expect(t.entries).toEqual([
        ['status', { [aliceId]: 'UNREACHABLE' }, '@0'],
        ['29999'],
        ['MemberLeft', aliceId, '@30000'],
        ['status', { [aliceId]: 'OFFLINE' }, '@30000'],
        ['MemberJoined', aliceId, '@30000'],
        ['status', { [aliceId]: 'ONLINE' }, '@30000'],
      ]);
    });

    it('after a reconnect the client reports a fresh status map of its subscriptions', async () => {
      const [aliceId, bobId, carolId] = [env().id('alice'), env().id('bob'), env().id('carol')];
      const alice = await loggedIn(env(), aliceId);
      await loggedIn(env(), bobId);
      await alice.subscribePeersOnlineStatus([bobId, carolId]);
      await env().flush();
      const t = new Transcript();
      alice.on('PeersOnlineStatusChanged', t.on('status'));
      env().controls.disconnect(aliceId);
      await env().flush();
      await loggedIn(env(), carolId);
      env().controls.reconnect(aliceId);
      await env().flush();
      expect(t.entries).toEqual([['status', { [bobId]: 'ONLINE', [carolId]: 'ONLINE' }]]);
    });

    it('a request lost with the connection ends in its timeout error', async () => {
      const aliceId = env().id('alice');
      const alice = await loggedIn(env(), aliceId);
      const t = new Transcript(env().now);
      const calls: Array<[string, Promise<unknown>]> = [
        ['join', alice.createChannel(env().id('room')).join()],
        ['peer', alice.sendMessageToPeer({ text: 'x' }, env().id('bob'))],
        ['attributes', alice.getChannelAttributes(env().id('room'))],
        ['query', alice.queryPeersOnlineStatus([env().id('bob')])],
      ];
      const settled = calls.map(([label, call]) => rejection(call).then((e) => t.timed(label)(...nameAndCode(e))));
      env().controls.disconnect(aliceId);
      await env().advance(10_000);
      await Promise.all(settled);
      expect(t.entries.sort()).toEqual([
        ['attributes', 'RtmTimeoutError', 7, '@10000'],
        ['join', 'RtmTimeoutError', 4, '@10000'],
        ['peer', 'RtmTimeoutError', 2, '@10000'],
        ['query', 'RtmTimeoutError', 4, '@10000'],
      ]);
    });

    it('login without a connection times out after 12 s: DISCONNECTED/LOGIN_TIMEOUT, RtmTimeoutError 9', async () => {
      const aliceId = env().id('alice');
      env().controls.disconnect(aliceId);
      const alice = env().createClient();
      const t = new Transcript(env().now);
      alice.on('ConnectionStateChanged', t.timed('state'));
      const login = rejection(alice.login({ uid: aliceId }));
      const logout = rejection(alice.logout());
      await env().advance(12_000);
      expect(await login).toEqual({
        name: 'RtmTimeoutError',
        code: 9,
        message: ' Error Code 9 - Executing "RtmClient.login" timed out after 12s.',
      });
      expect(await logout).toEqual(await login);
      expect(t.entries).toEqual([
        ['state', 'CONNECTING', 'LOGIN', '@0'],
        ['state', 'DISCONNECTED', 'LOGIN_TIMEOUT', '@12000'],
      ]);
    });

    it('a login that waited for the connection completes when it comes back', async () => {
      const aliceId = env().id('alice');
      env().controls.disconnect(aliceId);
      const alice = env().createClient();
      const t = new Transcript(env().now);
      alice.on('ConnectionStateChanged', t.timed('state'));
      const login = alice.login({ uid: aliceId });
      await env().advance(3_000);
      env().controls.reconnect(aliceId);
      await login;
      expect(t.entries).toEqual([
        ['state', 'CONNECTING', 'LOGIN', '@0'],
        ['state', 'CONNECTED', 'LOGIN_SUCCESS', '@3000'],
      ]);
    });

    it('kick: ABORTED with the reason; the others see MemberLeft', async () => {
      const [aliceId, roomId] = [env().id('alice'), env().id('room')];
      const alice = await loggedIn(env(), aliceId);
      await alice.createChannel(roomId).join();
      const bobRoom = (await loggedIn(env(), env().id('bob'))).createChannel(roomId);
      await bobRoom.join();
      const t = new Transcript();
      alice.on('ConnectionStateChanged', t.on('alice state'));
      bobRoom.on('MemberLeft', t.on('bob: MemberLeft'));
      env().controls.kick(aliceId, 'BANNED_BY_SERVER');
      await env().flush();
      expect(t.entries).toEqual([
        ['bob: MemberLeft', aliceId],
        ['alice state', 'ABORTED', 'BANNED_BY_SERVER'],
      ]);
    });

    it('tokens: a warning once per token value; expiry aborts, then TokenExpired; renewToken then never settles', async () => {
      const aliceId = env().id('alice');
      const alice = await loggedIn(env(), aliceId);
      const t = new Transcript();
      alice.on('TokenPrivilegeWillExpire', t.on('TokenPrivilegeWillExpire'));
      alice.on('TokenExpired', t.on('TokenExpired'));
      alice.on('ConnectionStateChanged', t.on('state'));
      env().controls.expireToken(aliceId, 'warn');
      env().controls.expireToken(aliceId, 'warn');
      await env().flush();
      await alice.renewToken('fresh');
      env().controls.expireToken(aliceId, 'warn');
      await env().flush();
      env().controls.expireToken(aliceId, 'expire');
      await env().flush();
      let renewed = false;
      void alice.renewToken('late').then(() => (renewed = true), () => (renewed = true));
      await env().advance(60_000);
      expect(renewed).toBe(false);
      await alice.logout();
      expect(t.entries).toEqual([
        ['TokenPrivilegeWillExpire'],
        ['TokenPrivilegeWillExpire'],
        ['state', 'ABORTED', 'TOKEN_EXPIRED'],
        ['TokenExpired'],
        ['state', 'DISCONNECTED', 'LOGOUT'],
      ]);
    });

    it('renewToken: ArgErr 2 for an empty token, 102 when logged out', async () => {
      const alice = env().createClient();
      expect(nameAndCode(await rejection(alice.renewToken('')))).toEqual(['RtmInvalidArgumentError', 2]);
      expect(nameAndCode(await rejection(alice.renewToken(5 as never)))).toEqual(['RtmInvalidArgumentError', 2]);
      expect(nameAndCode(await rejection(alice.renewToken('t')))).toEqual(['RtmInvalidStatusError', 102]);
    });

    it('a token expiring while RECONNECTING: TokenExpired only; the reconnection waits for renewToken', async () => {
      const aliceId = env().id('alice');
      const alice = await loggedIn(env(), aliceId);
      const t = new Transcript();
      alice.on('ConnectionStateChanged', t.on('state'));
      alice.on('TokenExpired', t.on('TokenExpired'));
      env().controls.disconnect(aliceId);
      await env().flush();
      env().controls.expireToken(aliceId, 'expire');
      env().controls.reconnect(aliceId);
      await env().flush();
      t.mark('reconnected');
      await alice.renewToken('fresh');
      await env().flush();
      expect(t.entries).toEqual([
        ['state', 'RECONNECTING', 'INTERRUPTED'],
        ['TokenExpired'],
        ['reconnected'],
        ['state', 'CONNECTED', 'LOGIN_SUCCESS'],
      ]);
    });

    it('an accept the caller cannot take is resent every second until it can', async () => {
      const [aliceId, bobId] = [env().id('alice'), env().id('bob')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const t = new Transcript(env().now);
      const call = alice.createLocalInvitation(bobId);
      call.on('LocalInvitationAccepted', t.timed('alice: Accepted'));
      const received: Array<{ accept(): void; on(event: 'RemoteInvitationAccepted', listener: () => void): unknown }> = [];
      bob.on('RemoteInvitationReceived', (invitation) => received.push(invitation));
      call.send();
      await env().flush();
      received[0].on('RemoteInvitationAccepted', t.timed('bob: Accepted'));
      env().controls.disconnect(aliceId);
      received[0].accept();
      await env().advance(2_500);
      env().controls.reconnect(aliceId);
      await env().advance(2_000);
      expect(t.entries).toEqual([
        ['alice: Accepted', '', '@3000'],
        ['bob: Accepted', '@3000'],
      ]);
    });
  });
}
