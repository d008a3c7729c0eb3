import { afterEach, expect, test } from 'vitest';
import WebSocket from 'ws';
import { connectFakeRtm2, FakeRtm2, type RemoteFakeRtm2, type RTMEventMap } from 'signaling-compat/fake';
import { type FakeRtmServer, startFakeRtmServer } from '../../src/serve/index';
import { legacyUser } from './legacyWeb';

const APP_ID = '0123456789abcdef0123456789abcdef';
const EVENTS = ['linkState', 'message', 'presence', 'storage', 'lock', 'token', 'tokenPrivilegeWillExpire'] as const;

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(): Promise<FakeRtmServer> {
  const started = await startFakeRtmServer();
  cleanups.push(() => started.close());
  return started;
}

/** A 2.x client on its own connection to the server ("its own page"), recording every event. */
function user(base: FakeRtmServer, userId: string) {
  const rtm: RemoteFakeRtm2 = connectFakeRtm2(base.url, { WebSocket });
  const client = new rtm.RTM(APP_ID, userId, { presenceTimeout: 5 });
  const events: Array<[keyof RTMEventMap, unknown]> = [];
  for (const name of EVENTS) client.addEventListener(name, (payload: unknown) => events.push([name, payload]));
  const log = (name: keyof RTMEventMap) => events.filter(([event]) => event === name).map(([, payload]) => payload);
  cleanups.push(() => client.logout());
  return { rtm, client, log };
}

