import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import type { ChannelCallback, MessageCallback } from '../../src/legacy/server/callbacks';
import type { LoginSession } from '../../src/legacy/server/LoginSession';
import { BACKEND, rtmToken } from '../support/harness';
import { CHANNEL_EVENTS, MESSAGE_EVENTS, serverWorld } from './serverHarness';

const uid = accountUid;

type World = ReturnType<typeof serverWorld>;

async function join(w: World, session: LoginSession, name: string, label: string) {
  const channel = w.name(session.channelJoin(name, w.recorder<ChannelCallback>(label, CHANNEL_EVENTS)), label);
  await w.flush();
  return channel;
}

describe('Server channels', () => {
  it('join: onChannelJoined → onChannelUserList(users, uids) (self included) → one onChannelAttrUpdated per attribute', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', []);
    const { session: bob } = await w.login('bob', []);
    const a = await join(w, alice, 'room', 'a');
    a.channelSetAttr('topic', 'cats');
    await w.flush();
    w.take();
    const b = bob.channelJoin('room', w.recorder<ChannelCallback>('b', CHANNEL_EVENTS));
    w.name(b, 'b');
    expect(b.getName()).toBe('room');
    await w.flush();
    expect(w.take()).toEqual([
      ['a.onChannelUserJoined', 'alice', 'a', 'bob', uid('bob')],
      ['b.onChannelJoined', 'bob', 'b'],
      ['b.onChannelUserList', 'bob', 'b', ['alice', 'bob'], [uid('alice'), uid('bob')]],
      ['b.onChannelAttrUpdated', 'bob', 'b', 'topic', 'cats', 'update'],
    ]);
  });

  it('leave: onChannelLeaved(session, channel, 0); the others get onChannelUserLeaved', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', []);
    const { session: bob } = await w.login('bob', []);
    await join(w, alice, 'room', 'a');
    const b = await join(w, bob, 'room', 'b');
    w.take();
    b.channelLeave();
    expect(w.take()).toEqual([]);
    await w.flush();
    // Two clients: only the order within each one is defined.
    expect(w.take().sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      ['a.onChannelUserLeaved', 'alice', 'a', 'bob', uid('bob')],
      ['b.onChannelLeaved', 'bob', 'b', 0],
    ]);
  });

  it('joining another channel leaves the old one first (one channel at a time)', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice', []);
    await join(w, session, 'one', 'one');
    w.take();
    await join(w, session, 'two', 'two');
    expect(w.take()).toEqual([
      ['one.onChannelLeaved', 'alice', 'one', 0],
      ['two.onChannelJoined', 'alice', 'two'],
      ['two.onChannelUserList', 'alice', 'two', ['alice'], [uid('alice')]],
    ]);
  });

  it('without a ChannelCallback the channel events go to the LoginCallback', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice');
    const channel = w.name(session.channelJoin('room'), 'room');
    await w.flush();
    channel.channelLeave();
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onLoginSuccess', 'alice', uid('alice')],
      ['alice.onChannelJoined', 'alice', 'room'],
      ['alice.onChannelLeaved', 'alice', 'room', 0],
    ]);
  });

  it('special channels and joins before login fail with numeric codes; special ones warn once', async () => {
    const w = serverWorld();
    const early = w.name(w.signal.login('alice', '_no_need_token', {}), 'alice');
    const pending = w.name(early.channelJoin('room', w.recorder<ChannelCallback>('early', CHANNEL_EVENTS)), 'early');
    expect(pending.getName()).toBe('room');
    await w.flush();
    await join(w, early, '__agora_user_online', 'special');
    expect(w.take()).toEqual([
      ['early.onChannelJoinFailed', 'alice', 'early', 1003],
      ['special.onChannelJoinFailed', 'alice', 'special', 300],
    ]);
    expect(w.logger.lines.filter(([level, m]) => level === 'warn' && m.includes('__agora_user_online'))).toHaveLength(1);
  });

  it('channelClearAttr() after channelLeave() does not throw (U12)', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice');
    const channel = await join(w, session, 'room', 'room');
    channel.channelLeave();
    expect(() => channel.channelClearAttr()).not.toThrow();
    await w.flush();
    expect(w.logger.lines.filter(([level]) => level === 'error')).toEqual([]);
  });
});

