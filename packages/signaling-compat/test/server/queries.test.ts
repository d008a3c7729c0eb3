import { describe, expect, it } from 'vitest';
import type { ChannelCallback, UserAttrCallback } from '../../src/legacy/server/callbacks';
import { BACKEND } from '../support/harness';
import { USER_ATTR_EVENTS, serverWorld } from './serverHarness';

const NOT_LOGGED_IN = 'not logged in: this Signal has no logged-in session';

describe('Server Signal-level user attributes and queries', () => {
  it('userSetAttr / userGetAttr / userGetAttrAll answer (err "", ret JSON string) with the legacy shapes', async () => {
    const w = serverWorld();
    await w.login('alice', []);
    const cb = w.recorder<UserAttrCallback>('attr', USER_ATTR_EVENTS);
    w.signal.userSetAttr('color', 'red', cb);
    await w.flush();
    w.signal.userGetAttr('alice', 'color', cb);
    w.signal.userGetAttr('alice', 'missing', cb);
    w.signal.userGetAttrAll('alice', cb);
    await w.flush();
    expect(w.take()).toEqual([
      ['attr.onUserSetAttr', '', { result: 'ok', reason: '' }],
      ['attr.onUserGetAttr', '', { result: 'ok', account: 'alice', name: 'color', value: 'red' }],
      ['attr.onUserGetAttr', '', { result: 'ok', account: 'alice', name: 'missing', value: '' }],
      ['attr.onUserGetAttrAll', '', { result: 'ok', account: 'alice', json: { color: 'red' } }],
    ]);
  });

  it('act through the most recent logged-in session of this Signal', async () => {
    const w = serverWorld();
    await w.login('alice', []);
    const { session: bob } = await w.login('bob', []);
    const cb = w.recorder<UserAttrCallback>('attr', USER_ATTR_EVENTS);
    w.signal.userSetAttr('who', 'newest', cb);
    await w.flush();
    w.signal.userGetAttrAll('bob', cb);
    w.signal.userGetAttrAll('alice', cb);
    await w.flush();
    bob.logout();
    await w.flush();
    w.signal.userSetAttr('who', 'next', cb);
    await w.flush();
    w.signal.userGetAttrAll('alice', cb);
    await w.flush();
    expect(w.take()).toEqual([
      ['attr.onUserSetAttr', '', { result: 'ok', reason: '' }],
      ['attr.onUserGetAttrAll', '', { result: 'ok', account: 'bob', json: { who: 'newest' } }],
      ['attr.onUserGetAttrAll', '', { result: 'ok', account: 'alice', json: {} }],
      ['attr.onUserSetAttr', '', { result: 'ok', reason: '' }],
      ['attr.onUserGetAttrAll', '', { result: 'ok', account: 'alice', json: { who: 'next' } }],
    ]);
  });

  it('with no logged-in session: err and a failed ret, never silence', async () => {
    const w = serverWorld();
    const cb = w.recorder<UserAttrCallback>('attr', USER_ATTR_EVENTS);
    w.signal.userSetAttr('k', 'v', cb);
    w.signal.userGetAttr('alice', 'k', cb);
    w.signal.userGetAttrAll('alice', cb);
    w.signal.channelQueryUserNum('room', w.recorder<ChannelCallback>('num', ['onChannelQueryUserNum']));
    await w.flush();
    const failed = { result: 'failed', reason: NOT_LOGGED_IN };
    expect(w.take()).toEqual([
      ['attr.onUserSetAttr', NOT_LOGGED_IN, failed],
      ['attr.onUserGetAttr', NOT_LOGGED_IN, failed],
      ['attr.onUserGetAttrAll', NOT_LOGGED_IN, failed],
      ['num.onChannelQueryUserNum', null, NOT_LOGGED_IN, 0],
    ]);
  });

  it('an RTM failure reaches err and ret.reason', async () => {
    const w = serverWorld();
    await w.login('alice', []);
    w.rtm.failNext('getUserAttributes', 102);
    w.signal.userGetAttrAll('bob', w.recorder<UserAttrCallback>('attr', USER_ATTR_EVENTS));
    await w.flush();
    const [event] = w.take();
    expect(event![0]).toBe('attr.onUserGetAttrAll');
    expect(event![1]).toMatch(/102/);
    expect(event![2]).toEqual({ result: 'failed', reason: event![1] });
    // Code that treated the former string as JSON text keeps working.
    expect(JSON.parse(String(event![2]))).toEqual({ result: 'failed', reason: event![1] });
  });

  it('channelQueryUserNum → onChannelQueryUserNum(session, "", num); Java apps’ onChannelQueryUserNumResult works too', async () => {
    const w = serverWorld();
    const { session: alice } = await w.login('alice', []);
    const { session: bob } = await w.login('bob', []);
    alice.channelJoin('room', {});
    bob.channelJoin('room', {});
    await w.flush();
    w.signal.channelQueryUserNum('room', w.recorder<ChannelCallback>('num', ['onChannelQueryUserNum']));
    w.signal.channelQueryUserNum('empty', w.recorder<ChannelCallback>('result', ['onChannelQueryUserNumResult']));
    await w.flush();
    expect(w.take()).toEqual([
      ['num.onChannelQueryUserNum', 'bob', '', 2],
      ['result.onChannelQueryUserNumResult', 'bob', '', 0],
    ]);
  });

  it.skipIf(BACKEND === 'rtm2')('answers come in the order of the calls: one made while reconnecting ("not logged in") after one still in flight', async () => {
    const w = serverWorld({}, { latencyMs: 100 });
    await w.login('alice');
    await w.advance(1000);
    w.take();
    const cb = w.recorder<UserAttrCallback>('attr', USER_ATTR_EVENTS);
    w.signal.userGetAttr('alice', 'first', cb);
    await w.advance(10);
    w.rtm.disconnect('alice');
    await w.flush();
    w.signal.userGetAttr('alice', 'second', cb);
    w.signal.channelQueryUserNum('room', w.recorder<ChannelCallback>('num', ['onChannelQueryUserNum']));
    await w.advance(60_000);
    const answers = w.take().filter((e) => e[0] === 'attr.onUserGetAttr' || e[0] === 'num.onChannelQueryUserNum');
    expect(answers.map((e) => e[0])).toEqual(['attr.onUserGetAttr', 'attr.onUserGetAttr', 'num.onChannelQueryUserNum']);
    // The first waited for RTM (its request was lost with the link); the others had no session.
    expect(answers[0]![1]).not.toBe(NOT_LOGGED_IN);
    expect(answers[1]![1]).toBe(NOT_LOGGED_IN);
  });
});
