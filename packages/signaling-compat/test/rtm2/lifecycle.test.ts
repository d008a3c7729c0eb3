import { describe, expect, it } from 'vitest';
import { APP_ID, adapterWorld } from './env';

const record = (t: unknown[][], label: string) => (...args: unknown[]) => t.push([label, ...args]);

describe('one 2.x instance per (App ID, user ID), link states as 1.x states', () => {
  it('reuses the 2.x instance across logout/login and new clients, without doubling events', async () => {
    const w = adapterWorld();
    const bob = await w.client('bob');
    const t: unknown[][] = [];
    bob.on('MessageFromPeer', (message) => t.push(['bob', message.text]));
    for (let i = 0; i < 3; i++) {
      // A fresh 1.x client each time, as the core makes one per legacy login: 2.x would refuse a
      // second `new RTM` for the same user (−10027), so the adapter hands the first one on.
      const alice = await w.client('alice');
      await alice.sendMessageToPeer({ text: `hi ${i}` }, 'bob');
      await alice.logout();
      await w.advance(500);
    }
    await w.flush();
    expect(t).toEqual([['bob', 'hi 0'], ['bob', 'hi 1'], ['bob', 'hi 2']]);
  });

  it('maps a cut link, its return and server kicks to 1.x states and reasons', async () => {
    const w = adapterWorld();
    const alice = await w.client('alice');
    const t: unknown[][] = [];
    alice.on('ConnectionStateChanged', record(t, 'state')).on('TokenExpired', record(t, 'TokenExpired'));
    w.fake.disconnect('alice');
    await w.advance(3_000);
    w.fake.reconnect('alice');
    await w.flush();
    w.fake.kick('alice', 'KICKED_OUT_BY_SERVER');
    await w.flush();
    expect(t).toEqual([
      // 2.x's DISCONNECTED/CONNECTING/SUSPENDED retries are one 1.x RECONNECTING.
      ['state', 'RECONNECTING', 'INTERRUPTED'],
      ['state', 'CONNECTED', 'LOGIN_SUCCESS'],
      ['state', 'ABORTED', 'BANNED_BY_SERVER'],
    ]);
    await alice.logout();
    const bob = await w.client('bob');
    const u: unknown[][] = [];
    bob.on('ConnectionStateChanged', record(u, 'state')).on('TokenExpired', record(u, 'TokenExpired'));
    w.fake.expireToken('bob', 'expire');
    await w.flush();
    expect(u).toEqual([['state', 'ABORTED', 'TOKEN_EXPIRED'], ['TokenExpired']]);
  });

  it('a second client of the same user takes the instance over: the first is ABORTED/REMOTE_LOGIN', async () => {
    const w = adapterWorld();
    const first = await w.client('alice');
    const t: unknown[][] = [];
    first.on('ConnectionStateChanged', record(t, 'first'));
    const second = await w.client('alice');
    const bob = await w.client('bob');
    const got: unknown[] = [];
    second.on('MessageFromPeer', (message) => got.push(message.text));
    first.on('MessageFromPeer', (message) => got.push(`first got ${message.text}`));
    await bob.sendMessageToPeer({ text: 'to alice' }, 'alice');
    await w.flush();
    expect(t).toEqual([['first', 'ABORTED', 'REMOTE_LOGIN']]);
    expect(got).toEqual(['to alice']);
    // The first one's logout is local: the second stays logged in.
    await first.logout();
    expect(await bob.sendMessageToPeer({ text: 'still there?' }, 'alice')).toEqual({ hasPeerReceived: true });
  });

  it('owns the 12 s login timeout: one DISCONNECTED/LOGIN_TIMEOUT, and the 2.x login loop is stopped', async () => {
    const w = adapterWorld();
    w.fake.disconnect('alice');
    const alice = w.rtm.createInstance(APP_ID);
    const t: unknown[][] = [];
    alice.on('ConnectionStateChanged', record(t, 'state'));
    const login = alice.login({ uid: 'alice' }).catch((error: { name: string; code: number }) => [error.name, error.code]);
    await w.advance(12_000);
    expect(await login).toEqual(['RtmTimeoutError', 9]);
    expect(t).toEqual([
      ['state', 'CONNECTING', 'LOGIN'],
      ['state', 'DISCONNECTED', 'LOGIN_TIMEOUT'],
    ]);
    // Nothing keeps running: no timer of the adapter or of the 2.x login loop is left.
    expect(w.clock.nextTimerAt()).toBeUndefined();
    // The same instance logs in once the network is back.
    w.fake.reconnect('alice');
    await w.advance(500);
    await alice.login({ uid: 'alice' });
  });

  it('leaves no timer behind after logout (calls, subscriptions, waits)', async () => {
    const w = adapterWorld();
    const alice = await w.client('alice');
    const bob = await w.client('bob');
    const incoming: Array<{ accept(): void }> = [];
    bob.on('RemoteInvitationReceived', (invitation) => incoming.push(invitation));
    alice.createLocalInvitation('bob').send();
    alice.createLocalInvitation('carol').send();
    await alice.subscribePeersOnlineStatus(['bob']);
    const room = alice.createChannel('room');
    await room.join();
    await w.flush();
    incoming[0]!.accept();
    await alice.logout();
    await bob.logout();
    await w.flush();
    expect(w.clock.nextTimerAt()).toBeUndefined();
  });

  it('refuses user IDs 2.x cannot carry before anything reaches 2.x', async () => {
    const w = adapterWorld();
    const client = w.rtm.createInstance(APP_ID);
    const t: unknown[][] = [];
    client.on('ConnectionStateChanged', record(t, 'state'));
    for (const uid of ['a.b', '_lead', 'tab\there']) {
      const error = await client.login({ uid }).then(
        () => undefined,
        (e: { name: string; code: number; message: string }) => e,
      );
      expect([error?.name, error?.code], uid).toEqual(['RtmInvalidArgumentError', 3]);
      expect(error?.message).toMatch(/RTM 2\.x user ID/);
      await w.advance(500);
    }
    expect(t).toEqual([]);
    expect(w.fake.stats()['login'] ?? 0).toBe(0);
  });
});