describe('Server channel attributes', () => {
  it('set/del/clear reach every member, the setter once, as (session, channel, name, value, type)', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', []);
    const { session: bob } = await w.login('bob', []);
    const a = await join(w, alice, 'room', 'a');
    await join(w, bob, 'room', 'b');
    a.channelSetAttr('keep', '0');
    await w.flush();
    w.take();
    a.channelSetAttr('k', 'v');
    await w.flush();
    a.channelDelAttr('k');
    await w.flush();
    a.channelSetAttr('x', '1');
    await w.flush();
    a.channelClearAttr();
    await w.flush();
    const events = w.take();
    expect(events.filter((e) => String(e[0]).startsWith('a.'))).toEqual([
      ['a.onChannelAttrUpdated', 'alice', 'a', 'k', 'v', 'update'],
      ['a.onChannelAttrUpdated', 'alice', 'a', 'k', 'v', 'del'],
      ['a.onChannelAttrUpdated', 'alice', 'a', 'x', '1', 'update'],
      ['a.onChannelAttrUpdated', 'alice', 'a', '', '', 'clear'],
    ]);
    expect(events.filter((e) => String(e[0]).startsWith('b.'))).toEqual([
      ['b.onChannelAttrUpdated', 'bob', 'b', 'k', 'v', 'update'],
      ['b.onChannelAttrUpdated', 'bob', 'b', 'k', 'v', 'del'],
      ['b.onChannelAttrUpdated', 'bob', 'b', 'x', '1', 'update'],
      ['b.onChannelAttrUpdated', 'bob', 'b', '', '', 'clear'],
    ]);
  });

  it('a failed update, having no callback of its own, fires onError(session, ecode, reason)', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice', ['onError']);
    const channel = await join(w, session, 'room', 'room');
    w.take();
    channel.channelSetAttr('k'.repeat(33), 'v');
    await w.flush();
    w.rtm.failNext('addOrUpdateChannelAttributes', 102);
    channel.channelSetAttr('ok', 'v');
    await w.flush();
    const events = w.take();
    expect(events.map((e) => e.slice(0, 3))).toEqual([
      ['alice.onError', 'alice', 1004],
      ['alice.onError', 'alice', 1001],
    ]);
    expect(events[0]![3]).toMatch(/1–32 bytes/);
    expect(events[1]![3]).toMatch(/102/);
  });
});

describe('Server channel messages', () => {
  it('every member, the sender included, gets onMessageChannelReceive; the MessageCallback gets the result', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', []);
    const { session: bob } = await w.login('bob', []);
    const a = await join(w, alice, 'room', 'a');
    await join(w, bob, 'room', 'b');
    w.take();
    a.messageChannelSend('hello', w.recorder<MessageCallback>('sent', MESSAGE_EVENTS));
    await w.flush();
    expect(w.take()).toEqual([
      ['b.onMessageChannelReceive', 'bob', 'b', 'alice', uid('alice'), 'hello'],
      ['a.onMessageChannelReceive', 'alice', 'a', 'alice', uid('alice'), 'hello'],
      ['sent.onMessageSendSuccess', 'alice'],
    ]);
  });

  it('three sends in one tick, the second one JSON cannot carry: its error at once, then each other send\'s own copy and its success', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', []);
    const a = await join(w, alice, 'room', 'a');
    w.take();
    const circular: { self?: unknown } = {};
    circular.self = circular;
    a.messageChannelSend('hello', w.recorder<MessageCallback>('one', MESSAGE_EVENTS));
    a.messageChannelSend(circular, w.recorder<MessageCallback>('two', MESSAGE_EVENTS));
    a.messageChannelSend('again', w.recorder<MessageCallback>('three', MESSAGE_EVENTS));
    expect(w.take()).toEqual([]);
    await w.flush();
    // Each send's result comes right after the sender's own copy of it.
    expect(w.take()).toEqual([
      ['two.onMessageSendError', 'alice', 400],
      ['a.onMessageChannelReceive', 'alice', 'a', 'alice', uid('alice'), 'hello'],
      ['one.onMessageSendSuccess', 'alice'],
      ['a.onMessageChannelReceive', 'alice', 'a', 'alice', uid('alice'), 'again'],
      ['three.onMessageSendSuccess', 'alice'],
    ]);
  });

  it('a failed send: onMessageSendError(session, ecode) with a callback, onError without', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice', ['onError']);
    const channel = await join(w, session, 'room', 'room');
    w.take();
    w.rtm.failNext('channel.sendMessage', 5);
    channel.messageChannelSend('one', w.recorder<MessageCallback>('sent', MESSAGE_EVENTS));
    await w.flush();
    w.rtm.failNext('channel.sendMessage', 5);
    channel.messageChannelSend('two');
    await w.flush();
    const events = w.take();
    expect(events.map((e) => e.slice(0, 3))).toEqual([
      ['sent.onMessageSendError', 'alice', 400],
      ['alice.onError', 'alice', 400],
    ]);
  });
});

