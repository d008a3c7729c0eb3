import { describe, expect, it } from 'vitest';
import { FakeRtm } from '../../src/fake';
import { nameAndCode, rejection, thrown, Transcript } from '../contract/testKit';
import { APP_ID, setup } from './env';

describe('FakeRtm.flush() and advance()', () => {
  it('flush delivers what is due now and runs clock timers due now, without moving the clock', async () => {
    const { rtm, clock, login } = setup();
    const alice = await login('alice');
    const bob = await login('bob');
    const t = new Transcript();
    bob.on('MessageFromPeer', t.on('MessageFromPeer'));
    clock.setTimeout(t.on('timer due now'), 0);
    clock.setTimeout(t.on('timer due later'), 1);
    void alice.sendMessageToPeer({ text: 'hi' }, 'bob');
    const before = clock.now();
    await rtm.flush();
    expect(clock.now()).toBe(before);
    expect(t.entries.map(([label]) => label).sort()).toEqual(['MessageFromPeer', 'timer due now']);
  });

  it('works on the system clock too', async () => {
    const rtm = new FakeRtm();
    const alice = rtm.createInstance(APP_ID);
    const bob = rtm.createInstance(APP_ID);
    await alice.login({ uid: 'alice' });
    await bob.login({ uid: 'bob' });
    const t = new Transcript();
    bob.on('MessageFromPeer', t.on('MessageFromPeer'));
    void alice.sendMessageToPeer({ text: 'hi' }, 'bob');
    await rtm.flush();
    expect(t.entries).toEqual([['MessageFromPeer', { text: 'hi', messageType: 'TEXT' }, 'alice', expect.anything()]]);
    await expect(rtm.advance(10)).rejects.toThrow(/needs a ManualClock/);
    await alice.logout();
    await bob.logout();
  });

  it('never delivers inside the sender’s call', async () => {
    const { rtm, login } = setup();
    const alice = await login('alice');
    const bob = await login('bob');
    const t = new Transcript();
    bob.on('MessageFromPeer', t.on('MessageFromPeer')).on('RemoteInvitationReceived', t.on('invite'));
    const room = bob.createChannel('room');
    room.on('ChannelMessage', t.on('ChannelMessage')).on('MemberJoined', t.on('MemberJoined'));
    await room.join();
    const aliceRoom = alice.createChannel('room');
    void aliceRoom.join();
    void alice.sendMessageToPeer({ text: 'hi' }, 'bob');
    alice.createLocalInvitation('bob').send();
    expect(t.entries).toEqual([]);
    await rtm.flush();
    void aliceRoom.sendMessage({ text: 'all' });
    expect(t.entries.map(([label]) => label)).toEqual(['MemberJoined', 'MessageFromPeer', 'invite']);
    await rtm.flush();
    expect(t.entries.map(([label]) => label).at(-1)).toBe('ChannelMessage');
  });
});

describe('FakeRtm.stats()', () => {
  it('counts every RTM call by method name, failed calls included, and resets', async () => {
    const { rtm, login } = setup();
    const alice = await login('alice');
    await login('bob');
    await alice.sendMessageToPeer({ text: 'a' }, 'bob');
    await rejection(alice.sendMessageToPeer({ text: 'a' }, 'a/b'));
    const room = alice.createChannel('room');
    await room.join();
    await room.getMembers();
    alice.createLocalInvitation('bob').send();
    expect(rtm.stats()).toEqual({
      login: 2,
      sendMessageToPeer: 2,
      createChannel: 1,
      'channel.join': 1,
      'channel.getMembers': 1,
      createLocalInvitation: 1,
      'invitation.send': 1,
    });
    rtm.resetStats();
    await room.leave();
    expect(rtm.stats()).toEqual({ 'channel.leave': 1 });
  });
});

