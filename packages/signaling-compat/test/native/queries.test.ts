import { describe, expect, it } from 'vitest';
import { nativeWorld } from './nativeHarness';

describe('native queries', () => {
  it('channelQueryUserNum → onChannelQueryUserNumResult(channelID, 0, num); channelQueryUserIsIn → (channelID, account, 1|0)', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice', ['onChannelQueryUserNumResult', 'onChannelQueryUserIsIn', 'onError']);
    const bob = await w.login('bob', []);
    bob.channelJoin('room');
    await w.flush();
    alice.channelQueryUserNum('room');
    await w.flush();
    alice.channelQueryUserIsIn('room', 'bob');
    await w.flush();
    alice.channelQueryUserIsIn('room', 'nobody');
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onChannelQueryUserNumResult', 'room', 0, 1],
      ['alice.onChannelQueryUserIsIn', 'room', 'bob', 1],
      ['alice.onChannelQueryUserIsIn', 'room', 'nobody', 0],
    ]);
  });

  it('setAttr / getAttr / getAttrAll / getUserAttr / getUserAttrAll → onUserAttrResult / onUserAttrAllResult', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice', ['onUserAttrResult', 'onUserAttrAllResult', 'onError']);
    const bob = await w.login('bob', []);
    alice.setAttr('uid', '123');
    bob.setAttr('mood', 'ok');
    await w.flush();
    alice.getAttr('uid');
    await w.flush();
    alice.getAttrAll();
    await w.flush();
    alice.getUserAttr('bob', 'mood');
    await w.flush();
    alice.getUserAttr('bob', 'unset');
    await w.flush();
    alice.getUserAttrAll('bob');
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onUserAttrResult', 'alice', 'uid', '123'],
      ['alice.onUserAttrAllResult', 'alice', '{"uid":"123"}'],
      ['alice.onUserAttrResult', 'bob', 'mood', 'ok'],
      ['alice.onUserAttrResult', 'bob', 'unset', ''],
      ['alice.onUserAttrAllResult', 'bob', '{"mood":"ok"}'],
    ]);
  });

  it('queryUserStatus → onQueryUserStatusResult(name, "1" | "0") — strings, as legacy', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice', ['onQueryUserStatusResult']);
    await w.login('bob', []);
    alice.queryUserStatus('bob');
    await w.flush();
    alice.queryUserStatus('carol');
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onQueryUserStatusResult', 'bob', '1'],
      ['alice.onQueryUserStatusResult', 'carol', '0'],
    ]);
  });

  it("docs/reference/signaling-rtm-mapping-table.md's spellings onUserAttributeResult / OnQueryUserStatusResult are called when the main names are absent", async () => {
    const w = nativeWorld();
    const alice = await w.login('alice', ['onUserAttributeResult', 'OnQueryUserStatusResult']);
    alice.queryUserStatus('alice');
    await w.flush();
    alice.getAttr('none');
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.OnQueryUserStatusResult', 'alice', '1'],
      ['alice.onUserAttributeResult', 'alice', 'none', ''],
    ]);
  });

  it('failures with no result callback of their own fire onError(name, ecode, desc)', async () => {
    const w = nativeWorld();
    const early = w.instance('early', ['onError', 'onChannelQueryUserNumResult', 'onInvokeRet']);
    early.queryUserStatus('bob');
    early.getUserAttr('bob', 'k');
    early.getUserAttrAll('bob');
    early.setAttr('k', 'v');
    early.channelQueryUserIsIn('room', 'bob');
    early.channelQueryUserNum('room');
    early.invoke('io.agora.signal.channel_query_num', '{"name":"room"}', 'q1');
    await w.flush();
    const failed = JSON.stringify({ result: 'failed', reason: 'not logged in' });
    expect(w.take()).toEqual([
      ['early.onError', 'query_user_status', 1003, 'not logged in'],
      ['early.onError', 'user_get_attr', 1003, 'not logged in'],
      ['early.onError', 'user_get_attr_all', 1003, 'not logged in'],
      ['early.onError', 'user_set_attr', 1003, 'not logged in'],
      ['early.onError', 'channel_query_userisin', 1003, 'not logged in'],
      ['early.onChannelQueryUserNumResult', 'room', 500, 0],
      ['early.onInvokeRet', 'q1', 'not logged in', failed],
    ]);
    const alice = await w.login('alice', ['onError']);
    w.rtm.failNext('queryPeersOnlineStatus', 102);
    alice.queryUserStatus('bob');
    await w.flush();
    const [event] = w.take();
    expect(event!.slice(0, 3)).toEqual(['alice.onError', 'query_user_status', 1001]);
    expect(event![3]).toMatch(/102/);
  });

  it('invoke(name, req, callID) → onInvokeRet(callID, err, resp) with resp the JSON reply', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice', ['onInvokeRet']);
    await w.login('bob', []);
    alice.invoke('io.agora.signal.user_query_user_status', '{"account":"bob"}', 'q1');
    await w.flush();
    alice.invoke('io.agora.signal.channel_query_num', { name: 'room' }, 'q2');
    await w.flush();
    alice.invoke('io.agora.signal.no_such_function', '{}', 'q3');
    await w.flush();
    const events = w.take();
    expect(events.slice(0, 2)).toEqual([
      ['alice.onInvokeRet', 'q1', '', '{"result":"ok","account":"bob","status":1}'],
      ['alice.onInvokeRet', 'q2', '', '{"result":"ok","name":"room","num":0}'],
    ]);
    const [, callID, err, resp] = events[2]!;
    expect(callID).toBe('q3');
    expect(err).toMatch(/no RTM counterpart/);
    expect(JSON.parse(String(resp))).toEqual({ result: 'failed', reason: err });
  });
});
