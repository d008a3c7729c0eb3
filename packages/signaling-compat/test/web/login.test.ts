import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { Signal } from '../../src/legacy/Signal';
import { WebSignal } from '../../src/legacy/web/Signal';
import { APP_ID, BACKEND, CHANNEL_CALLBACKS, recordingLogger, rtmToken, watch, world } from '../support/harness';

/** FakeRtm's `validateToken` stands in for the token server; FakeRtm2 checks tokens as 2.x does. */
const withTokenServer = BACKEND === 'rtm1';

describe('Web login, status and logout', () => {
  it('returns the session at once in state 1, then fires onLoginSuccess(uid) once, asynchronously', async () => {
    const w = world();
    const session = w.signal.login('alice', '_no_need_token', 10, 5);
    expect(session.state).toBe(1);
    expect(session.getStatus()).toBe(1);
    expect(session.account).toBe('alice');
    expect(session.uid).toBe(0);
    expect(session.onLoginSuccess).toBe('');
    w.transcript.push(['assigned late']);
    session.onLoginSuccess = (uid: number) => w.transcript.push(['onLoginSuccess', uid, session.state]);
    await w.flush();
    expect(w.take()).toEqual([['assigned late'], ['onLoginSuccess', accountUid('alice'), 2]]);
    expect(session.uid).toBe(accountUid('alice'));
  });

  it('stringifies a numeric account and gives every client the same uid for it', async () => {
    const w = world();
    const session = await w.login(12345 as unknown as string);
    expect(session.account).toBe('12345');
    expect(w.take()).toEqual([['12345.onLoginSuccess', accountUid('12345')]]);
  });

  it('calls handlers as methods of the session (this === session)', async () => {
    const w = world();
    const session = w.signal.login('alice', '');
    let self: unknown;
    session.onLoginSuccess = function (this: unknown) {
      self = this;
    };
    await w.flush();
    expect(self).toBe(session);
  });

  it('fails an account outside RTM rules with onLoginFailed(209) and a clear warning', async () => {
    const w = world();
    await w.login('bad/account');
    expect(w.take()).toEqual([['bad/account.onLoginFailed', 209]]);
    expect(w.logger.lines.some(([level, m]) => level === 'warn' && m.includes('not a valid RTM ID'))).toBe(true);
  });

  it("logs such an account in with idCodec: 'escape'", async () => {
    const w = world({ idCodec: 'escape' });
    await w.login('李雷 / lei');
    expect(w.take()).toEqual([['李雷 / lei.onLoginSuccess', accountUid('李雷 / lei')]]);
  });

  it('with no backend anywhere, ends in onLoginFailed(201) and one console error naming the fix', async () => {
    const logger = recordingLogger();
    const session = Signal(APP_ID, { logger }).login('alice', '');
    const t: unknown[][] = [];
    session.onLoginFailed = (code: number) => t.push(['onLoginFailed', code]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(t).toEqual([['onLoginFailed', 201]]);
    const errors = logger.lines.filter(([level]) => level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]![1]).toMatch(/Signal\.configure\(\{ rtm \}\)/);
    expect(errors[0]![1]).toMatch(/1\.x or 2\.x, or new FakeRtm\(\) \/ new FakeRtm2\(\)/);
    expect(session.state).toBe(0);
  });

  it("with no backend, the Web-only script's reason names only what it runs on (1.x)", async () => {
    const logger = recordingLogger();
    const session = WebSignal(APP_ID, { logger }).login('alice', '');
    const t: unknown[][] = [];
    session.onLoginFailed = (code: number) => t.push(['onLoginFailed', code]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(t).toEqual([['onLoginFailed', 201]]);
    const errors = logger.lines.filter(([level]) => level === 'error').map(([, text]) => text);
    expect(errors).toEqual([
      "signaling-compat: no RTM backend configured: pass { rtm } to Signal(appId, options) or Signal.configure({ rtm }) (agora-rtm-sdk 1.x's " +
        'AgoraRTM or a FakeRtm), or load agora-rtm-sdk with a script tag so that ' +
        'window.AgoraRTM exists',
    ]);
  });

  it.runIf(withTokenServer)('maps RTM token rejection to 206 and expiry to 204', async () => {
    const w = world({ tokenProvider: (account) => `007token-${account}` }, {
      validateToken: (token) => (token === '007token-old' ? 'expired' : token === '007token-bad' ? 'invalid' : 'valid'),
    });
    await w.login('bad');
    await w.advance(600);
    await w.login('old');
    expect(w.take()).toEqual([['bad.onLoginFailed', 206], ['old.onLoginFailed', 204]]);
  });

  it.runIf(withTokenServer)('never sends a legacy Signaling token to RTM, and says so once without printing it', async () => {
    const seen: Array<string | undefined> = [];
    const w = world({}, { validateToken: (token) => (seen.push(token), 'valid') });
    await w.login('alice', '1:0123456789abcdef0123456789abcdef:1700000000:secretmd5');
    expect(seen).toEqual([undefined]);
    const text = w.logger.lines.map(([, m]) => m).join('\n');
    expect(text).toMatch(/legacy Signaling token/);
    expect(text).not.toMatch(/secretmd5/);
  });

  it('logout fires onLogout(101) once, even when assigned after the call and with no handler at call time', async () => {
    const w = world();
    const session = await w.login('alice');
    w.take();
    session.onLogout = '';
    session.logout();
    session.logout();
    session.onLogout = (code: number) => w.transcript.push(['onLogout', code, session.state]);
    await w.flush();
    expect(w.take()).toEqual([['onLogout', 101, 0]]);
    expect(w.rtm.stats()['logout']).toBe(1);
  });

  it('logout while logging in ends with onLogout(101) and no onLoginSuccess', async () => {
    const w = world();
    const session = w.signal.login('alice', '');
    watch(session, ['onLoginSuccess', 'onLogout', 'onLoginFailed'], w.transcript, 'alice');
    session.logout();
    await w.flush();
    expect(w.take()).toEqual([['alice.onLogout', 101]]);
    expect(session.state).toBe(0);
  });

  it('re-login right after logout works, on the same Signal object', async () => {
    const w = world();
    const first = await w.login('alice');
    first.logout();
    await w.advance(600);
    await w.login('alice');
    expect(w.take()).toEqual([
      ['alice.onLoginSuccess', accountUid('alice')],
      ['alice.onLogout', 101],
      ['alice.onLoginSuccess', accountUid('alice')],
    ]);
  });

  it('a second login of the same account elsewhere kicks the first: onLogout(103)', async () => {
    const w = world();
    await w.login('alice');
    const other = Signal(APP_ID, { rtm: w.rtm });
    other.login('alice', '');
    await w.flush();
    expect(w.take()).toEqual([['alice.onLoginSuccess', accountUid('alice')], ['alice.onLogout', 103]]);
  });

  it('token expiry without a tokenProvider ends in onLogout(105)', async () => {
    const w = world();
    const session = await w.login('alice');
    w.rtm.expireToken('alice');
    await w.flush();
    expect(w.take()).toEqual([['alice.onLoginSuccess', accountUid('alice')], ['alice.onLogout', 105]]);
    expect(session.state).toBe(0);
  });

  it('with a tokenProvider, renews on TokenPrivilegeWillExpire and re-logs in after expiry', async () => {
    let n = 0;
    const w = world({ tokenProvider: (account) => rtmToken(account, ++n) });
    const session = await w.login('alice');
    w.rtm.expireToken('alice', 'warn');
    await w.flush();
    expect(w.rtm.stats()['renewToken']).toBe(1);
    await w.advance(600);
    w.rtm.expireToken('alice');
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onLoginSuccess', accountUid('alice')],
      ['alice.onLoginSuccess', accountUid('alice')],
    ]);
    expect(session.state).toBe(2);
    expect(n).toBe(3);
  });

  it('a drop inside the reconnect budget: state 3, then onLoginSuccess again; channels stay joined', async () => {
    const w = world();
    const session = await w.login('alice');
    const channel = session.channelJoin('room')!;
    watch(channel, CHANNEL_CALLBACKS, w.transcript, 'room');
    await w.flush();
    w.take();
    w.rtm.disconnect('alice');
    await w.flush();
    expect(session.state).toBe(3);
    await w.advance(2000);
    w.rtm.reconnect('alice');
    await w.flush();
    expect(session.state).toBe(2);
    expect(w.take()).toEqual([['alice.onLoginSuccess', accountUid('alice')]]);
    // Apps rejoin in onLoginSuccess: the shim answers from its cache, without an RTM join.
    const joins = w.rtm.stats()['channel.join'];
    const again = session.channelJoin('room')!;
    watch(again, CHANNEL_CALLBACKS, w.transcript, 'again');
    await w.flush();
    expect(w.rtm.stats()['channel.join']).toBe(joins);
    expect(w.take()).toEqual([
      ['again.onChannelJoined'],
      ['again.onChannelUserList', [['alice', accountUid('alice')]]],
    ]);
  });

  it('a drop beyond the budget ends in onLogout(102) (reconnect_time in seconds)', async () => {
    const w = world();
    const session = w.signal.login('alice', '', 10, 5);
    watch(session, ['onLoginSuccess', 'onLogout'], w.transcript, 'alice');
    await w.flush();
    w.rtm.disconnect('alice');
    await w.advance(4999);
    expect(session.state).toBe(3);
    await w.advance(1);
    expect(w.take()).toEqual([['alice.onLoginSuccess', accountUid('alice')], ['alice.onLogout', 102]]);
    expect(session.state).toBe(0);
  });

  it('a throwing callback is contained and the session keeps working', async () => {
    const w = world();
    const session = w.signal.login('alice', '');
    session.onLoginSuccess = () => {
      throw new Error('app bug');
    };
    await w.flush();
    expect(session.state).toBe(2);
    expect(w.logger.lines.some(([level, m]) => level === 'error' && m.includes('onLoginSuccess'))).toBe(true);
    const t: unknown[] = [];
    session.messageInstantSend('bob', 'hi', (failed: boolean) => t.push(failed));
    await w.flush();
    expect(t).toEqual([false]);
  });
});
