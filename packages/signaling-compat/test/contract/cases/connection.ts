import { describe, expect, it } from 'vitest';
import type { ContractCapabilities, EnvRef } from '../env';
import { expectDifference } from '../expectations';
import { loggedIn, nameAndCode, rejection, thrown, Transcript } from '../testKit';

/** docs/reference/rtm1-web-sdk.md §1.1 createInstance, docs/reference/rtm1-web-sdk.md §2.3 login/logout, docs/reference/rtm1-web-sdk.md §4.1 state machine, docs/reference/rtm1-web-sdk.md §4.3 REMOTE_LOGIN. */
export function connectionCases(env: EnvRef, caps: ContractCapabilities): void {
  describe('createInstance', () => {
    it('throws RtmInvalidArgumentError 1 for an App ID that is not 32 letters/digits', () => {
      const { rtm } = env();
      for (const appId of ['', 'short', 'x'.repeat(31), 'x'.repeat(33), `${'x'.repeat(31)}-`]) {
        expect(nameAndCode(thrown(() => rtm.createInstance(appId)))).toEqual(['RtmInvalidArgumentError', 1]);
      }
    });

    it('accepts only the documented config keys', () => {
      const { rtm, appId } = env();
      expect(() => rtm.createInstance(appId, { enableLogUpload: false, enableCloudProxy: false })).not.toThrow();
      const error = thrown(() => rtm.createInstance(appId, { foo: 1 } as never));
      expect(error).toEqual({
        name: 'RtmInvalidArgumentError',
        code: 1,
        message: ' Error Code 1 - Invalid RTM config: foo.',
      });
    });

    it('exposes VERSION and END_CALL_PREFIX', () => {
      const { rtm } = env();
      expect(rtm.VERSION).toBe('1.6.0');
      expect(rtm.END_CALL_PREFIX).toBe('AgoraRTMLegacyEndcallCompatibleMessagePrefix');
    });
  });

  describe('login and logout', () => {
    it('emits CONNECTING/LOGIN inside login(), CONNECTED/LOGIN_SUCCESS before it resolves, DISCONNECTED/LOGOUT on logout', async () => {
      const client = env().createClient();
      const t = new Transcript();
      client.on('ConnectionStateChanged', t.on('state'));
      const login = client.login({ uid: env().id('alice') });
      t.mark('login returned');
      await login;
      t.mark('login resolved');
      await client.logout();
      t.mark('logout resolved');
      expectDifference(env().backend, 'connectingInsideLogin', t.entries, (insideLogin) => [
        ...(insideLogin ? [['state', 'CONNECTING', 'LOGIN'], ['login returned']] : [['login returned'], ['state', 'CONNECTING', 'LOGIN']]),
        ['state', 'CONNECTED', 'LOGIN_SUCCESS'],
        ['login resolved'],
        ['state', 'DISCONNECTED', 'LOGOUT'],
        ['logout resolved'],
      ]);
    });

    it('rejects invalid user IDs with RtmInvalidArgumentError 3 and no state change', async () => {
      const bad: unknown[] = ['', 'null', 'a/b', "a'b", 'é', '中文', 'x'.repeat(65), 42, null, undefined];
      for (const uid of bad) {
        const client = env().createClient();
        const t = new Transcript();
        client.on('ConnectionStateChanged', t.on('state'));
        expect(nameAndCode(await rejection(client.login({ uid } as never))), String(uid)).toEqual([
          'RtmInvalidArgumentError',
          3,
        ]);
        expect(t.entries).toEqual([]);
      }
      const notAnObject = env().createClient();
      expect(nameAndCode(await rejection(notAnObject.login('alice' as never)))).toEqual(['RtmInvalidArgumentError', 3]);
      const badToken = env().createClient();
      const tokenError = await rejection(badToken.login({ uid: env().id('alice'), token: 42 } as never));
      expect(nameAndCode(tokenError)).toEqual(['RtmInvalidArgumentError', 3]);
    });

    it('accepts every ID form of the 1.x rule: spaces, punctuation, 64 characters, "NULL"', async () => {
      const base = env().id('u');
      const good = [`${base} b`, `${base}\t{}`, `${base}!#$%&()+,.:;<=>?@[]^{|}~-`, 'NULL', base.padEnd(64, 'x')];
      for (const uid of good) {
        const client = env().createClient();
        await client.login({ uid });
        await client.logout();
      }
    });

    it('rejects a second login within 500 ms with RtmInvokeTooOftenError 10', async () => {
      const client = env().createClient();
      const first = client.login({ uid: env().id('alice') });
      expect(nameAndCode(await rejection(client.login({ uid: env().id('alice') })))).toEqual([
        'RtmInvokeTooOftenError',
        10,
      ]);
      await first;
    });

    it.runIf(caps.controllableClock)('rejects login outside DISCONNECTED with RtmInvalidStatusError 8', async () => {
      const client = await loggedIn(env(), env().id('alice'));
      await env().advance(500);
      expect(nameAndCode(await rejection(client.login({ uid: env().id('alice') })))).toEqual([
        'RtmInvalidStatusError',
        8,
      ]);
    });

    it.runIf(caps.controllableClock)('allows the next login attempt exactly 500 ms after the last', async () => {
      const client = await loggedIn(env(), env().id('alice'));
      await client.logout();
      await env().advance(499);
      expect(nameAndCode(await rejection(client.login({ uid: env().id('alice') })))).toEqual([
        'RtmInvokeTooOftenError',
        10,
      ]);
      await env().advance(1);
      await client.login({ uid: env().id('alice') });
    });

    it('rejects logout while DISCONNECTED with RtmInvalidStatusError 102', async () => {
      const client = env().createClient();
      expect(await rejection(client.logout())).toEqual({
        name: 'RtmInvalidStatusError',
        code: 102,
        message: ' Error Code 102 - Logout failure. The client has already been logged out.',
      });
    });

    it('logout waits for an in-flight login', async () => {
      const client = env().createClient();
      const t = new Transcript();
      client.on('ConnectionStateChanged', t.on('state'));
      const login = client.login({ uid: env().id('alice') }).then(() => t.mark('login resolved'));
      const logout = client.logout().then(() => t.mark('logout resolved'));
      await Promise.all([login, logout]);
      expect(t.entries).toEqual([
        ['state', 'CONNECTING', 'LOGIN'],
        ['state', 'CONNECTED', 'LOGIN_SUCCESS'],
        ['login resolved'],
        ['state', 'DISCONNECTED', 'LOGOUT'],
        ['logout resolved'],
      ]);
    });

    it('rejects every CONNECTED-gated call with 102 before login', async () => {
      const client = env().createClient();
      const peer = env().id('bob');
      expect(await rejection(client.sendMessageToPeer({ text: 'hi' }, peer))).toEqual({
        name: 'RtmInvalidStatusError',
        code: 102,
        message: ' Error Code 102 - Failed to send the peer-to-peer message. The client is not logged in.',
      });
      const gated: Array<() => Promise<unknown>> = [
        () => client.queryPeersOnlineStatus([peer]),
        () => client.subscribePeersOnlineStatus([peer]),
        () => client.unsubscribePeersOnlineStatus([peer]),
        () => client.getChannelMemberCount([env().id('room')]),
        () => client.setLocalUserAttributes({ k: 'v' }),
        () => client.addOrUpdateLocalUserAttributes({ k: 'v' }),
        () => client.deleteLocalUserAttributesByKeys(['k']),
        () => client.clearLocalUserAttributes(),
        () => client.getUserAttributes(peer),
        () => client.getUserAttributesByKeys(peer, ['k']),
        () => client.setChannelAttributes(env().id('room'), { k: 'v' }),
        () => client.addOrUpdateChannelAttributes(env().id('room'), { k: 'v' }),
        () => client.deleteChannelAttributesByKeys(env().id('room'), ['k']),
        () => client.clearChannelAttributes(env().id('room')),
        () => client.getChannelAttributes(env().id('room')),
        () => client.getChannelAttributesByKeys(env().id('room'), ['k']),
        () => client.renewToken('token'),
        () => client.createChannel(env().id('room')).join(),
        () => client.createChannel(env().id('room')).leave(),
      ];
      for (const call of gated) expect(nameAndCode(await rejection(call())), String(call)).toEqual(['RtmInvalidStatusError', 102]);
    });
  });

  describe('REMOTE_LOGIN', () => {
    it('a second login of the same uid aborts the first, which leaves its channels', async () => {
      const uid = env().id('alice');
      const room = env().id('room');
      const first = await loggedIn(env(), uid);
      const observer = await loggedIn(env(), env().id('bob'));
      await first.createChannel(room).join();
      const observed = observer.createChannel(room);
      const seen = new Transcript();
      observed.on('MemberLeft', seen.on('MemberLeft'));
      await observed.join();
      const t = new Transcript();
      first.on('ConnectionStateChanged', t.on('state'));
      const second = env().createClient();
      await second.login({ uid });
      await env().flush();
      expect(t.take()).toEqual([['state', 'ABORTED', 'REMOTE_LOGIN']]);
      expectDifference(env().backend, 'othersSeeMemberLeftOnRemoteLogin', seen.entries, (left) => (left ? [['MemberLeft', uid]] : []));
      // ABORTED: CONNECTED-gated calls fail with 102; logout is local and leaves the new session alone.
      expect(nameAndCode(await rejection(first.sendMessageToPeer({ text: 'x' }, env().id('bob'))))).toEqual([
        'RtmInvalidStatusError',
        102,
      ]);
      await first.logout();
      expect(t.take()).toEqual([['state', 'DISCONNECTED', 'LOGOUT']]);
      expect(await observer.queryPeersOnlineStatus([uid])).toEqual({ [uid]: true });
    });

    it.runIf(caps.controllableClock)('login from ABORTED fails with 8 until logout', async () => {
      const uid = env().id('alice');
      const first = await loggedIn(env(), uid);
      await loggedIn(env(), uid);
      await env().flush();
      await env().advance(500);
      expect(nameAndCode(await rejection(first.login({ uid })))).toEqual(['RtmInvalidStatusError', 8]);
      await env().advance(500);
      await first.logout();
      await first.login({ uid });
    });
  });
}
