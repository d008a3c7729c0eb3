import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { AgoraAPI, createAgoraSDKInstance } from '../../src/legacy/native/AgoraAPI';
import { IAgoraAPI } from '../../src/legacy/native/IAgoraAPI';
import { APP_ID } from '../support/harness';
import { nativeWorld } from './nativeHarness';

const uid = accountUid;

describe('native instances', () => {
  it('getInstance: one instance per App ID until destroy(); createAgoraSDKInstance: a new one each time', () => {
    const w = nativeWorld();
    const a = AgoraAPI.getInstance('app-one', { rtm: w.rtm, logger: w.logger });
    expect(AgoraAPI.getInstance('app-one')).toBe(a);
    expect(AgoraAPI.getInstance('app-two', { rtm: w.rtm })).not.toBe(a);
    expect(w.logger.lines).toEqual([]);
    expect(AgoraAPI.getInstance('app-one', { rtm: w.rtm, singleChannel: true })).toBe(a);
    expect(w.logger.lines.filter(([level, m]) => level === 'warn' && m.includes('options are kept'))).toHaveLength(1);
    a.destroy();
    expect(AgoraAPI.getInstance('app-one')).not.toBe(a);
    AgoraAPI.getInstance('app-one').destroy();
    AgoraAPI.getInstance('app-two').destroy();
    const b = createAgoraSDKInstance(APP_ID, { rtm: w.rtm });
    expect(createAgoraSDKInstance(APP_ID, { rtm: w.rtm })).not.toBe(b);
    expect(AgoraAPI.createAgoraSDKInstance(APP_ID)).toBeInstanceOf(AgoraAPI);
  });

  it('getSdkVersion() is the legacy number; apps read charAt(2).charAt(4).charAt(6)', () => {
    const version = String(nativeWorld().instance('x').getSdkVersion());
    expect(version.length).toBeGreaterThanOrEqual(8);
    expect(`${version.charAt(2)}.${version.charAt(4)}.${version.charAt(6)}`).toBe('1.4.0');
  });

  it('IAgoraAPI.ECODE_* are the legacy codes', () => {
    expect([IAgoraAPI.ECODE_SUCCESS, IAgoraAPI.ECODE_LOGOUT_E_KICKED, IAgoraAPI.ECODE_LOGOUT_E_NET, IAgoraAPI.ECODE_LOGIN_E_NET]).toEqual([
      0, 103, 102, 201,
    ]);
    expect(IAgoraAPI.ECODE_INVITE_E_PEEROFFLINE).toBe(703);
    expect(Object.isFrozen(IAgoraAPI)).toBe(true);
  });

  it('setBackground / setNetworkStatus / ping / start / stop are accepted no-ops', async () => {
    const w = nativeWorld();
    const api = await w.login('alice');
    w.take();
    w.rtm.resetStats();
    api.setBackground(true);
    api.setNetworkStatus(1);
    api.ping();
    api.start();
    api.stop();
    await w.flush();
    expect(w.take()).toEqual([]);
    expect(w.rtm.stats()).toEqual({});
    expect(api.getStatus()).toBe(2);
  });
});

