import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { onBackend, world } from '../support/harness';

describe('Web p2p messages', () => {
  it('delivers both ways with onMessageInstantReceive(account, 0, msg) and cb(false) on success', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    w.take();
    alice.messageInstantSend('bob', 'hi bob', (failed: boolean) => w.transcript.push(['alice.cb', failed]));
    bob.messageInstantSend('alice', 'hi alice', (failed: boolean) => w.transcript.push(['bob.cb', failed]));
    await w.flush();
    // The server pushes each message to its receiver as it acks the sender: both arrive before either ack.
    expect(w.take()).toEqual([
      ['bob.onMessageInstantReceive', 'alice', 0, 'hi bob'],
      ['alice.onMessageInstantReceive', 'bob', 0, 'hi alice'],
      ['alice.cb', false],
      ['bob.cb', false],
    ]);
  });

  it('objects arrive as objects; numbers and arrays too', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    w.take();
    alice.messageInstantSend('bob', { cmd: 'grab', x: 1 });
    alice.messageInstantSend('bob', [1, 'two']);
    alice.messageInstantSend('bob', 42);
    await w.flush();
    expect(w.take()).toEqual([
      ['bob.onMessageInstantReceive', 'alice', 0, { cmd: 'grab', x: 1 }],
      ['bob.onMessageInstantReceive', 'alice', 0, [1, 'two']],
      ['bob.onMessageInstantReceive', 'alice', 0, 42],
    ]);
  });

  it('a message to an offline peer succeeds (the server took it) and is not delivered later', async () => {
    const w = world();
    const alice = await w.login('alice');
    w.take();
    alice.messageInstantSend('bob', 'anyone?', (failed: boolean) => w.transcript.push(['cb', failed]));
    await w.flush();
    await w.login('bob');
    expect(w.take()).toEqual([['cb', false], ['bob.onLoginSuccess', accountUid('bob')]]);
  });

  it("with peerMessageSuccess: 'delivered', an offline peer fails the send: cb(true)", async () => {
    const w = world({ peerMessageSuccess: 'delivered' });
    const alice = await w.login('alice');
    w.take();
    alice.messageInstantSend('bob', 'anyone?', (failed: boolean) => w.transcript.push(['cb', failed]));
    await w.flush();
    expect(w.take()).toEqual([['cb', true]]);
  });

  it('a text that looks like an RTM end-call message arrives as that text, not as a control message', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    w.take();
    const text = 'AgoraRTMLegacyEndcallCompatibleMessagePrefix_room_x';
    alice.messageInstantSend('bob', text);
    await w.flush();
    expect(w.take()).toEqual([['bob.onMessageInstantReceive', 'alice', 0, text]]);
  });

  it('paces a burst over RTM’s 180 per 3 s: all 400 delivered in order, none failed', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    w.take();
    const got: unknown[] = [];
    bob.onMessageInstantReceive = (_a: string, _u: number, msg: unknown) => got.push(msg);
    const failures: boolean[] = [];
    for (let i = 0; i < 400; i++) alice.messageInstantSend('bob', `m${i}`, (f: boolean) => f && failures.push(f));
    await w.flush();
    // 2.x allows 60 publishes per second (docs/reference/rtm2-web-sdk.md §2.14): the adapter holds
    // the rest of the first 180 for the next seconds instead of failing them.
    expect(got).toHaveLength(onBackend({ rtm1: 180, rtm2: 60 }));
    await w.advance(3000);
    await w.advance(3000);
    expect(got).toEqual(Array.from({ length: 400 }, (_, i) => `m${i}`));
    expect(failures).toEqual([]);
  });

  it('a logout answers every send once, in send order: those RTM took as RTM answers them, then the held ones failed', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    w.take();
    let received = 0;
    bob.onMessageInstantReceive = () => received++;
    const answers: Array<[number, boolean]> = [];
    for (let i = 0; i < 200; i++) alice.messageInstantSend('bob', `m${i}`, (failed: boolean) => answers.push([i, failed]));
    alice.logout();
    await w.flush();
    // RTM takes 180 at once (2.x: 60 per second, the adapter holding the rest); the shim holds the rest.
    const taken = onBackend({ rtm1: 180, rtm2: 60 });
    expect(answers).toEqual(Array.from({ length: 200 }, (_, i) => [i, i >= taken]));
    expect(received).toBe(taken);
  });

  it('messages sent during a drop are held and delivered after the reconnect', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    w.take();
    w.rtm.disconnect('alice');
    await w.flush();
    alice.messageInstantSend('bob', 'during the drop', (f: boolean) => w.transcript.push(['cb', f]));
    await w.advance(1000);
    w.rtm.reconnect('alice');
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onLoginSuccess', accountUid('alice')],
      ['bob.onMessageInstantReceive', 'alice', 0, 'during the drop'],
      ['cb', false],
    ]);
  });

  it('before login, the send fails through cb(true) without throwing', async () => {
    const w = world();
    const session = w.signal.login('alice', '');
    const t: boolean[] = [];
    session.messageInstantSend('bob', 'too early', (f: boolean) => t.push(f));
    await w.flush();
    expect(t).toEqual([true]);
  });
});

