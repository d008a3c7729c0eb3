import { describe, expect, it } from 'vitest';
import { accountUid as uid } from '../../src/core/ids';
import { CHANNEL_CALLBACKS, watch, world } from '../support/harness';

/**
 * Every way a Web send can end reaches its callback exactly once, asynchronously, in send order:
 * the core tells the dialect each result directly (`SendNotice`), so each path is checked here as
 * a whole transcript.
 */
describe('Web send callbacks on every path', () => {
  const circular = (): unknown => {
    const value: { self?: unknown } = {};
    value.self = value;
    return value;
  };

  it('messageChannelSend: sent, not encodable, and sent again, each cb() after its own copy, in order', async () => {
    const w = world();
    const alice = await w.login('alice');
    const room = alice.channelJoin('room')!;
    room.onMessageChannelReceive = (...args: unknown[]) => w.transcript.push(['room.onMessageChannelReceive', ...args]);
    await w.flush();
    w.take();
    room.messageChannelSend('one', () => w.transcript.push(['cb', 'one']));
    room.messageChannelSend(circular(), () => w.transcript.push(['cb', 'circular']));
    room.messageChannelSend('two', () => w.transcript.push(['cb', 'two']));
    // Asynchronous, as legacy: nothing runs inside the call.
    expect(w.take()).toEqual([]);
    await w.flush();
    expect(w.take()).toEqual([
      // The payload JSON cannot carry fails at once; the others follow RTM's answers.
      ['cb', 'circular'],
      ['room.onMessageChannelReceive', 'alice', uid('alice'), 'one'],
      ['cb', 'one'],
      ['room.onMessageChannelReceive', 'alice', uid('alice'), 'two'],
      ['cb', 'two'],
    ]);
  });

  it('messageChannelSend on a channel the app left: cb() once, nothing delivered', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const room = alice.channelJoin('room')!;
    const bobRoom = bob.channelJoin('room')!;
    bobRoom.onMessageChannelReceive = (...args: unknown[]) => w.transcript.push(['bob.onMessageChannelReceive', ...args]);
    await w.flush();
    w.take();
    room.channelLeave(() => w.transcript.push(['left']));
    room.messageChannelSend('too late', () => w.transcript.push(['cb']));
    await w.flush();
    expect(w.take().filter((e) => e[0] !== 'bob.onChannelUserLeaved')).toEqual([['cb'], ['left']]);
  });

  it('channel sends held during a drop, then a logout: each cb() once, in send order, before onLogout', async () => {
    const w = world();
    const alice = await w.login('alice');
    const room = alice.channelJoin('room')!;
    await w.flush();
    w.take();
    w.rtm.disconnect('alice');
    await w.flush();
    for (const n of [1, 2, 3]) room.messageChannelSend(`m${n}`, () => w.transcript.push(['cb', n]));
    alice.logout();
    await w.flush();
    const t = w.take();
    expect(t.filter((e) => e[0] === 'cb')).toEqual([['cb', 1], ['cb', 2], ['cb', 3]]);
    expect(t.findIndex((e) => e[0] === 'alice.onLogout')).toBeGreaterThan(t.findIndex((e) => e[0] === 'cb' && e[1] === 3));
  });

  it('a send that fails at once comes after what the calls before it queued: a refused join\'s failure', async () => {
    const w = world();
    const alice = await w.login('alice');
    w.take();
    const refused = alice.channelJoin('a\u0000b')!;
    watch(refused, CHANNEL_CALLBACKS, w.transcript, 'refused');
    refused.messageChannelSend('x', () => w.transcript.push(['cb']));
    await w.flush();
    expect(w.take().map((e) => e[0])).toEqual(['refused.onChannelJoinFailed', 'cb']);
  });

  it('a send that fails at once comes after what the calls before it queued: a rejoin\'s sequence', async () => {
    const w = world();
    const alice = await w.login('alice');
    alice.channelJoin('room');
    await w.flush();
    w.take();
    const again = alice.channelJoin('room')!;
    watch(again, CHANNEL_CALLBACKS, w.transcript, 'again');
    again.messageChannelSend(circular(), () => w.transcript.push(['cb']));
    await w.flush();
    expect(w.take().map((e) => e[0])).toEqual(['again.onChannelJoined', 'again.onChannelUserList', 'cb']);
  });

  it('a send that fails at once comes after what the calls before it queued: onLogout', async () => {
    const w = world();
    const alice = await w.login('alice');
    w.take();
    alice.logout();
    alice.messageInstantSend('bob', circular(), (failed: boolean) => w.transcript.push(['cb', failed]));
    await w.flush();
    expect(w.take()).toEqual([['alice.onLogout', 101], ['cb', true]]);
  });

  it('messageInstantSend: sent, an invalid peer ID, a payload JSON cannot carry: cb(false), cb(true), cb(true)', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    w.take();
    alice.messageInstantSend('bob', 'hi', (failed: boolean) => w.transcript.push(['cb', 'hi', failed]));
    alice.messageInstantSend('bad\u0000id', 'hi', (failed: boolean) => w.transcript.push(['cb', 'bad id', failed]));
    alice.messageInstantSend('bob', circular(), (failed: boolean) => w.transcript.push(['cb', 'circular', failed]));
    expect(w.take()).toEqual([]);
    await w.flush();
    expect(w.take()).toEqual([
      ['cb', 'bad id', true],
      ['cb', 'circular', true],
      ['bob.onMessageInstantReceive', 'alice', 0, 'hi'],
      ['cb', 'hi', false],
    ]);
  });
});
