import { describe, expect, it } from 'vitest';
import { DIALECTS, dialectWorld, received, type Dialect } from './dialects';

/** The default legacy budget: 10 retries at 200 ms doubling to 2 s take 15 s (under the 30 s limit). */
const BUDGET_MS = 15_000;
/** The legacy retries that fall in the first 4 s: at 200, 600, 1400 and 3000 ms. */
const RETRIES_IN_4S = [1, 2, 3, 4];

const connectionEvents = (events: unknown[][]) =>
  events.filter(([name]) => /\.on(LoginSuccess|LoginFailed|Logout|Reconnecting|Reconnected)$/.test(String(name)));

describe.each(DIALECTS)('connection faults, $name dialect', (d: Dialect) => {
  it('a drop inside the budget: reconnecting, then loginSuccess again; channels kept; nothing sent during it is lost', async () => {
    const w = dialectWorld();
    const alice = d.login(w, 'alice');
    const bob = d.login(w, 'bob');
    await w.flush();
    alice.join('room');
    bob.join('room');
    await w.flush();
    alice.sendPeer('bob', 'p-before');
    alice.sendChannel('room', 'c-before');
    await w.flush();
    w.take();
    w.rtm.resetStats();

    w.rtm.disconnect('alice');
    await w.flush();
    expect(alice.status()).toBe(d.status.reconnecting);
    alice.sendPeer('bob', 'p-during');
    alice.sendChannel('room', 'c-during');
    await w.advance(4000);
    expect(alice.status()).toBe(d.status.reconnecting);
    // Held, not failed: nothing reached RTM while the connection was down.
    expect(w.take()).toEqual(RETRIES_IN_4S.flatMap((n) => d.reconnecting('alice', n)));

    w.rtm.reconnect('alice');
    await w.flush();
    expect(alice.status()).toBe(d.status.in);
    alice.sendPeer('bob', 'p-after');
    alice.sendChannel('room', 'c-after');
    await w.flush();
    const events = w.take();
    expect(connectionEvents(events)).toEqual([...d.reconnected('alice'), d.loginSuccess('alice')]);
    expect(received(events, 'bob').filter((m) => String(m).startsWith('p-'))).toEqual(['p-during', 'p-after']);
    expect(received(events, 'bob').filter((m) => String(m).startsWith('c-'))).toEqual(['c-during', 'c-after']);
    // Web reports only peer sends; Server and native report channel sends too.
    expect(events.filter(([name]) => name === 'alice.sent')).toEqual(Array(d.name === 'web' ? 2 : 4).fill(['alice.sent', true]));
    // The channel survived: no new RTM join, and bob never saw alice leave.
    expect(w.rtm.stats()['channel.join'] ?? 0).toBe(0);
    expect(events.some(([name]) => String(name).startsWith('bob.onChannelUserLeaved'))).toBe(false);
  });

  it('a drop beyond the budget: logout(102) once; the link coming back later revives nothing; login again works', async () => {
    const w = dialectWorld();
    const alice = d.login(w, 'alice');
    await w.flush();
    w.take();
    w.rtm.disconnect('alice');
    await w.advance(BUDGET_MS - 1);
    expect(alice.status()).toBe(d.status.reconnecting);
    await w.advance(1);
    expect(alice.status()).toBe(d.status.out);
    expect(connectionEvents(w.take())).toEqual([
      ...Array.from({ length: 10 }, (_, i) => d.reconnecting('alice', i + 1)).flat(),
      d.logout('alice', 102),
    ]);
    w.rtm.reconnect('alice');
    await w.advance(60_000);
    expect(w.take()).toEqual([]);
    const again = d.login(w, 'alice');
    await w.flush();
    expect(w.take()).toEqual([d.loginSuccess('alice')]);
    expect(again.status()).toBe(d.status.in);
  });

  it('kicked by a second login of the same account: logout(103) for the first, success for the second', async () => {
    const w = dialectWorld();
    const first = d.login(w, 'alice');
    await w.flush();
    const second = d.login(w, 'alice');
    await w.flush();
    expect(connectionEvents(w.take())).toEqual([d.loginSuccess('alice'), d.logout('alice', 103), d.loginSuccess('alice')]);
    expect([first.status(), second.status()]).toEqual([d.status.out, d.status.in]);
  });

  it('kicked by the server: logout(103)', async () => {
    const w = dialectWorld();
    const alice = d.login(w, 'alice');
    await w.flush();
    w.rtm.kick('alice');
    await w.flush();
    expect(w.take()).toEqual([d.loginSuccess('alice'), d.logout('alice', 103)]);
    expect(alice.status()).toBe(d.status.out);
  });

  it('token expiry without a tokenProvider: logout(105)', async () => {
    const w = dialectWorld();
    const alice = d.login(w, 'alice');
    await w.flush();
    w.rtm.expireToken('alice', 'warn');
    await w.flush();
    expect(w.rtm.stats()['renewToken'] ?? 0).toBe(0);
    w.rtm.expireToken('alice');
    await w.flush();
    expect(w.take()).toEqual([d.loginSuccess('alice'), d.logout('alice', 105)]);
    expect(alice.status()).toBe(d.status.out);
  });

  it('with a tokenProvider: renewToken on the warning; after expiry a fresh login, loginSuccess again, channels rejoinable', async () => {
    const tokens: string[] = [];
    const w = dialectWorld({ tokenProvider: () => `007token-${tokens.push('t')}` });
    const alice = d.login(w, 'alice');
    await w.flush();
    alice.join('room');
    await w.flush();
    w.take();
    w.rtm.expireToken('alice', 'warn');
    await w.flush();
    expect(w.rtm.stats()['renewToken']).toBe(1);
    await w.advance(600);
    w.rtm.expireToken('alice');
    await w.flush();
    expect(connectionEvents(w.take())).toEqual([...d.reconnected('alice'), d.loginSuccess('alice')]);
    expect(alice.status()).toBe(d.status.in);
    expect(tokens).toHaveLength(3);
    // RTM dropped the channel with the old login; the app's rejoin in onLoginSuccess joins again.
    const joins = w.rtm.stats()['channel.join'];
    alice.join('room');
    await w.flush();
    expect(w.rtm.stats()['channel.join']).toBe(joins + 1);
  });

  it('a tokenProvider whose renewal RTM rejects: one warning, the session stays logged in', async () => {
    let n = 0;
    const w = dialectWorld(
      { tokenProvider: () => `007token-${++n}` },
      { validateToken: (token) => (token === '007token-2' ? 'invalid' : 'valid') },
    );
    const alice = d.login(w, 'alice');
    await w.flush();
    w.take();
    w.rtm.expireToken('alice', 'warn');
    await w.flush();
    expect(w.take()).toEqual([]);
    expect(alice.status()).toBe(d.status.in);
    expect(w.logger.lines.filter(([level]) => level === 'warn').map(([, m]) => m)).toEqual([
      expect.stringMatching(/renewToken failed: RtmUnauthenticatedError/),
    ]);
  });

  it('a fresh login after expiry that RTM rejects: logout(105)', async () => {
    let n = 0;
    const w = dialectWorld(
      { tokenProvider: () => `007token-${++n}` },
      { validateToken: (token) => (token === '007token-2' ? 'expired' : 'valid') },
    );
    const alice = d.login(w, 'alice');
    await w.flush();
    w.take();
    await w.advance(600);
    w.rtm.expireToken('alice');
    await w.flush();
    expect(connectionEvents(w.take())).toEqual([d.logout('alice', 105)]);
    expect(alice.status()).toBe(d.status.out);
  });
});

describe('messages to a user whose connection is down', () => {
  const web = DIALECTS.find((d) => d.name === 'web')!;
  it("RTM takes them (success by default) but cannot deliver; peerMessageSuccess: 'delivered' reports the failure", async () => {
    for (const [peerMessageSuccess, ok] of [['accepted', true], ['delivered', false]] as const) {
      const w = dialectWorld({ peerMessageSuccess });
      const alice = web.login(w, 'alice');
      web.login(w, 'bob');
      await w.flush();
      w.take();
      w.rtm.disconnect('bob');
      await w.flush();
      alice.sendPeer('bob', 'into the void');
      await w.flush();
      w.rtm.reconnect('bob');
      await w.flush();
      expect(w.take()).toEqual([['alice.sent', ok], ['bob.onLoginSuccess', expect.any(Number)]]);
    }
  });
});
