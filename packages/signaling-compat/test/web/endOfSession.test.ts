import { describe, expect, it } from 'vitest';
import type { Channel } from '../../src/legacy/web/Channel';
import type { Session } from '../../src/legacy/web/Session';
import { Signal } from '../../src/legacy/Signal';
import { after, note, recordIncomingCalls, reply } from '../support/answers';
import { APP_ID, CALL_CALLBACKS, CHANNEL_CALLBACKS, watch, world } from '../support/harness';

/**
 * What happens to work still under way when a session ends (a `logout()`, an exhausted reconnect
 * budget, a kick): every operation is answered exactly once, in the order it was issued where
 * operations share one path, and nothing of the ended session runs after its `onLogout` but the
 * answers to operations issued before it: RTM's own answer where RTM already has the operation
 * (a success is true, so it is not turned into a failure), a failure for the rest.
 */

type World = ReturnType<typeof world>;

/** Alice logged in and in `room` (joined, the join sequence out), its callbacks recorded as `room.*`. */
async function inRoom(w: World, name = 'room'): Promise<{ alice: Session; room: Channel }> {
  const alice = await w.login('alice');
  const room = alice.channelJoin(name)!;
  watch(room, CHANNEL_CALLBACKS, w.transcript, 'room');
  await w.flush();
  w.take();
  return { alice, room };
}

/** The ways a session ends, each with its `onLogout` code. */
const ENDINGS: Array<[string, number, (w: World, s: Session) => Promise<void> | void]> = [
  ['logout()', 101, (_w, s) => s.logout()],
  ['a kick (the account logged in elsewhere)', 103, (w) => w.rtm.kick('alice')],
  ['a second login of the account', 103, (w) => void Signal(APP_ID, { rtm: w.rtm }).login('alice', '')],
  [
    'an exhausted reconnect budget',
    102,
    async (w) => {
      w.rtm.disconnect('alice');
      await w.flush();
      // The default budget: 10 retries or 30 s, whichever comes first.
      await w.advance(30_000);
    },
  ],
];

describe('Web end of session: channel attributes', () => {
  for (const [how, code, end] of ENDINGS) {
    it(`channelSetAttr/DelAttr/ClearAttr queued behind each other at ${how}: each cb once, in issue order`, async () => {
      const w = world();
      const { alice, room } = await inRoom(w);
      room.channelSetAttr('a', '1', note(w, 'cb set a'));
      room.channelSetAttr('b', '2', note(w, 'cb set b'));
      room.channelDelAttr('a', note(w, 'cb del a'));
      room.channelClearAttr(note(w, 'cb clear'));
      await end(w, alice);
      await w.flush();
      const t = w.take();
      expect(t.filter((e) => String(e[0]).startsWith('cb '))).toEqual([['cb set a'], ['cb set b'], ['cb del a'], ['cb clear']]);
      expect(t.filter((e) => e[0] === 'alice.onLogout')).toEqual([['alice.onLogout', code]]);
    });
  }

  it('channel attribute writes in flight and queued at logout: answered in issue order, no attribute event after onLogout', async () => {
    const w = world();
    const { alice, room } = await inRoom(w);
    room.channelSetAttr('a', '1', note(w, 'cb set a'));
    room.channelSetAttr('b', '2', note(w, 'cb set b'));
    room.channelSetAttr('c', '3', note(w, 'cb set c'));
    alice.logout();
    await w.flush();
    const t = w.take();
    expect(t.filter((e) => String(e[0]).startsWith('cb '))).toEqual([['cb set a'], ['cb set b'], ['cb set c']]);
    expect(after(t, 'alice.onLogout').filter((e) => String(e[0]).startsWith('room.'))).toEqual([]);
  });

  it('invoke channel_set_attr of a channel not joined, in flight and queued at logout: replies in issue order, RTM\'s for the write it has', async () => {
    const w = world();
    const alice = await w.login('alice');
    w.take();
    for (const name of ['a', 'b', 'c']) {
      alice.invoke('io.agora.signal.channel_set_attr', { channel: 'room', name, value: 'v' }, reply(w, `set ${name}`));
    }
    alice.logout();
    await w.flush();
    const t = w.take();
    expect(t.filter((e) => String(e[0]).startsWith('set ')).map((e) => e.slice(0, 2))).toEqual([
      ['set a', 'ok'],
      ['set b', 'failed'],
      ['set c', 'failed'],
    ]);
  });

  it('no timer of the attribute queue survives a logout with writes waiting for the rate window', async () => {
    const w = world();
    const { alice, room } = await inRoom(w);
    const answered: number[] = [];
    // Eleven writes, each waiting for the previous: the eleventh waits for the 5 s window.
    for (let i = 0; i < 11; i++) {
      room.channelSetAttr(`k${i}`, 'v', () => answered.push(i));
      await w.flush();
    }
    alice.logout();
    await w.flush();
    expect(answered).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(w.clock.pendingTimers()).toBe(0);
  });
});

