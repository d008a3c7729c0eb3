import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import type { Session } from '../../src/legacy/web/Session';
import { CHANNEL_CALLBACKS, watch, world } from '../support/harness';

function invoke(session: Session, func: string, args: unknown): Promise<[string, Record<string, unknown>]> {
  return new Promise((resolve) => session.invoke(func, args, (err, result) => resolve([err, result])));
}

describe('Web invoke', () => {
  it('every documented function answers cb("", wholeReply) with the legacy fields', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const room = bob.channelJoin('room')!;
    watch(room, CHANNEL_CALLBACKS, w.transcript, 'room');
    await w.flush();
    const run = async (func: string, args: unknown) => {
      const pending = invoke(alice, `io.agora.signal.${func}`, args);
      await w.flush();
      return pending;
    };
    expect(await run('user_query_user_status', { account: 'bob' })).toEqual(['', { result: 'ok', account: 'bob', status: 1 }]);
    expect(await run('user_query_user_status', { account: 'carol' })).toEqual(['', { result: 'ok', account: 'carol', status: 0 }]);
    expect(await run('user_set_attr', { name: 'mood', value: 'happy' })).toEqual(['', { result: 'ok', reason: '' }]);
    expect(await run('user_get_attr', { account: 'alice', name: 'mood' })).toEqual([
      '',
      { result: 'ok', account: 'alice', name: 'mood', value: 'happy' },
    ]);
    expect(await run('user_get_attr_all', { account: 'alice' })).toEqual([
      '',
      { result: 'ok', account: 'alice', json: { mood: 'happy' } },
    ]);
    expect(await run('channel_query_num', { name: 'room' })).toEqual(['', { result: 'ok', name: 'room', num: 1 }]);
    expect(await run('channel_query_user_isin', { name: 'room', account: 'bob' })).toEqual([
      '',
      { result: 'ok', name: 'room', account: 'bob', isin: 1 },
    ]);
    expect(await run('channel_query_user_isin', { name: 'room', account: 'alice' })).toEqual([
      '',
      { result: 'ok', name: 'room', account: 'alice', isin: 0 },
    ]);
    expect(await run('channel_query_userlist', { name: 'room' })).toEqual([
      '',
      { result: 'ok', name: 'room', num: 1, list: [['bob', accountUid('bob')]] },
    ]);
    w.take();
    expect(await run('channel_set_attr', { channel: 'room', name: 'topic', value: 'dogs' })).toEqual(['', { result: 'ok' }]);
    expect(await run('channel_del_attr', { channel: 'room', name: 'topic' })).toEqual(['', { result: 'ok' }]);
    expect(await run('channel_set_attr', { channel: 'room', name: 'a', value: '1' })).toEqual(['', { result: 'ok' }]);
    expect(await run('channel_set_attr', { channel: 'room', name: 'b', value: '2' })).toEqual(['', { result: 'ok' }]);
    expect(await run('channel_clear_attr', { channel: 'room' })).toEqual(['', { result: 'ok' }]);
    // Not being in the channel, alice's transient queries must not have disturbed bob beyond join/leave notices.
    expect(w.take().filter((e) => e[0] === 'room.onChannelAttrUpdated')).toEqual([
      ['room.onChannelAttrUpdated', 'topic', 'dogs', 'update'],
      ['room.onChannelAttrUpdated', 'topic', 'dogs', 'del'],
      ['room.onChannelAttrUpdated', 'a', '1', 'update'],
      ['room.onChannelAttrUpdated', 'b', '2', 'update'],
      ['room.onChannelAttrUpdated', '', '', 'clear'],
    ]);
  });

  it('unknown names, non-signal names and missing arguments get failure replies (err and reason)', async () => {
    const w = world();
    const alice = await w.login('alice');
    for (const [func, args] of [
      ['io.agora.signal.no_such_function', {}],
      ['com.example.other', {}],
      ['io.agora.signal.user_query_user_status', null],
    ] as const) {
      const pending = invoke(alice, func, args);
      await w.flush();
      const [err, result] = await pending;
      expect(err).not.toBe('');
      expect(result.result).toBe('failed');
      expect(typeof result.reason).toBe('string');
    }
  });

  it('the cb is called as a plain function and its exception is contained', async () => {
    const w = world();
    const alice = await w.login('alice');
    alice.invoke('io.agora.signal.channel_query_num', { name: 'room' }, () => {
      throw new Error('app bug');
    });
    await w.flush();
    expect(w.logger.lines.some(([l, m]) => l === 'error' && m.includes('invoke'))).toBe(true);
    expect(alice.state).toBe(2);
  });

  it('answers come in the order the calls were made, whatever order RTM answers them in', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    const order: string[] = [];
    const answer = (label: string) => (err: string) => order.push(`${label}${err === '' ? '' : ' failed'}`);
    // A status query shares one RTM call per tick, sent after the tick; a brief join for the user
    // list takes three round trips; an unknown name fails at once.
    alice.invoke('io.agora.signal.channel_query_userlist', { name: 'elsewhere' }, answer('userlist'));
    alice.invoke('io.agora.signal.user_query_user_status', { account: 'bob' }, answer('status'));
    alice.invoke('io.agora.signal.channel_query_num', { name: 'room' }, answer('num'));
    alice.invoke('io.agora.signal.no_such_function', {}, answer('unknown'));
    alice.invoke('io.agora.signal.user_get_attr', { account: 'bob', name: 'x' }, answer('attr'));
    await w.flush();
    expect(order).toEqual(['userlist', 'status', 'num', 'unknown failed', 'attr']);
  });
});
