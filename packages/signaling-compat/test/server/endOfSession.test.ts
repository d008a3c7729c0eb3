import { describe, expect, it } from 'vitest';
import type { UserAttrCallback, ChannelCallback } from '../../src/legacy/server/callbacks';
import { bobInRoom, nativeWorld } from '../native/nativeHarness';
import { after } from '../support/answers';
import { byOwner, serverWorld, USER_ATTR_EVENTS } from './serverHarness';

/**
 * Server and native operations still under way when a session ends: each answered once, in issue
 * order where they share one path, and after `onLogout` nothing of the ended session but the
 * answers to operations issued before it, RTM's own where RTM has the operation
 * (web/endOfSession.test.ts covers what every dialect shares).
 */

describe('Server end of session', () => {
  it('userSetAttr calls in flight at logout: each answered once, one onLogout(101)', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice');
    w.take();
    const cb = w.recorder<UserAttrCallback>('attr', USER_ATTR_EVENTS);
    w.signal.userSetAttr('a', '1', cb);
    w.signal.userSetAttr('b', '2', cb);
    session.logout();
    await w.flush();
    const t = w.take();
    expect(t.filter((e) => e[0] === 'attr.onUserSetAttr')).toHaveLength(2);
    expect(t.filter((e) => e[0] === 'alice.onLogout')).toEqual([['alice.onLogout', 'alice', 101]]);
  });

  it('userSetAttr in flight at logout: answered once, with RTM\'s answer', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice');
    w.take();
    const cb = w.recorder<UserAttrCallback>('attr', USER_ATTR_EVENTS);
    w.signal.userSetAttr('a', '1', cb);
    session.logout();
    await w.flush();
    const answers = w.take().filter((e) => e[0] === 'attr.onUserSetAttr');
    // (err, reply): err is '' on success.
    expect(answers.map((e) => e[1])).toEqual(['']);
  });

  it('channelQueryUserNum in flight at logout: answered once, with RTM\'s answer', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice');
    w.take();
    w.signal.channelQueryUserNum('room', w.recorder<ChannelCallback>('num', ['onChannelQueryUserNum']));
    session.logout();
    await w.flush();
    const t = w.take();
    // (session, err, num): err is '' on success.
    expect(t.filter((e) => e[0] === 'num.onChannelQueryUserNum').map((e) => e[2])).toEqual(['']);
  });

  it('Server channel attribute writes in flight and queued at logout: no onChannelAttrUpdated after onLogout', async () => {
    const w = serverWorld();
    const { session } = await w.login('alice');
    const channel = session.channelJoin('room', w.recorder<ChannelCallback>('room', ['onChannelJoined', 'onChannelAttrUpdated']));
    await w.flush();
    w.take();
    channel.channelSetAttr('a', '1');
    channel.channelSetAttr('b', '2');
    session.logout();
    await w.flush();
    const t = w.take();
    // No attribute event of the ended session after its onLogout.
    expect(after(t, 'alice.onLogout').filter((e) => e[0] === 'room.onChannelAttrUpdated')).toEqual([]);
  });
});

describe('native end of session', () => {
  it('messageChannelSendForce (brief join) in flight at logout: each answered once, in send order; no timer left', async () => {
    const { w, bob, carol } = await bobInRoom();
    carol.messageChannelSendForce('room', 'one', 'f1');
    carol.messageChannelSendForce('room', 'two', 'f2');
    carol.logout();
    await w.flush();
    const results = (byOwner(w.take()).carol ?? []).filter(([name]) => String(name).startsWith('carol.onMessageSend'));
    // (messageID, …): each send's result names its ID first.
    expect(results.map((e) => e[1])).toEqual(['f1', 'f2']);
    bob.logout();
    await w.flush();
    expect(w.clock.pendingTimers()).toBe(0);
  });

  it('messageChannelSendForce at logout: bob sees carol join and leave at most once each, nothing of carol after her session ended', async () => {
    const { w, carol } = await bobInRoom();
    carol.messageChannelSendForce('room', 'one', 'f1');
    carol.logout();
    await w.flush();
    await w.advance(60_000);
    const seen = byOwner(w.take()).bob ?? [];
    const joins = seen.filter((e) => e[0] === 'bob.onChannelUserJoined').length;
    const leaves = seen.filter((e) => e[0] === 'bob.onChannelUserLeaved').length;
    expect(joins).toBe(leaves);
    expect(joins).toBeLessThanOrEqual(1);
  });

  it('queryUserStatus and channelQueryUserNum in flight at logout: each answered once, with RTM\'s answer, and nothing else after onLogout', async () => {
    const w = nativeWorld();
    await w.login('bob');
    const carol = await w.login('carol');
    w.take();
    carol.queryUserStatus('bob');
    carol.channelQueryUserNum('room');
    carol.logout();
    await w.flush();
    const mine = byOwner(w.take()).carol ?? [];
    // In the order they were made, though the status query's RTM call (shared per tick) goes out last.
    expect(after(mine, 'carol.onLogout').map((e) => e[0])).toEqual(['carol.onQueryUserStatusResult', 'carol.onChannelQueryUserNumResult']);
  });
});