describe('Web end of session: user attributes and queries', () => {
  it('user_set_attr calls in flight at logout: each answered once, in issue order, with RTM\'s answer', async () => {
    const w = world();
    const alice = await w.login('alice');
    w.take();
    for (const name of ['a', 'b', 'c']) alice.invoke('io.agora.signal.user_set_attr', { name, value: 'v' }, reply(w, `uattr ${name}`));
    alice.logout();
    await w.flush();
    const t = w.take();
    expect(t.filter((e) => String(e[0]).startsWith('uattr ')).map((e) => e.slice(0, 2))).toEqual([
      ['uattr a', 'ok'],
      ['uattr b', 'ok'],
      ['uattr c', 'ok'],
    ]);
  });

  it('status queries in flight at logout: each answered once, with RTM\'s answer', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    w.take();
    for (const account of ['bob', 'carol']) alice.invoke('io.agora.signal.user_query_user_status', { account }, reply(w, `status ${account}`));
    alice.logout();
    await w.flush();
    const t = w.take().filter((e) => !String(e[0]).startsWith('bob.'));
    expect(t.filter((e) => String(e[0]).startsWith('status ')).map((e) => e.slice(0, 2))).toEqual([
      ['status bob', 'ok'],
      ['status carol', 'ok'],
    ]);
  });

  it('channel_query_num in flight at logout: answered once, with RTM\'s answer', async () => {
    const w = world();
    const alice = await w.login('alice');
    w.take();
    alice.invoke('io.agora.signal.channel_query_num', { name: 'room' }, reply(w, 'num'));
    alice.logout();
    await w.flush();
    const t = w.take();
    expect(t.filter((e) => e[0] === 'num').map((e) => e.slice(0, 2))).toEqual([['num', 'ok']]);
  });

  it('channel_query_userlist_all of a channel not joined (a brief join) at logout: answered once; after onLogout only a failure; no timer left', async () => {
    const w = world();
    const alice = await w.login('alice');
    w.take();
    alice.invoke('io.agora.signal.channel_query_userlist_all', { name: 'room' }, reply(w, 'list 1'));
    alice.invoke('io.agora.signal.channel_query_userlist_all', { name: 'room' }, reply(w, 'list 2'));
    alice.logout();
    await w.flush();
    const t = w.take();
    expect(t.filter((e) => String(e[0]).startsWith('list')).map((e) => e[0])).toEqual(['list 1', 'list 2']);
    expect(after(t, 'alice.onLogout')).toEqual(after(t, 'alice.onLogout').filter((e) => e[1] === 'failed'));
    expect(w.clock.pendingTimers()).toBe(0);
  });

  it('a mixed burst of queries at logout: every one answered once (RTM answers them in its own order, as without a logout)', async () => {
    const w = world();
    const alice = await w.login('alice');
    w.take();
    alice.invoke('io.agora.signal.user_query_user_status', { account: 'bob' }, reply(w, 'q1 status'));
    alice.invoke('io.agora.signal.user_set_attr', { name: 'k', value: 'v' }, reply(w, 'q2 uattr'));
    alice.invoke('io.agora.signal.channel_query_num', { name: 'room' }, reply(w, 'q3 num'));
    alice.invoke('io.agora.signal.channel_query_userlist_all', { name: 'room' }, reply(w, 'q4 list'));
    alice.invoke('io.agora.signal.user_get_attr_all', { account: 'alice' }, reply(w, 'q5 uattrs'));
    alice.logout();
    await w.flush();
    const t = w.take();
    const answered = t.filter((e) => String(e[0]).startsWith('q')).map((e) => String(e[0]));
    expect(answered.sort()).toEqual(['q1 status', 'q2 uattr', 'q3 num', 'q4 list', 'q5 uattrs']);
  });
});