const post = async (base: FakeRtmServer, path: string, body: unknown = {}) => {
  const response = await fetch(`${base.controlUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as { ok: boolean; value?: unknown; error?: string }) };
};

/** Settles both pages: every call handled, every event delivered. */
const settle = async (...pages: Array<{ rtm: RemoteFakeRtm2 }>) => {
  for (const page of pages) await page.rtm.flush();
  for (const page of pages) await page.rtm.flush();
};

test('two processes publish on a MESSAGE channel and to a USER channel through the server', async () => {
  const base = await server();
  const alice = user(base, 'alice');
  const bob = user(base, 'bob');
  await expect(alice.client.login()).resolves.toEqual({ timestamp: 0 });
  await bob.client.login();
  await expect(bob.client.subscribe('room')).resolves.toEqual({ timestamp: 0, channelName: 'room' });
  await alice.client.publish('room', 'hello', { customType: 'greet' });
  await alice.client.publish('bob', new Uint8Array([1, 2]), { channelType: 'USER' });
  await settle(alice, bob);
  expect(bob.log('message')).toEqual([
    { channelType: 'MESSAGE', channelName: 'room', topicName: '', messageType: 'STRING', customType: 'greet', message: 'hello', publisher: 'alice', timestamp: expect.any(Number) },
    { channelType: 'USER', channelName: 'bob', topicName: '', messageType: 'BINARY', customType: '', message: new Uint8Array([1, 2]), publisher: 'alice', timestamp: expect.any(Number) },
  ]);
  expect(alice.log('linkState')).toMatchObject([
    { currentState: 'CONNECTING', previousState: 'IDLE', reasonCode: 'LOGIN' },
    { currentState: 'CONNECTED', previousState: 'CONNECTING', reasonCode: 'LOGIN_SUCCESS' },
  ]);
});

test('presence: a snapshot after subscribe, then the other user joining and leaving', async () => {
  const base = await server();
  const alice = user(base, 'alice');
  const bob = user(base, 'bob');
  await alice.client.login();
  await bob.client.login();
  await alice.client.subscribe('room');
  await settle(alice);
  await bob.client.subscribe('room');
  await settle(alice, bob);
  await expect(alice.client.presence.getOnlineUsers('room', 'MESSAGE')).resolves.toMatchObject({ totalOccupancy: 2 });
  await bob.client.unsubscribe('room');
  await settle(alice, bob);
  expect(alice.log('presence').map((event) => [(event as { eventType: string }).eventType, (event as { publisher: string }).publisher])).toEqual([
    ['SNAPSHOT', ''],
    ['REMOTE_JOIN', 'bob'],
    ['REMOTE_LEAVE', 'bob'],
  ]);
});

test('channel metadata set by one user reaches a subscriber with metadata as a storage event', async () => {
  const base = await server();
  const alice = user(base, 'alice');
  const bob = user(base, 'bob');
  await alice.client.login();
  await bob.client.login();
  await bob.client.subscribe('room', { withMetadata: true });
  await settle(bob);
  await alice.client.storage.setChannelMetadata('room', 'MESSAGE', [{ key: 'topic', value: 'hi' }], { addUserId: true });
  await settle(alice, bob);
  const updates = bob.log('storage').filter((event) => (event as { eventType: string }).eventType === 'UPDATE');
  expect(updates).toMatchObject([{ channelName: 'room', storageType: 'CHANNEL', data: { metadata: { topic: { value: 'hi', authorUid: 'alice' } } } }]);
  await expect(bob.client.storage.getChannelMetadata('room', 'MESSAGE')).resolves.toMatchObject({ totalCount: 1, metadata: { topic: { value: 'hi' } } });
});

test('an error keeps every 2.x field, in order, and its class', async () => {
  const base = await server();
  const alice = user(base, 'alice');
  const local = new FakeRtm2();
  const failure = (call: Promise<unknown>) => call.then(() => new Error('resolved'), (error: unknown) => error as Error);
  const reference = await failure(new local.RTM(APP_ID, 'alice').publish('room', 'x'));
  const remote = await failure(alice.client.publish('room', 'x'));
  expect(remote).toBeInstanceOf(alice.rtm.RTMBaseError);
  expect(Object.entries(remote)).toEqual(Object.entries(reference));
  expect([remote.name, remote.message]).toEqual([reference.name, reference.message]);
  expect(remote).toMatchObject({ name: 'RtmInvalidStatusError', code: -10025, errorCode: -10025, operation: 'publish', error: true });
  // The constructor's checks run in the page, synchronously, as on FakeRtm2.
  expect(() => new alice.rtm.RTM(APP_ID, 'alice')).toThrow(expect.objectContaining({ code: -10027 }));
  expect(() => new alice.rtm.RTM('short', 'zed')).toThrow(expect.objectContaining({ code: -10003 }));
});

test('the FakeRtm2 controls over HTTP (POST /control/rtm2/<name>) and over the wire', async () => {
  const base = await server();
  const alice = user(base, 'alice');
  await alice.client.login();
  await alice.rtm.control('failNext', { method: 'publish', code: -11026 });
  await expect(alice.client.publish('room', 'x')).rejects.toMatchObject({ name: 'RtmTimeoutError', code: -11026, operation: 'publish' });
  const stats = await post(base, 'rtm2/stats');
  expect(stats).toMatchObject({ status: 200, ok: true, value: { login: 1, publish: 1 } });
  expect(await post(base, 'rtm2/nope')).toMatchObject({ status: 400, ok: false, error: 'unknown control "nope"' });
  expect(await post(base, 'rtm2/kick', { uid: 'alice' })).toMatchObject({ ok: true });
  await settle(alice);
  expect(alice.log('linkState').at(-1)).toMatchObject({ currentState: 'FAILED', operation: 'SERVER_REJECT', reasonCode: 'KICKED_OUT_BY_SERVER' });
});

test('a dropped WebSocket is a link loss for that client; it recovers when the socket is back', async () => {
  const base = await server();
  const alice = user(base, 'alice');
  const bob = user(base, 'bob');
  await alice.client.login();
  await bob.client.login();
  expect(await post(base, 'rtm2/dropConnection', { uid: 'alice' })).toMatchObject({ ok: true, value: 1 });
  // Sent while the socket is down: delivered once the link is back.
  const sent = alice.client.publish('bob', 'after the drop', { channelType: 'USER' });
  await expect(sent).resolves.toMatchObject({ channelName: 'bob' });
  await settle(alice, bob);
  expect(alice.log('linkState').slice(2)).toMatchObject([
    { currentState: 'DISCONNECTED', reasonCode: 'KEEP_ALIVE_TIMEOUT' },
    { currentState: 'CONNECTING', reasonCode: 'AUTO_RECONNECT' },
    { currentState: 'CONNECTED', reasonCode: 'RECONNECT_SUCCESS' },
  ]);
  expect(bob.log('message')).toMatchObject([{ message: 'after the drop', publisher: 'alice' }]);
});

test('bad frames for the rtm2 namespace get an error frame', async () => {
  const base = await server();
  const socket = new WebSocket(base.url);
  const frames: Array<Record<string, unknown>> = [];
  const waiting: Array<(frame: Record<string, unknown>) => void> = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  cleanups.push(() => socket.close());
  await new Promise((resolve) => socket.once('open', resolve));
  const next = () => (frames.length > 0 ? Promise.resolve(frames.shift()!) : new Promise<Record<string, unknown>>((resolve) => waiting.push(resolve)));
  let n = 0;
  const send = (frame: Record<string, unknown>) => socket.send(JSON.stringify({ v: 1, n: frame.t === 'hello' ? 0 : ++n, ack: 0, ...frame }));
  send({ t: 'hello', ns: 'rtm2' });
  expect(await next()).toMatchObject({ t: 'welcome', resumed: false });
  const errorOf = async (frame: Record<string, unknown>) => {
    send(frame);
    const answer = await next();
    expect(answer.t).toBe('error');
    return answer.message;
  };
  expect(await errorOf({ t: 'new', id: 1, handle: 'c1', kind: 'channel', of: 'c1', args: [] })).toBe('unknown object kind channel of the rtm2 namespace');
  expect(await errorOf({ t: 'call', id: 2, on: 'c1', method: 'login', args: [] })).toBe('no object c1');
  send({ t: 'new', id: 3, handle: 'c1', kind: 'client', args: [APP_ID, 'mallory'] });
  expect(await next()).toMatchObject({ t: 'result', id: 3, ok: true });
  expect(await errorOf({ t: 'call', id: 4, on: 'c1', method: 'setParameter', args: [] })).toBe('unknown method setParameter of a client');
  expect(await errorOf({ t: 'new', id: 5, handle: 'p1', kind: 'presence', of: 'zz', args: [] })).toBe('no client zz');
  expect(await errorOf({ t: 'set', on: 'c1', prop: 'token', value: 'x' })).toBe('the rtm2 namespace has no writable properties');
  expect(await errorOf({ t: 'call', id: 6, on: 'c1', method: 'login', args: [{ $nope: 1 }] })).toBe('arguments are not valid wire values');
  // A constructor the fake refuses is a failed result with the 2.x fields, not a crash.
  send({ t: 'new', id: 7, handle: 'c2', kind: 'client', args: ['short', 'mallory'] });
  expect(await next()).toMatchObject({ t: 'result', id: 7, ok: false, error: { name: 'RtmUnavailableError', code: -10003 } });
  expect(await errorOf({ t: 'hello', ns: 'rtm3' })).toBe('unknown namespace rtm3');
});

test('two legacy Web sessions chat over fromRtm2(connectFakeRtm2(url))', async () => {
  const base = await server();
  const alice = legacyUser(base.url, 'alice', 'rtm2');
  const bob = legacyUser(base.url, 'bob', 'rtm2');
  await Promise.all([alice.next('onLoginSuccess'), bob.next('onLoginSuccess')]);
  alice.session.messageInstantSend('bob', 'hello bob');
  await bob.next('message alice');
  bob.session.messageInstantSend('alice', 'hello alice');
  await alice.next('message bob');
  alice.session.logout();
  bob.session.logout();
  await Promise.all([alice.next('onLogout'), bob.next('onLogout')]);
  expect(alice.log).toEqual(['onLoginSuccess', 'message bob hello alice', 'onLogout 101']);
  expect(bob.log).toEqual(['onLoginSuccess', 'message alice hello bob', 'onLogout 101']);
  // Both logged in on the server's FakeRtm2 and each chat line was one USER-channel publish.
  expect(base.rtm2.stats()).toMatchObject({ login: 2, publish: 2 });
});
