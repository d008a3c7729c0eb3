import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { byOwner } from '../server/serverHarness';
import { onBackend } from '../support/harness';
import { bobInRoom, nativeWorld } from './nativeHarness';

const uid = accountUid;

/** Brief joins: `messageChannelSendForce` and channel queries about a channel the session is not in. */
describe('native brief joins', () => {
  it('two messageChannelSendForce and a query in one tick share one brief membership; every call succeeds, in order', async () => {
    const { w, bob, carol } = await bobInRoom();
    carol.messageChannelSendForce('room', 'one', 'f1');
    carol.messageChannelSendForce('room', 'two', 'f2');
    carol.channelQueryUserIsIn('room', 'bob');
    await w.flush();
    const { bob: seen, carol: results } = byOwner(w.take());
    expect(seen).toEqual([
      ['bob.onChannelUserJoined', 'carol', uid('carol')],
      ['bob.onMessageChannelReceive', 'room', 'carol', uid('carol'), 'one'],
      ['bob.onMessageChannelReceive', 'room', 'carol', uid('carol'), 'two'],
      ['bob.onChannelUserLeaved', 'carol', uid('carol')],
    ]);
    // The sends answer in the order they were made; the query's answer is its own RTM call's.
    expect(results?.filter(([name]) => name === 'carol.onMessageSendSuccess')).toEqual([
      ['carol.onMessageSendSuccess', 'f1'],
      ['carol.onMessageSendSuccess', 'f2'],
    ]);
    expect(results?.filter(([name]) => name !== 'carol.onMessageSendSuccess')).toEqual([
      ['carol.onChannelQueryUserIsIn', 'room', 'bob', 1],
    ]);
    expect(w.logger.lines.filter(([level]) => level === 'warn')).toEqual([]);
  });

  it('messageChannelSendForce right after channelLeave waits for the leave, then joins briefly', async () => {
    const w = nativeWorld();
    const bob = await w.login('bob');
    const carol = await w.login('carol');
    bob.channelJoin('room');
    carol.channelJoin('room');
    await w.flush();
    w.take();
    carol.channelLeave('room');
    carol.messageChannelSendForce('room', 'bye', 'f1');
    await w.flush();
    expect(byOwner(w.take()).bob).toEqual([
      ['bob.onChannelUserLeaved', 'carol', uid('carol')],
      ['bob.onChannelUserJoined', 'carol', uid('carol')],
      ['bob.onMessageChannelReceive', 'room', 'carol', uid('carol'), 'bye'],
      ['bob.onChannelUserLeaved', 'carol', uid('carol')],
    ]);
    expect(w.take()).toEqual([]);
    expect(w.logger.lines.filter(([level]) => level === 'warn')).toEqual([]);
  });

  it('a channelJoin right after a brief join waits for its leave and gets in', async () => {
    const { w, carol } = await bobInRoom();
    carol.messageChannelSendForce('room', 'knock', 'f1');
    carol.channelJoin('room');
    await w.flush();
    const { carol: own } = byOwner(w.take());
    expect(own?.map(([name]) => name)).toEqual([
      'carol.onMessageSendSuccess',
      'carol.onChannelJoined',
      'carol.onChannelUserList',
    ]);
  });

  it('a burst of messageChannelSendForce is paced under RTM\'s 180 per 3 s like any send: all delivered in order, none failed', async () => {
    const { w, bob, carol } = await bobInRoom();
    for (let i = 0; i < 200; i++) carol.messageChannelSendForce('room', `m${i}`, `f${i}`);
    await w.flush();
    await w.advance(3000);
    await w.advance(3000);
    const { bob: seen, carol: results } = byOwner(w.take());
    expect(seen?.filter(([name]) => name === 'bob.onMessageChannelReceive').map((e) => e[4])).toEqual(
      Array.from({ length: 200 }, (_, i) => `m${i}`),
    );
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => ['carol.onMessageSendSuccess', `f${i}`]));
  });

  it('a logout in the middle of a paced messageChannelSendForce burst answers every send once, and nothing runs after it', async () => {
    const { w, carol } = await bobInRoom();
    for (let i = 0; i < 200; i++) carol.messageChannelSendForce('room', `m${i}`, `f${i}`);
    await w.flush();
    carol.logout();
    await w.flush();
    await w.advance(10_000);
    const results = byOwner(w.take()).carol ?? [];
    const answers = results.filter(([name]) => name === 'carol.onMessageSendSuccess' || name === 'carol.onMessageSendError');
    // Each send answered once (2.x's adapter fails the publishes it held a little later than the pacer its queue).
    expect(answers.map((e) => e[1]).sort()).toEqual(Array.from({ length: 200 }, (_, i) => `f${i}`).sort());
    // 2.x allows 60 publishes per second (docs/reference/rtm2-web-sdk.md §2.14).
    expect(answers.filter(([name]) => name === 'carol.onMessageSendSuccess')).toHaveLength(onBackend({ rtm1: 180, rtm2: 60 }));
    expect(w.clock.pendingTimers()).toBe(0);
  });

  it('a query and a messageChannelSendForce right after channelJoin use that join once it is in', async () => {
    const { w, bob, carol } = await bobInRoom();
    w.rtm.resetStats();
    carol.channelJoin('room');
    carol.channelQueryUserIsIn('room', 'bob');
    carol.messageChannelSendForce('room', 'hello', 'f1');
    await w.flush();
    const { bob: seen, carol: own } = byOwner(w.take());
    expect(seen).toEqual([
      ['bob.onChannelUserJoined', 'carol', uid('carol')],
      ['bob.onMessageChannelReceive', 'room', 'carol', uid('carol'), 'hello'],
    ]);
    expect(own).toEqual([
      ['carol.onChannelJoined', 'room'],
      ['carol.onChannelUserList', ['bob', 'carol'], [uid('bob'), uid('carol')]],
      ['carol.onChannelQueryUserIsIn', 'room', 'bob', 1],
      ['carol.onMessageSendSuccess', 'f1'],
    ]);
    expect(w.rtm.stats()[onBackend({ rtm1: 'channel.join', rtm2: 'subscribe' })]).toBe(1);
  });
});