describe('Web end of session: channels', () => {
  it('a channelJoin under way at logout: answered once (onChannelJoined before onLogout, or onChannelJoinFailed), nothing else after onLogout', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    w.take();
    const room = alice.channelJoin('room')!;
    watch(room, CHANNEL_CALLBACKS, w.transcript, 'room');
    alice.logout();
    await w.flush();
    const t = w.take().filter((e) => !String(e[0]).startsWith('bob.'));
    expect(after(t, 'alice.onLogout').filter((e) => e[0] !== 'room.onChannelJoinFailed')).toEqual([]);
    // The legacy server answered channel_join before the user_logout issued after it.
    expect(t.filter((e) => e[0] === 'room.onChannelJoined' || e[0] === 'room.onChannelJoinFailed')).toHaveLength(1);
  });

  it('a channelLeave(cb) under way at logout: cb once', async () => {
    const w = world();
    const { alice, room } = await inRoom(w);
    room.channelLeave(note(w, 'cb leave'));
    alice.logout();
    await w.flush();
    expect(w.take().filter((e) => e[0] === 'cb leave')).toEqual([['cb leave']]);
  });

  it('a channelLeave() without cb under way at logout: onChannelLeaved(0) once', async () => {
    const w = world();
    const { alice, room } = await inRoom(w);
    room.channelLeave();
    alice.logout();
    await w.flush();
    expect(w.take().filter((e) => e[0] === 'room.onChannelLeaved')).toEqual([['room.onChannelLeaved', 0]]);
  });

  it('a member joining just before the logout: no onChannelUserJoined after onLogout', async () => {
    const w = world();
    const { alice } = await inRoom(w);
    const bob = await w.login('bob');
    w.take();
    bob.channelJoin('room');
    alice.logout();
    await w.flush();
    const t = w.take().filter((e) => !String(e[0]).startsWith('bob.'));
    expect(after(t, 'alice.onLogout')).toEqual([]);
  });

  it('a channel message sent before the logout: cb once; no echo after onLogout', async () => {
    const w = world();
    const { alice, room } = await inRoom(w);
    room.messageChannelSend('hi', note(w, 'cb send'));
    alice.logout();
    await w.flush();
    const t = w.take();
    expect(t.filter((e) => e[0] === 'cb send')).toEqual([['cb send']]);
    expect(after(t, 'alice.onLogout').filter((e) => e[0] === 'room.onMessageChannelReceive')).toEqual([]);
  });

  it('with _auto_update_num on, no timer survives a logout', async () => {
    const w = world();
    const { alice, room } = await inRoom(w);
    room.channelSetAttr('_auto_update_num', '1');
    await w.advance(2000);
    alice.logout();
    await w.flush();
    expect(w.clock.pendingTimers()).toBe(0);
  });
});

