import { expect, test } from 'vitest';
import { serverWithChildren } from './serverWithChildren';

const server = serverWithChildren();

test('two Node processes log in through one server, chat, and complete a call', async () => {
  const bob = server.spawn('legacyUser.ts', ['callee', 'bob', 'alice']);
  await bob.line('onLoginSuccess');
  const alice = server.spawn('legacyUser.ts', ['caller', 'alice', 'bob']);
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
