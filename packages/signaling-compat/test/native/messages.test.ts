import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { byOwner } from '../server/serverHarness';
import { bobInRoom, nativeWorld } from './nativeHarness';

const uid = accountUid;

describe('native messages', () => {
  it('messageInstantSend(account, uid, msg, msgID): onMessageSendSuccess(msgID); the peer onMessageInstantReceive(account, 0, msg)', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice');
    await w.login('bob');
    w.take();
    alice.messageInstantSend('bob', 0, 'hi bob', 'm1');
    alice.messageInstantSend2('bob', 0, 'again', 'm2', { offline: true });
    await w.flush();
    expect(byOwner(w.take())).toEqual({
      alice: [['alice.onMessageSendSuccess', 'm1'], ['alice.onMessageSendSuccess', 'm2']],
      bob: [['bob.onMessageInstantReceive', 'alice', 0, 'hi bob'], ['bob.onMessageInstantReceive', 'alice', 0, 'again']],
    });
  });

  it('a failed send: onMessageSendError(msgID, ecode); before login too', async () => {
    const w = nativeWorld();
    const early = w.instance('early');
    early.messageInstantSend('bob', 0, 'x', 'e1');
    await w.flush();
    expect(w.take()).toEqual([['early.onMessageSendError', 'e1', 400]]);
    const alice = await w.login('alice');
    w.take();
    w.rtm.failNext('sendMessageToPeer', 5);
    alice.messageInstantSend('bob', 0, 'x', 'm1');
    await w.flush();
    alice.messageInstantSend('bad/peer', 0, 'x', 'm2');
    await w.flush();
    expect(w.take()).toEqual([['alice.onMessageSendError', 'm1', 400], ['alice.onMessageSendError', 'm2', 400]]);
  });

  it('messageChannelSend(channelID, msg, msgID): members, the sender included, get onMessageChannelReceive', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    alice.channelJoin('room');
    bob.channelJoin('room');
    await w.flush();
    w.take();
    alice.messageChannelSend('room', 'hello', 'c1');
    alice.messageChannelSend('elsewhere', 'lost', 'c2');
    await w.flush();
    expect(byOwner(w.take())).toEqual({
      alice: [
        ['alice.onMessageSendError', 'c2', 400],
        ['alice.onMessageChannelReceive', 'room', 'alice', uid('alice'), 'hello'],
        ['alice.onMessageSendSuccess', 'c1'],
      ],
      bob: [['bob.onMessageChannelReceive', 'room', 'alice', uid('alice'), 'hello']],
    });
  });

  it('three sends in one tick, one JSON cannot carry: its error at once, then each other send\'s own copy and its success', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice');
    alice.channelJoin('room');
    await w.flush();
    w.take();
    const circular: { self?: unknown } = {};
    circular.self = circular;
    alice.messageChannelSend('room', 'one', 'c1');
    alice.messageChannelSend('room', circular, 'c2');
    alice.messageChannelSend('room', 'three', 'c3');
    expect(w.take()).toEqual([]);
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onMessageSendError', 'c2', 400],
      ['alice.onMessageChannelReceive', 'room', 'alice', uid('alice'), 'one'],
      ['alice.onMessageSendSuccess', 'c1'],
      ['alice.onMessageChannelReceive', 'room', 'alice', uid('alice'), 'three'],
      ['alice.onMessageSendSuccess', 'c3'],
    ]);
  });

  it('messageChannelSendForce: a brief join, the message, a leave — members see all three', async () => {
    const { w, carol } = await bobInRoom();
    carol.messageChannelSendForce('room', { cmd: 'ping' }, 'f1');
    await w.flush();
    expect(byOwner(w.take())).toEqual({
      bob: [
        ['bob.onChannelUserJoined', 'carol', uid('carol')],
        ['bob.onMessageChannelReceive', 'room', 'carol', uid('carol'), { cmd: 'ping' }],
        ['bob.onChannelUserLeaved', 'carol', uid('carol')],
      ],
      carol: [['carol.onMessageSendSuccess', 'f1']],
    });
  });

  it('messageChannelSendForce in a joined channel is a plain send (with the sender’s copy)', async () => {
    const w = nativeWorld();
    const bob = await w.login('bob');
    bob.channelJoin('room');
    await w.flush();
    w.take();
    w.rtm.resetStats();
    bob.messageChannelSendForce('room', 'hi', 'f1');
    await w.flush();
    expect(w.take()).toEqual([['bob.onMessageChannelReceive', 'room', 'bob', uid('bob'), 'hi'], ['bob.onMessageSendSuccess', 'f1']]);
    expect(w.rtm.stats()['channel.join'] ?? 0).toBe(0);
  });
});