describe('Web end of session: calls', () => {
  /** Alice calls bob; bob's incoming calls are recorded as in1, in2…; alice's as out. */
  async function ringing(requireOnline = false) {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const incoming = recordIncomingCalls(w, bob);
    w.take();
    const call = alice.channelInviteUser2('c', 'bob', requireOnline ? JSON.stringify({ _require_peer_online: 1 }) : '');
    watch(call, CALL_CALLBACKS, w.transcript, 'out');
    return { w, alice, bob, incoming, call };
  }

  it('an outgoing call ringing at the caller logout: nothing of the call after onLogout; the callee call ends; no timer left once both logged out', async () => {
    const { w, alice, bob, incoming } = await ringing();
    await w.flush();
    w.take();
    alice.logout();
    await w.flush();
    // The callee answers after the caller left.
    incoming[0]?.channelInviteAccept('late');
    await w.advance(70_000);
    const t = w.take();
    expect(after(t, 'alice.onLogout').filter((e) => String(e[0]).startsWith('out.'))).toEqual([]);
    expect(t.filter((e) => e[0] === 'in1.onInviteEndByPeer')).toHaveLength(1);
    bob.logout();
    await w.flush();
    expect(w.clock.pendingTimers()).toBe(0);
  });

  for (const [how, code, end] of ENDINGS) {
    it(`an outgoing call ringing at the caller's ${how}: nothing of the call after onLogout(${code}); the callee's call ends once`, async () => {
      const { w, alice, incoming } = await ringing();
      await w.flush();
      w.take();
      await end(w, alice);
      await w.flush();
      incoming[0]?.channelInviteAccept('late');
      await w.advance(70_000);
      const t = w.take();
      expect(t.filter((e) => e[0] === 'alice.onLogout')).toEqual([['alice.onLogout', code]]);
      expect(after(t, 'alice.onLogout').filter((e) => String(e[0]).startsWith('out.'))).toEqual([]);
      expect(t.filter((e) => e[0] === 'in1.onInviteEndByPeer')).toHaveLength(1);
    });
  }

  it('an incoming call ringing at the callee logout: the caller call ends once (refused, failed or ended), and no timer is left', async () => {
    const { w, alice, bob } = await ringing();
    await w.flush();
    w.take();
    bob.logout();
    await w.advance(70_000);
    const t = w.take();
    const ends = t.filter((e) => ['out.onInviteRefusedByPeer', 'out.onInviteFailed', 'out.onInviteEndByPeer'].includes(String(e[0])));
    expect(ends).toHaveLength(1);
    alice.logout();
    await w.flush();
    expect(w.clock.pendingTimers()).toBe(0);
  });

  it('channelInviteUser2 issued just before logout: no onInviteReceivedByPeer/Accepted after onLogout, no timer left', async () => {
    const { w, alice, bob, incoming } = await ringing();
    alice.logout();
    await w.flush();
    incoming[0]?.channelInviteAccept('late');
    await w.advance(70_000);
    const t = w.take().filter((e) => !String(e[0]).startsWith('in') && !String(e[0]).startsWith('bob.'));
    expect(after(t, 'alice.onLogout').filter((e) => e[0] !== 'out.onInviteFailed')).toEqual([]);
    bob.logout();
    await w.flush();
    expect(w.clock.pendingTimers()).toBe(0);
  });

  it('an outgoing call with _require_peer_online checking the peer at logout: no call event after onLogout', async () => {
    const { w, alice } = await ringing(true);
    alice.logout();
    await w.flush();
    const t = w.take().filter((e) => !String(e[0]).startsWith('in') && !String(e[0]).startsWith('bob.'));
    expect(after(t, 'alice.onLogout').filter((e) => e[0] !== 'out.onInviteFailed')).toEqual([]);
  });

  it('the callee accepts and logs out at once: the accept result once, before onLogout; the caller hears no accept of a callee gone', async () => {
    const { w, bob, incoming } = await ringing();
    await w.flush();
    w.take();
    const accepted = incoming[0]!;
    accepted.onAcceptInviteResult = note(w, 'in1.onAcceptInviteResult');
    accepted.channelInviteAccept('yes');
    bob.logout();
    await w.advance(10_000);
    const t = w.take();
    const bobs = t.filter((e) => String(e[0]).startsWith('in1.') || String(e[0]).startsWith('bob.'));
    expect(bobs.map((e) => e[0])).toEqual(['in1.onAcceptInviteResult', 'bob.onLogout']);
  });

  it('the callee refuses and logs out at once: the refuse result once, before onLogout; the caller hears the refusal once', async () => {
    const { w, bob, incoming } = await ringing();
    await w.flush();
    w.take();
    const refused = incoming[0]!;
    refused.onRejectInviteResult = note(w, 'in1.onRejectInviteResult');
    refused.channelInviteRefuse('no');
    bob.logout();
    await w.advance(10_000);
    const t = w.take();
    expect(t.filter((e) => String(e[0]).startsWith('in1.') || String(e[0]).startsWith('bob.')).map((e) => e[0])).toEqual([
      'in1.onRejectInviteResult',
      'bob.onLogout',
    ]);
    expect(t.filter((e) => String(e[0]).startsWith('out.'))).toEqual([['out.onInviteRefusedByPeer', 'no']]);
  });

  it('channelInviteEnd of an answered call, then logout: onCancelInviteResult once', async () => {
    const { w, alice, incoming, call } = await ringing();
    await w.flush();
    incoming[0]!.channelInviteAccept();
    await w.advance(1000);
    w.take();
    call.onCancelInviteResult = note(w, 'out.onCancelInviteResult');
    call.channelInviteEnd('bye');
    alice.logout();
    await w.flush();
    expect(w.take().filter((e) => e[0] === 'out.onCancelInviteResult')).toHaveLength(1);
  });

  it('channelInviteEnd of an answered call during a drop, then logout: onCancelInviteResult once (a failure)', async () => {
    const { w, alice, incoming, call } = await ringing();
    await w.flush();
    incoming[0]!.channelInviteAccept();
    await w.advance(1000);
    w.rtm.disconnect('alice');
    await w.flush();
    w.take();
    call.onCancelInviteResult = note(w, 'out.onCancelInviteResult');
    call.channelInviteEnd('bye');
    alice.logout();
    await w.flush();
    const results = w.take().filter((e) => e[0] === 'out.onCancelInviteResult');
    expect(results).toHaveLength(1);
  });
});

