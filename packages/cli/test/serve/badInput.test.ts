import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { connectFakeRtm, fakeRtmWire } from 'signaling-compat/fake';
import type { RtmMessage } from 'signaling-compat';
import { type FakeRtmServer, startFakeRtmServer } from '../../src/serve/index';

const APP_ID = '0123456789abcdef0123456789abcdef';
let server: FakeRtmServer;

beforeAll(async () => {
  server = await startFakeRtmServer();
});

afterAll(async () => {
  await server.close();
});

/** A raw socket to the server, reading its frames in order. */
async function rawSocket(): Promise<{ socket: WebSocket; next(): Promise<Record<string, unknown>>; closed: Promise<number> }> {
  const socket = new WebSocket(server.url);
  const frames: Record<string, unknown>[] = [];
  const waiting: Array<(frame: Record<string, unknown>) => void> = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve) => socket.once('open', resolve));
  return {
    socket,
    closed,
    next: () => {
      const frame = frames.shift();
      return frame ? Promise.resolve(frame) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** Two connectFakeRtm users in a channel, to show that abuse elsewhere never reaches them. */
async function bystanders() {
  const rtm = connectFakeRtm(server.url, { WebSocket });
  const [carol, dave] = [rtm.createInstance(APP_ID), rtm.createInstance(APP_ID)];
  await carol.login({ uid: 'carol' });
  await dave.login({ uid: 'dave' });
  const received: Array<[RtmMessage, string]> = [];
  dave.on('MessageFromPeer', (message, from) => received.push([message, from]));
  return { rtm, carol, dave, received };
}

test('bad frames get an error frame; the connection, the server and other clients carry on', async () => {
  const { rtm, carol, dave, received } = await bystanders();
  const { socket, next } = await rawSocket();
  const errorOf = async (text: string) => {
    socket.send(text);
    const frame = await next();
    expect(frame.t, text.slice(0, 60)).toBe('error');
    return frame.message;
  };
  expect(await errorOf('not json')).toBe('frame is not JSON');
  expect(await errorOf('[1,2]')).toBe('frame is not a JSON object');
  expect(await errorOf('{"v":99,"t":"hello","n":0,"ack":0,"ns":"rtm1"}')).toBe('unsupported wire version 99');
  expect(await errorOf('{"v":1,"t":"call","n":1,"ack":0,"id":1,"on":"c1","method":"login","args":[]}')).toBe(
    'the first frame must be hello',
  );
  socket.send(JSON.stringify({ v: 1, t: 'hello', n: 0, ack: 0, ns: 'rtm1' }));
  expect((await next()).t).toBe('welcome');
  expect(await errorOf('{"v":1,"t":"hello","n":0,"ack":0,"ns":"rtm9"}')).toBe('unknown namespace rtm9');
  expect(await errorOf('{"v":1,"t":"teleport","n":1,"ack":0}')).toBe('unknown frame type teleport');
  expect(await errorOf('{"v":1,"t":"call","n":1,"ack":0,"id":7,"on":"nobody","method":"login","args":[]}')).toBe(
    'no object nobody',
  );
  socket.send(JSON.stringify({ v: 1, t: 'new', n: 2, ack: 0, id: 8, handle: 'x1', kind: 'client', args: [APP_ID] }));
  expect(await next()).toMatchObject({ t: 'result', id: 8, ok: true });
  expect(await errorOf('{"v":1,"t":"call","n":3,"ack":0,"id":9,"on":"x1","method":"constructor","args":[]}')).toBe(
    'unknown method constructor of a client',
  );
  expect(await errorOf('{"v":1,"t":"call","n":4,"ack":0,"id":10,"on":"x1","method":"login","args":[{"$bytes":"!!"}]}')).toBe(
    'arguments are not valid wire values',
  );
  expect(await errorOf('{"v":1,"t":"set","n":5,"ack":0,"on":"x1","prop":"appId","value":"x"}')).toBe(
    'appId of a client is not writable',
  );
  // A frame over the wire bound but under the socket library's: refused, the socket stays open.
  const huge = JSON.stringify({ v: 1, t: 'ping', n: 6, ack: 0, id: 11, pad: 'x'.repeat(fakeRtmWire.MAX_FRAME_BYTES) });
  expect(await errorOf(huge)).toBe(`frame exceeds ${fakeRtmWire.MAX_FRAME_BYTES} bytes`);
  socket.send(Buffer.from([1, 2, 3]));
  expect((await next()).message).toBe('frames must be text');
  // Still the same session, still answering.
  socket.send(JSON.stringify({ v: 1, t: 'call', n: 7, ack: 0, id: 12, on: 'x1', method: 'login', args: [{ uid: 'mallory' }] }));
  const events = [await next(), await next(), await next()];
  expect(events.map((frame) => [frame.t, frame.event ?? frame.ok])).toEqual([
    ['event', 'ConnectionStateChanged'],
    ['event', 'ConnectionStateChanged'],
    ['result', true],
  ]);

  expect(await carol.sendMessageToPeer({ text: 'still here' }, 'dave')).toEqual({ hasPeerReceived: true });
  await rtm.flush();
  expect(received).toEqual([[{ text: 'still here', messageType: 'TEXT' }, 'carol']]);
  socket.close();
  await carol.logout();
  await dave.logout();
});

test('a frame beyond the socket bound closes only that socket', async () => {
  const { rtm, carol, received } = await bystanders();
  const { socket, closed } = await rawSocket();
  socket.send('x'.repeat(5 * fakeRtmWire.MAX_FRAME_BYTES));
  expect(await closed).toBe(1009);
  expect(await carol.sendMessageToPeer({ text: 'unaffected' }, 'dave')).toEqual({ hasPeerReceived: true });
  await rtm.flush();
  expect(received.map(([message]) => message)).toEqual([{ text: 'unaffected', messageType: 'TEXT' }]);
  const response = await fetch(server.controlUrl.replace('/control', '/'));
  expect(await response.json()).toMatchObject({ wire: fakeRtmWire.WIRE_VERSION });
});

test('bad control requests get a 4xx answer and change nothing', async () => {
  const post = async (name: string, body: unknown) => {
    const response = await fetch(`${server.controlUrl}/${name}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
    return [response.status, ((await response.json()) as { error?: string }).error];
  };
  expect(await post('selfDestruct', {})).toEqual([400, 'unknown control "selfDestruct"']);
  expect(await post('kick', '{oops')).toEqual([400, expect.stringContaining('JSON')]);
  expect(await post('kick', { uid: 42 })).toEqual([400, '"uid" must be a string']);
  expect(await post('kick', { uid: 'nobody' })).toEqual([409, 'FakeRtm.kick(): no logged-in session for user "nobody"']);
  expect(await post('failNext', { method: 'invitation.send', code: 1 })).toEqual([
    400,
    'failNext("invitation.send") is not available over the wire: that call is synchronous in the app',
  ]);
  const get = await fetch(`${server.controlUrl}/stats`);
  expect(get.status).toBe(405);
});

test('peer data shaped like the wire’s own markers arrives as the peer wrote it', async () => {
  const { rtm, carol, dave } = await bystanders();
  await carol.setLocalUserAttributes({ $bytes: 'AAAA', $undefined: 'true' });
  expect(await dave.getUserAttributes('carol')).toEqual({ $bytes: 'AAAA', $undefined: 'true' });
  const room = dave.createChannel('room');
  await room.join();
  const updates: unknown[] = [];
  room.on('AttributesUpdated', (attributes) => updates.push(Object.keys(attributes)));
  await carol.setChannelAttributes('room', { $bytes: 'x' }, { enableNotificationToChannelMembers: true });
  await rtm.flush();
  expect(updates).toEqual([['$bytes']]);
  await carol.logout();
  await dave.logout();
});