/**
 * A join of `room` that RTM fails (`first.*`), then the app's retry (`again.*`), which on RTM 1.x
 * waits for the silent re-login (RTM's login spacing) that clears the failed join.
 */
async function retryWaitingForRelogin(w: World, alice: LoginSession): Promise<void> {
  w.rtm.failNext('channel.join', 1);
  await join(w, alice, 'room', 'first');
  await join(w, alice, 'room', 'again');
  await w.advance(200);
}

describe('Server channelJoin after onChannelJoinFailed', () => {
  it('gets in, with onChannelJoined and onChannelUserList only: RTM 1.x keeps a failed join\'s ID, so the client logs in again unseen', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice');
    w.take();
    w.rtm.failNext('channel.join', 1);
    await join(w, alice, 'room', 'first');
    expect(w.take()).toEqual([['first.onChannelJoinFailed', 'alice', 'first', 300]]);
    await join(w, alice, 'room', 'again');
    // RTM takes a login at most every 500 ms.
    await w.advance(500);
    expect(w.take()).toEqual([
      ['again.onChannelJoined', 'alice', 'again'],
      ['again.onChannelUserList', 'alice', 'again', ['alice'], [uid('alice')]],
    ]);
    expect(alice.getStatus()).toBe(2);
  });

  it.skipIf(BACKEND === 'rtm2')('a kick while the client logs in again unseen: the retry fails, then onLogout(session, 103), and no login after it', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice');
    w.take();
    await retryWaitingForRelogin(w, alice);
    const logins = w.rtm.stats()['login'] ?? 0;
    w.rtm.kick('alice');
    await w.advance(2000);
    // The pending retry is answered before the session's end, as every join under way at a logout.
    expect(w.take()).toEqual([
      ['first.onChannelJoinFailed', 'alice', 'first', 300],
      ['again.onChannelJoinFailed', 'alice', 'again', 300],
      ['alice.onLogout', 'alice', 103],
    ]);
    expect(w.rtm.stats()['login'] ?? 0).toBe(logins);
  });

  it.skipIf(BACKEND === 'rtm2')('a token expiry while the client logs in again unseen, with a tokenProvider: one onLoginSuccess, then the retried join', async () => {
    let n = 0;
    const w = serverWorld({ tokenProvider: async (account) => rtmToken(account, ++n) });
    const { session: alice } = await w.login('alice');
    w.take();
    await retryWaitingForRelogin(w, alice);
    w.rtm.expireToken('alice');
    await w.advance(2000);
    expect(w.take()).toEqual([
      ['first.onChannelJoinFailed', 'alice', 'first', 300],
      ['alice.onLoginSuccess', 'alice', uid('alice')],
      ['again.onChannelJoined', 'alice', 'again'],
      ['again.onChannelUserList', 'alice', 'again', ['alice'], [uid('alice')]],
    ]);
    expect(alice.getStatus()).toBe(2);
  });
});