describe('FakeRtm.failNext()', () => {
  it('fails the next login with the SDK’s class and drives DISCONNECTED/LOGIN_FAILURE', async () => {
    const { rtm } = setup();
    const client = rtm.createInstance(APP_ID);
    const t = new Transcript();
    client.on('ConnectionStateChanged', t.on('state'));
    rtm.failNext('login', 5);
    expect(await rejection(client.login({ uid: 'alice' }))).toEqual({
      name: 'RtmUnauthenticatedError',
      code: 5,
      message: ' Error Code 5 - Failure injected by FakeRtm.failNext("login").',
    });
    rtm.failNext('login', 9);
    await rtm.advance(500);
    expect(nameAndCode(await rejection(client.login({ uid: 'alice' })))).toEqual(['RtmTimeoutError', 9]);
    await rtm.advance(500);
    await client.login({ uid: 'alice' });
    expect(t.entries).toEqual([
      ['state', 'CONNECTING', 'LOGIN'],
      ['state', 'DISCONNECTED', 'LOGIN_FAILURE'],
      ['state', 'CONNECTING', 'LOGIN'],
      ['state', 'DISCONNECTED', 'LOGIN_TIMEOUT'],
      ['state', 'CONNECTING', 'LOGIN'],
      ['state', 'CONNECTED', 'LOGIN_SUCCESS'],
    ]);
  });

  it('queues failures, waits for a call that passes the client-side checks, and takes a custom name', async () => {
    const { rtm, login } = setup();
    const alice = await login('alice');
    const bob = await login('bob');
    const t = new Transcript();
    bob.on('MessageFromPeer', t.on('MessageFromPeer'));
    rtm.failNext('sendMessageToPeer', 1);
    rtm.failNext('sendMessageToPeer', 2, 'RtmUnknownError');
    expect(nameAndCode(await rejection(alice.sendMessageToPeer({ text: 'x' }, 'a/b')))).toEqual([
      'RtmInvalidArgumentError',
      6,
    ]);
    expect(nameAndCode(await rejection(alice.sendMessageToPeer({ text: 'x' }, 'bob')))).toEqual(['RtmUnavailableError', 1]);
    expect(nameAndCode(await rejection(alice.sendMessageToPeer({ text: 'x' }, 'bob')))).toEqual(['RtmUnknownError', 2]);
    await rtm.flush();
    expect(t.entries).toEqual([]);
    expect(await alice.sendMessageToPeer({ text: 'x' }, 'bob')).toEqual({ hasPeerReceived: true });
  });

  it('throws from synchronous methods and leaves their state alone', async () => {
    const { rtm, login } = setup();
    const alice = await login('alice');
    rtm.failNext('createChannel', 1);
    expect(nameAndCode(thrown(() => alice.createChannel('room')))).toEqual(['RtmInvalidArgumentError', 1]);
    rtm.failNext('invitation.send', 3);
    const call = alice.createLocalInvitation('bob');
    expect(nameAndCode(thrown(() => call.send()))).toEqual(['RtmInvalidStatusError', 3]);
    expect(call.state).toBe('IDLE');
    call.send();
    expect(call.state).toBe('SENT_TO_REMOTE');
  });

  it('a failed join leaves the channel LEFT and its ID taken until the next login, as in the SDK', async () => {
    const { rtm, login } = setup();
    const alice = await login('alice');
    const room = alice.createChannel('room');
    rtm.failNext('channel.join', 1);
    expect(nameAndCode(await rejection(room.join()))).toEqual(['RtmUnavailableError', 1]);
    expect(room.joinState).toBe('LEFT');
    expect(nameAndCode(await rejection(room.join()))).toEqual(['RtmInvalidStatusError', 202]);
    expect(nameAndCode(await rejection(alice.createChannel('room').join()))).toEqual(['RtmInvalidStatusError', 202]);
    await alice.logout();
    await rtm.advance(500);
    await alice.login({ uid: 'alice' });
    await room.join();
    expect(room.joinState).toBe('JOINED');
  });
});

describe('FakeRtm.kick() / expireToken()', () => {
  it('kick defaults to REMOTE_LOGIN and refuses unknown users or reasons', async () => {
    const { rtm, login } = setup();
    const alice = await login('alice');
    const t = new Transcript();
    alice.on('ConnectionStateChanged', t.on('state'));
    rtm.kick('alice');
    await rtm.flush();
    expect(t.entries).toEqual([['state', 'ABORTED', 'REMOTE_LOGIN']]);
    expect(alice.connectionState).toBe('ABORTED');
    expect(() => rtm.kick('nobody')).toThrow(/no logged-in session for user "nobody"/);
    expect(() => rtm.expireToken('nobody')).toThrow(/no logged-in session/);
    expect(() => rtm.kick('alice', 'TOKEN_EXPIRED' as never)).toThrow(/reason/);
  });
});

describe('getChannelMemberCount feeds MemberCountUpdated', () => {
  it('corrects a count whose notices were lost while disconnected', async () => {
    const { rtm, login } = setup();
    const alice = await login('alice');
    const room = alice.createChannel('room');
    const t = new Transcript();
    room.on('MemberCountUpdated', t.on('count'));
    await room.join();
    await rtm.advance(1_000);
    rtm.disconnect('alice');
    await rtm.flush();
    await (await login('bob')).createChannel('room').join();
    rtm.reconnect('alice');
    await rtm.advance(1_000);
    expect(room.memberCount).toBe(1);
    expect(await alice.getChannelMemberCount(['room'])).toEqual({ room: 2 });
    await rtm.flush();
    expect(t.entries).toEqual([
      ['count', 1],
      ['count', 2],
    ]);
  });
});
