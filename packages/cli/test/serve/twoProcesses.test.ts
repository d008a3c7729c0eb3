import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeRtmServer, startFakeRtmServer } from '../../src/serve/index';
import { Child } from './childProcess';

let server: FakeRtmServer;
const children: Child[] = [];

beforeAll(async () => {
  server = await startFakeRtmServer();
});

afterAll(async () => {
  for (const child of children) child.kill();
  await server.close();
});

test('two Node processes log in through one server, chat, and complete a call', async () => {
  const bob = new Child('legacyUser.ts', [server.url, 'callee', 'bob', 'alice']);
  children.push(bob);
  await bob.line('onLoginSuccess');
  const alice = new Child('legacyUser.ts', [server.url, 'caller', 'alice', 'bob']);
  children.push(alice);
  // Each process exits by itself after its logout: nothing of the link outlives it.
  expect(await Promise.all([alice.exited, bob.exited])).toEqual([0, 0]);
  expect(alice.lines).toEqual([
    'onLoginSuccess',
    'onMessageInstantReceive bob hello alice',
    'onInviteReceivedByPeer',
    'onInviteAcceptedByPeer ok',
    'onInviteEndByMyself',
    'onLogout 101',
  ]);
  expect(bob.lines).toEqual([
    'onLoginSuccess',
    'onMessageInstantReceive alice hello bob',
    'onInviteReceived alice call-room {"type":"video"}',
    'onInviteEndByPeer',
    'onLogout 101',
  ]);
  expect(alice.stderr + bob.stderr).toBe('');
}, 60_000);