describe('Web end of session: messages and timers', () => {
  it('peer sends held during a drop, then the reconnect budget runs out: each cb(true) once, in send order, after nothing else', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    w.rtm.disconnect('alice');
    await w.flush();
    w.take();
    for (let i = 0; i < 3; i++) alice.messageInstantSend('bob', `m${i}`, (failed: boolean) => w.transcript.push([`cb ${i}`, failed]));
    await w.advance(30_000);
    const t = w.take().filter((e) => !String(e[0]).startsWith('bob.'));
    expect(t.filter((e) => String(e[0]).startsWith('cb ')).map((e) => e[0])).toEqual(['cb 0', 'cb 1', 'cb 2']);
    expect(t.filter((e) => e[0] === 'alice.onLogout')).toEqual([['alice.onLogout', 102]]);
  });

  it('a lone session: nothing of it on the clock after logout', async () => {
    const w = world();
    const { alice, room } = await inRoom(w);
    room.channelSetAttr('a', '1');
    room.messageChannelSend('x');
    alice.messageInstantSend('bob', 'hi');
    alice.invoke('io.agora.signal.user_query_user_status', { account: 'bob' });
    alice.channelInviteUser2('c', 'bob', '');
    alice.logout();
    await w.flush();
    expect([w.clock.pendingTimers(), w.clock.nextTimerAt()]).toEqual([0, undefined]);
  });

  it('a session dropped and ended by its reconnect budget: nothing of it on the clock', async () => {
    const w = world();
    const { room } = await inRoom(w);
    room.channelSetAttr('a', '1');
    w.rtm.disconnect('alice');
    await w.flush();
    await w.advance(30_000);
    expect(w.take().filter((e) => e[0] === 'alice.onLogout')).toEqual([['alice.onLogout', 102]]);
    expect(w.clock.pendingTimers()).toBe(0);
  });
});
