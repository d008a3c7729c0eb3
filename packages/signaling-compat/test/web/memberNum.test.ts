import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { CHANNEL_CALLBACKS, watch, world } from '../support/harness';

const uid = accountUid;

describe('Web _member_num reporting', () => {
  it('a member joining a reporting channel gets the join sequence first, then _member_num', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const a = alice.channelJoin('room')!;
    await w.flush();
    a.channelSetAttr('_auto_update_num', '2');
    await w.flush();
    const b = bob.channelJoin('room')!;
    watch(b, CHANNEL_CALLBACKS, w.transcript, 'b');
    await w.flush();
    expect(w.take().filter(([name]) => String(name).startsWith('b.'))).toEqual([
      ['b.onChannelJoined'],
      ['b.onChannelUserList', [['alice', uid('alice')], ['bob', uid('bob')]]],
      ['b.onChannelAttrUpdated', '_auto_update_num', '2', 'update'],
      ['b.onChannelAttrUpdated', '_member_num', '2', 'update'],
    ]);
  });

  it('the setter sees its _auto_update_num update before the first _member_num', async () => {
    const w = world();
    const alice = await w.login('alice');
    const a = alice.channelJoin('room')!;
    watch(a, CHANNEL_CALLBACKS, w.transcript, 'a');
    await w.flush();
    w.take();
    a.channelSetAttr('_auto_update_num', '2');
    await w.flush();
    expect(w.take()).toEqual([
      ['a.onChannelAttrUpdated', '_auto_update_num', '2', 'update'],
      ['a.onChannelAttrUpdated', '_member_num', '1', 'update'],
    ]);
  });

  it('a peer rewriting _auto_update_num does not make members report an unchanged _member_num again', async () => {
    const w = world();
    const alice = await w.login('alice');
    const a = alice.channelJoin('room')!;
    watch(a, CHANNEL_CALLBACKS, w.transcript, 'a');
    await w.flush();
    const mallory = await w.rtmClient('mallory');
    const notify = { enableNotificationToChannelMembers: true };
    for (let i = 0; i < 10; i++) {
      await mallory.addOrUpdateChannelAttributes('room', { _auto_update_num: String((i % 2) + 1) }, notify);
      await w.flush();
    }
    await mallory.deleteChannelAttributesByKeys('room', ['_auto_update_num'], notify);
    await w.flush();
    await mallory.addOrUpdateChannelAttributes('room', { _auto_update_num: '1' }, notify);
    await w.advance(5000);
    expect(w.take().filter(([name, key]) => name === 'a.onChannelAttrUpdated' && key === '_member_num')).toEqual([
      ['a.onChannelAttrUpdated', '_member_num', '1', 'update'],
    ]);
  });
});
