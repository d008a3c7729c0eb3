import { describe, expect, it } from 'vitest';
import type { MessageCallback } from '../../src/legacy/server/callbacks';
import { onBackend } from '../support/harness';
import { MESSAGE_EVENTS, byOwner, serverWorld } from './serverHarness';

describe('Server p2p messages', () => {
  it('onMessageSendSuccess(session) for the sender, onMessageInstantReceive(session, account, 0, msg) for the peer', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', []);
    await w.login('bob', ['onMessageInstantReceive']);
    alice.messageInstantSend('bob', 'hi bob', w.recorder<MessageCallback>('sent', MESSAGE_EVENTS));
    await w.flush();
    expect(byOwner(w.take())).toEqual({
      sent: [['sent.onMessageSendSuccess', 'alice']],
      bob: [['bob.onMessageInstantReceive', 'bob', 'alice', 0, 'hi bob']],
    });
  });

  it('the ttl overload sends the same way; ttl has no effect and is said once', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', []);
    await w.login('bob', ['onMessageInstantReceive']);
    alice.messageInstantSend('bob', 'one', 60, w.recorder<MessageCallback>('sent', MESSAGE_EVENTS));
    alice.messageInstantSend('bob', 'two', 60, w.recorder<MessageCallback>('sent', MESSAGE_EVENTS));
    await w.flush();
    expect(byOwner(w.take())).toEqual({
      sent: [['sent.onMessageSendSuccess', 'alice'], ['sent.onMessageSendSuccess', 'alice']],
      bob: [
        ['bob.onMessageInstantReceive', 'bob', 'alice', 0, 'one'],
        ['bob.onMessageInstantReceive', 'bob', 'alice', 0, 'two'],
      ],
    });
    expect(w.logger.lines.filter(([level, m]) => level === 'warn' && m.includes('ttl'))).toHaveLength(1);
  });

  it('a logout answers every send in send order: those RTM took succeed, the held ones fail', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', []);
    await w.login('bob', []);
    w.take();
    for (let i = 0; i < 200; i++) alice.messageInstantSend('bob', `m${i}`, w.recorder<MessageCallback>(`m${i}`, MESSAGE_EVENTS));
    alice.logout();
    await w.flush();
    const taken = onBackend({ rtm1: 180, rtm2: 60 });
    const sends = w.take().filter(([name]) => /^m\d+\./.test(String(name)));
    expect(sends.map(([name]) => name)).toEqual(
      Array.from({ length: 200 }, (_, i) => `m${i}.${i < taken ? 'onMessageSendSuccess' : 'onMessageSendError'}`),
    );
  });

  it('a failure: onMessageSendError(session, ecode) with a MessageCallback, onError(session, ecode, reason) without', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', ['onError']);
    w.take();
    alice.messageInstantSend('bad/peer', 'x', w.recorder<MessageCallback>('sent', MESSAGE_EVENTS));
    await w.flush();
    w.rtm.failNext('sendMessageToPeer', 5);
    alice.messageInstantSend('bob', 'x');
    await w.flush();
    const events = w.take();
    expect(events.map((e) => e.slice(0, 3))).toEqual([
      ['sent.onMessageSendError', 'alice', 400],
      ['alice.onError', 'alice', 400],
    ]);
    expect(events[1]![3]).toMatch(/5/);
  });

  it('sending before login fails with onMessageSendError', async () => {
    const w = serverWorld();
    const session = w.name(w.signal.login('alice', '_no_need_token', {}), 'alice');
    session.messageInstantSend('bob', 'early', w.recorder<MessageCallback>('sent', MESSAGE_EVENTS));
    await w.flush();
    expect(w.take()).toEqual([['sent.onMessageSendError', 'alice', 400]]);
  });
});