describe('native login, status and logout', () => {
  it('login: status 1, then onLoginSuccess(uid, 0), status 2, isOnline 1', async () => {
    const w = nativeWorld();
    const api = w.instance('alice');
    expect([api.getStatus(), api.isOnline()]).toEqual([0, 0]);
    api.login(APP_ID, 'alice', '_no_need_token', 0, '');
    expect(api.getStatus()).toBe(1);
    expect(w.take()).toEqual([]);
    await w.flush();
    expect(w.take()).toEqual([['alice.onLoginSuccess', uid('alice'), 0]]);
    expect([api.getStatus(), api.isOnline()]).toEqual([2, 1]);
  });

  it('a second login while logged in is ignored with a warning', async () => {
    const w = nativeWorld();
    const api = await w.login('alice');
    api.login(APP_ID, 'alice', '_no_need_token', 0, '');
    await w.flush();
    expect(w.take()).toEqual([['alice.onLoginSuccess', uid('alice'), 0]]);
    expect(w.rtm.stats()['login']).toBe(1);
    expect(w.logger.lines.some(([level, m]) => level === 'warn' && m.includes('logout() first'))).toBe(true);
  });

  it('logout: onLogout(101) once, status 0; logout then login at once works (Wawaji)', async () => {
    const w = nativeWorld();
    const api = await w.login('alice');
    api.logout();
    api.logout();
    expect(api.getStatus()).toBe(2);
    api.login2(APP_ID, 'alice', '_no_need_token', 0, '', 5, 1);
    await w.advance(600);
    expect(w.take()).toEqual([
      ['alice.onLoginSuccess', uid('alice'), 0],
      ['alice.onLogout', 101],
      ['alice.onLoginSuccess', uid('alice'), 0],
    ]);
    expect(api.getStatus()).toBe(2);
  });

  it('an invalid account: onLoginFailed(209)', async () => {
    const w = nativeWorld();
    const api = await w.login('bad/account');
    expect(w.take()).toEqual([['bad/account.onLoginFailed', IAgoraAPI.ECODE_LOGIN_E_INVALID_USER]]);
    expect(api.getStatus()).toBe(0);
  });

  it('callbackSet replaces the handler wholesale: events go only to the newest, read when they fire', async () => {
    const w = nativeWorld();
    const api = w.instance('first');
    api.login(APP_ID, 'alice', '_no_need_token', 0, '');
    const second = w.recorder('second');
    api.callbackSet(second);
    expect(api.callbackGet()).toBe(second);
    await w.flush();
    expect(w.take()).toEqual([['second.onLoginSuccess', uid('alice'), 0]]);
  });

  it('handlers are called as methods of the handler object; exceptions are contained', async () => {
    const w = nativeWorld();
    const api = w.instance('x', []);
    let self: unknown;
    const handler = {
      onLoginSuccess(this: unknown) {
        self = this;
        throw new Error('app bug');
      },
    };
    api.callbackSet(handler);
    api.login(APP_ID, 'alice', '_no_need_token', 0, '');
    await w.flush();
    expect(self).toBe(handler);
    expect(api.getStatus()).toBe(2);
    expect(w.logger.lines.some(([level, m]) => level === 'error' && m.includes('onLoginSuccess'))).toBe(true);
  });

  it('kicked by a login elsewhere: onLogout(ECODE_LOGOUT_E_KICKED)', async () => {
    const w = nativeWorld();
    await w.login('alice');
    w.instance('other', []).login(APP_ID, 'alice', '_no_need_token', 0, '');
    await w.flush();
    expect(w.take()).toEqual([['alice.onLoginSuccess', uid('alice'), 0], ['alice.onLogout', IAgoraAPI.ECODE_LOGOUT_E_KICKED]]);
  });

  it('login2 retry limits bound the reconnection: onReconnecting(n) per legacy retry, then onLogout(102)', async () => {
    const w = nativeWorld();
    const api = w.instance('alice');
    api.login2(APP_ID, 'alice', '_no_need_token', 0, '', 60, 3);
    await w.flush();
    w.take();
    w.rtm.disconnect('alice');
    await w.flush();
    expect(api.getStatus()).toBe(3);
    await w.advance(1399);
    expect(w.take()).toEqual([['alice.onReconnecting', 1], ['alice.onReconnecting', 2]]);
    await w.advance(1);
    expect(w.take()).toEqual([['alice.onReconnecting', 3], ['alice.onLogout', 102]]);
    expect(api.getStatus()).toBe(0);
  });

  it('a reconnect within the limits: onReconnected(0), then onLoginSuccess again', async () => {
    const w = nativeWorld();
    const api = w.instance('alice');
    api.login2(APP_ID, 'alice', '_no_need_token', 0, '', 60, 10);
    await w.flush();
    w.take();
    w.rtm.disconnect('alice');
    await w.advance(300);
    w.rtm.reconnect('alice');
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onReconnecting', 1],
      ['alice.onReconnected', 0],
      ['alice.onLoginSuccess', uid('alice'), 0],
    ]);
    expect(api.getStatus()).toBe(2);
  });
});
