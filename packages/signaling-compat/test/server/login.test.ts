import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import type { LoginSession } from '../../src/legacy/server/LoginSession';
import { LoginCallback as NamedLoginCallback } from '../../src/legacy/server/callbacks';
import { Session } from '../../src/legacy/web/Session';
import { Signal } from '../../src/legacy/Signal';
import { APP_ID } from '../support/harness';
import { LOGIN_EVENTS, serverWorld } from './serverHarness';

const uid = accountUid;

describe('Server login, status and logout', () => {
  it('login(account, token, callback) returns a LoginSession at once; one onLoginSuccess(session, uid), async', async () => {
    const w = serverWorld();
    expect(w.signal.getStatus()).toBe(4);
    const callback = w.recorder('alice', LOGIN_EVENTS);
    const session = w.name(w.signal.login('alice', '_no_need_token', callback), 'alice');
    expect(session).not.toBeInstanceOf(Session);
    expect(session.getStatus()).toBe(1);
    expect(w.signal.getStatus()).toBe(1);
    expect(w.take()).toEqual([]);
    await w.flush();
    expect(w.take()).toEqual([['alice.onLoginSuccess', 'alice', uid('alice')]]);
    expect(session.getStatus()).toBe(2);
    expect(w.signal.getStatus()).toBe(2);
    expect(JSON.stringify(session)).toBe('{}');
  });

  it('a number or nothing as third argument keeps the Web dialect', async () => {
    const w = serverWorld();
    expect(w.signal.login('alice', '', 10, 5)).toBeInstanceOf(Session);
    expect(w.signal.login('bob', '')).toBeInstanceOf(Session);
    expect(w.signal.getStatus()).toBe(4);
    await w.flush();
  });

  it('Java-style subclasses work: super calls, this is the callback object, handlers read at fire time', async () => {
    const w = serverWorld();
    const seen: unknown[][] = [];
    class Callback extends Signal.LoginCallback {
      override onLoginSuccess(session: LoginSession, id: number): void {
        super.onLoginSuccess(session, id);
        seen.push(['onLoginSuccess', this === callback, w.label(session), id]);
      }
    }
    const callback = new Callback();
    const session = w.name(w.signal.login('alice', '_no_need_token', callback), 'alice');
    // Assigned after login() returned, before the event fires.
    callback.onLogout = (s: LoginSession, code: number) => seen.push(['onLogout', w.label(s), code]);
    await w.flush();
    session.logout();
    await w.flush();
    expect(seen).toEqual([['onLoginSuccess', true, 'alice', uid('alice')], ['onLogout', 'alice', 101]]);
  });

  it('the bare base class (new Signal.LoginCallback()) is a valid callback, and the named export is the same class', async () => {
    const w = serverWorld();
    expect(Signal.LoginCallback).toBe(NamedLoginCallback);
    const session = w.signal.login('alice', '_no_need_token', new Signal.LoginCallback());
    await w.flush();
    expect(session.getStatus()).toBe(2);
    session.logout();
    await w.flush();
    expect(session.getStatus()).toBe(0);
    expect(w.logger.lines.filter(([level]) => level === 'error')).toEqual([]);
  });

  it('an invalid account ends in exactly one onLoginFailed(session, 209); status 3', async () => {
    const w = serverWorld();
    const { session } = await w.login('bad/account');
    await w.advance(60_000);
    expect(w.take()).toEqual([['bad/account.onLoginFailed', 'bad/account', 209]]);
    expect(session.getStatus()).toBe(3);
    expect(w.signal.getStatus()).toBe(3);
  });

  it('reports the Server login codes as they are (202 is not folded into 201 as on Web)', async () => {
    const w = serverWorld();
    w.rtm.failNext('login', 4, 'RtmUnauthenticatedError');
    await w.login('alice');
    expect(w.take()).toEqual([['alice.onLoginFailed', 'alice', 202]]);
  });

  it('logout fires onLogout(session, 101) once; status 0', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice');
    session.logout();
    session.logout();
    await w.flush();
    expect(w.take()).toEqual([['alice.onLoginSuccess', 'alice', uid('alice')], ['alice.onLogout', 'alice', 101]]);
    expect(session.getStatus()).toBe(0);
    expect(w.signal.getStatus()).toBe(0);
  });

  it('login(...).logout() before success ends in onLogout(101) alone (U12)', async () => {
    const w = serverWorld();
    const callback = w.recorder('alice', LOGIN_EVENTS);
    w.name(w.signal.login('alice', '_no_need_token', callback), 'alice').logout();
    await w.flush();
    await w.advance(60_000);
    expect(w.take()).toEqual([['alice.onLogout', 'alice', 101]]);
  });

  it('several sessions per Signal and several Signals coexist; getStatus follows the newest session', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice');
    const { session: bob } = await w.login('bob');
    const other = Signal(APP_ID, { rtm: w.rtm });
    const carol = w.name(other.login('carol', '_no_need_token', w.recorder('carol', LOGIN_EVENTS)), 'carol');
    await w.flush();
    alice.logout();
    await w.flush();
    expect(w.signal.getStatus()).toBe(2);
    bob.logout();
    await w.flush();
    expect(w.signal.getStatus()).toBe(0);
    expect(other.getStatus()).toBe(2);
    expect(carol.getStatus()).toBe(2);
    expect(w.take()).toEqual([
      ['alice.onLoginSuccess', 'alice', uid('alice')],
      ['bob.onLoginSuccess', 'bob', uid('bob')],
      ['carol.onLoginSuccess', 'carol', uid('carol')],
      ['alice.onLogout', 'alice', 101],
      ['bob.onLogout', 'bob', 101],
    ]);
  });

  it('a second login of the account elsewhere kicks the session: onLogout(session, 103)', async () => {
    const w = serverWorld();
    await w.login('alice');
    Signal(APP_ID, { rtm: w.rtm }).login('alice', '');
    await w.flush();
    expect(w.take()).toEqual([['alice.onLoginSuccess', 'alice', uid('alice')], ['alice.onLogout', 'alice', 103]]);
  });

  it('a drop reports status 1 while reconnecting, then onLoginSuccess again', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice');
    w.rtm.disconnect('alice');
    await w.flush();
    expect(session.getStatus()).toBe(1);
    await w.advance(2000);
    w.rtm.reconnect('alice');
    await w.flush();
    expect(session.getStatus()).toBe(2);
    expect(w.take()).toEqual([['alice.onLoginSuccess', 'alice', uid('alice')], ['alice.onLoginSuccess', 'alice', uid('alice')]]);
  });

  it('callbacks may re-enter login (baiguotong re-logs in from onLogout)', async () => {
    const w = serverWorld();
    const events: unknown[][] = [];
    const again = { onLoginSuccess: (s: LoginSession, id: number) => events.push(['again.onLoginSuccess', id]) };
    const session = w.signal.login('alice', '_no_need_token', {
      onLogout(s: LoginSession, code: number) {
        events.push(['onLogout', code]);
        w.signal.login('alice', '_no_need_token', again);
      },
    });
    await w.flush();
    session.logout();
    await w.advance(600);
    expect(events).toEqual([['onLogout', 101], ['again.onLoginSuccess', uid('alice')]]);
  });

  it('a throwing callback is contained and the session keeps working', async () => {
    const w = serverWorld();
    const session = w.signal.login('alice', '_no_need_token', {
      onLoginSuccess() {
        throw new Error('app bug');
      },
    });
    await w.flush();
    expect(session.getStatus()).toBe(2);
    expect(w.logger.lines.some(([level, m]) => level === 'error' && m.includes('onLoginSuccess'))).toBe(true);
  });
});
