import { afterEach, expect, test } from 'vitest';
import WebSocket from 'ws';
import { connectFakeRtm } from 'signaling-compat/fake';
import type { ConnectionState } from 'signaling-compat';
import { type FakeRtmServer, startFakeRtmServer } from '../../src/serve/index';
import { Child } from './childProcess';
import { APP_ID, legacyUser } from './legacyWeb';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(): Promise<FakeRtmServer> {
  const started = await startFakeRtmServer();
  cleanups.push(() => started.close());
  return started;
}

const post = async (base: FakeRtmServer, name: string, body: unknown = {}) => {
  const response = await fetch(`${base.controlUrl}/${name}`, { method: 'POST', body: JSON.stringify(body) });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: string };
};

/** Resolves at the client's next ConnectionStateChanged to `state`. */
const stateChange = (client: { on(event: 'ConnectionStateChanged', l: (s: ConnectionState, r: string) => void): unknown }, state: ConnectionState) =>
  new Promise<string>((resolve) => {
    client.on('ConnectionStateChanged', (next, reason) => {
      if (next === state) resolve(reason);
    });
  });

test('the test controls over HTTP act on the hosted fake', async () => {
  const base = await server();
  const rtm = connectFakeRtm(base.url, { WebSocket });
  const alice = rtm.createInstance(APP_ID);
  const bob = rtm.createInstance(APP_ID);
  await alice.login({ uid: 'alice' });
  await bob.login({ uid: 'bob' });

  const interrupted = stateChange(alice, 'RECONNECTING');
  expect(await post(base, 'disconnect', { uid: 'alice' })).toEqual({ ok: true });
  expect(await interrupted).toBe('INTERRUPTED');
  const back = stateChange(alice, 'CONNECTED');
  await post(base, 'reconnect', { uid: 'alice' });
  expect(await back).toBe('LOGIN_SUCCESS');

  await post(base, 'failNext', { method: 'sendMessageToPeer', code: 3 });
  await expect(alice.sendMessageToPeer({ text: 'x' }, 'bob')).rejects.toMatchObject({ code: 3 });
  const warned = new Promise<void>((resolve) => bob.on('TokenPrivilegeWillExpire', resolve));
  await post(base, 'expireToken', { uid: 'bob', phase: 'warn' });
  await warned;
  const kicked = stateChange(bob, 'ABORTED');
  await post(base, 'kick', { uid: 'bob', reason: 'BANNED_BY_SERVER' });
  expect(await kicked).toBe('BANNED_BY_SERVER');
  expect((await post(base, 'stats')).value).toMatchObject({ login: 2, sendMessageToPeer: 1 });
  expect(await rtm.control('stats')).toMatchObject({ login: 2 });
  await alice.logout();
});

test('a dropped WebSocket is a connection loss: the legacy reconnect, then nothing lost', async () => {
  const base = await server();
  const alice = legacyUser(base.url, 'alice');
  const bob = legacyUser(base.url, 'bob');
  await Promise.all([alice.next('onLoginSuccess'), bob.next('onLoginSuccess')]);

  expect(await post(base, 'dropConnection', { uid: 'alice' })).toEqual({ ok: true, value: 1 });
  // The session reports "reconnecting" (status 3) while its link comes back by itself…
  await alice.next('onLoginSuccess', 2);
  // …and once back it is an ordinary logged-in session again.
  alice.session.messageInstantSend('bob', 'after the drop');
  bob.session.messageInstantSend('alice', 'welcome back');
  await Promise.all([bob.next('message alice after the drop'), alice.next('message bob welcome back')]);
  alice.session.logout();
  bob.session.logout();
  await Promise.all([alice.next('onLogout'), bob.next('onLogout')]);
  expect(alice.log).toEqual(['onLoginSuccess', 'onLoginSuccess', 'message bob welcome back', 'onLogout 101']);
  expect(bob.log).toEqual(['onLoginSuccess', 'message alice after the drop', 'onLogout 101']);
});

test('messages sent while the link is down arrive once it is back, once each', async () => {
  const base = await server();
  const rtm = connectFakeRtm(base.url, { WebSocket });
  const other = connectFakeRtm(base.url, { WebSocket });
  const alice = rtm.createInstance(APP_ID);
  const bob = other.createInstance(APP_ID);
  await alice.login({ uid: 'alice' });
  await bob.login({ uid: 'bob' });
  const received: string[] = [];
  bob.on('MessageFromPeer', (message) => received.push((message as { text: string }).text));
  const dropped = stateChange(alice, 'RECONNECTING');
  await post(base, 'dropConnection', { uid: 'alice' });
  await dropped;
  const sends = ['one', 'two', 'three'].map((text) => alice.sendMessageToPeer({ text }, 'bob'));
  expect(await Promise.all(sends)).toEqual([{ hasPeerReceived: true }, { hasPeerReceived: true }, { hasPeerReceived: true }]);
  await other.flush();
  expect(received).toEqual(['one', 'two', 'three']);
  await alice.logout();
  await bob.logout();
});

test('a server shutdown ends every session through the legacy logout path', async () => {
  const base = await startFakeRtmServer();
  const alice = legacyUser(base.url, 'alice');
  await alice.next('onLoginSuccess');
  await base.close();
  await alice.next('onLogout');
  expect(alice.log).toEqual(['onLoginSuccess', 'onLogout 102']);
});

test('a server that dies and restarts: sessions end with onLogout, and a new login works', async () => {
  const first = new Child('serve.ts', ['--port', '0']);
  cleanups.push(() => first.kill());
  const url = (await first.line('Fake RTM listening on ')).slice('Fake RTM listening on '.length);
  const alice = legacyUser(url, 'alice');
  await alice.next('onLoginSuccess');
  first.process.kill('SIGKILL');
  await first.exited;
  const second = new Child('serve.ts', ['--port', new URL(url).port]);
  cleanups.push(() => second.kill());
  await second.line('Fake RTM listening on ');
  await alice.next('onLogout');
  expect(alice.log).toEqual(['onLoginSuccess', 'onLogout 102']);

  // The same page logs in again on the restarted server.
  const again = (await import('signaling-compat')).default(APP_ID, { rtm: alice.rtm }).login('alice', '_no_need_token');
  await new Promise<void>((resolve) => (again.onLoginSuccess = () => resolve()));
  again.logout();
  await new Promise<void>((resolve) => (again.onLogout = () => resolve()));
  second.process.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(second.lines.at(-1)).toBe('Fake RTM stopped; every session was logged out.');
}, 60_000);

test('an idle page whose server restarted carries on: its objects are declared afresh', async () => {
  const first = await startFakeRtmServer();
  const rtm = connectFakeRtm(first.url, { WebSocket });
  const alice = rtm.createInstance(APP_ID);
  const room = alice.createChannel('room');
  await alice.login({ uid: 'alice' });
  await alice.logout();
  await first.close();
  const second = await startFakeRtmServer({ port: first.port });
  cleanups.push(() => second.close());
  await alice.login({ uid: 'alice' });
  await room.join();
  expect(await room.getMembers()).toEqual(['alice']);
  expect(second.rtm.stats()).toMatchObject({ createChannel: 1, login: 1, 'channel.join': 1 });
  await alice.logout();
});
