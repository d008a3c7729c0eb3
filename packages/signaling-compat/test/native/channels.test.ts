import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import type { AgoraAPI } from '../../src/legacy/native/AgoraAPI';
import { byOwner } from '../server/serverHarness';
import { BACKEND, rtmToken } from '../support/harness';
import { nativeWorld } from './nativeHarness';

const uid = accountUid;

describe('native channels', () => {
  it('channelJoin: onChannelJoined(channelID) → onChannelUserList(accounts, uids) → attributes; several channels at once', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    alice.channelJoin('one');
    await w.flush();
    alice.channelSetAttr('one', 'topic', 'cats');
    await w.flush();
    alice.channelJoin('two');
    await w.flush();
    w.take();
    bob.channelJoin('one');
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onChannelUserJoined', 'bob', uid('bob')],
      ['bob.onChannelJoined', 'one'],
      ['bob.onChannelUserList', ['alice', 'bob'], [uid('alice'), uid('bob')]],
      ['bob.onChannelAttrUpdated', 'one', 'topic', 'cats', 'update'],
    ]);
    expect(w.rtm.stats()['channel.leave'] ?? 0).toBe(0);
  });

  it('channelLeave(channelID): onChannelLeaved(channelID, 0); the others get onChannelUserLeaved; the other channel stays', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    alice.channelJoin('one');
    alice.channelJoin('two');
    bob.channelJoin('one');
    bob.channelJoin('two');
    await w.flush();
    w.take();
    bob.channelLeave('one');
    await w.flush();
    expect(byOwner(w.take())).toEqual({
      alice: [['alice.onChannelUserLeaved', 'bob', uid('bob')]],
      bob: [['bob.onChannelLeaved', 'one', 0]],
    });
    bob.messageChannelSend('two', 'still here', 'm1');
    await w.flush();
    expect(byOwner(w.take()).alice).toEqual([['alice.onMessageChannelReceive', 'two', 'bob', uid('bob'), 'still here']]);
  });

  it('leaving a channel not joined fires onError("channel_leave", 600, reason); joining before login fails with 1003', async () => {
    const w = nativeWorld();
    const early = w.instance('early');
    early.channelJoin('room');
    early.channelLeave('room');
    await w.flush();
    expect(w.take()).toEqual([
      ['early.onChannelJoinFailed', 'room', 1003],
      ['early.onError', 'channel_leave', 600, 'not in channel "room"'],
    ]);
  });

  it('a special channel fails with onChannelJoinFailed and one warning', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice', ['onChannelJoinFailed']);
    alice.channelJoin('__agora_channel_event');
    await w.flush();
    expect(w.take()).toEqual([['alice.onChannelJoinFailed', '__agora_channel_event', 300]]);
    expect(w.logger.lines.filter(([level, m]) => level === 'warn' && m.includes('not available on RTM'))).toHaveLength(1);
  });
});

describe('native channel attributes', () => {
  it('set/del/clear by channelID reach every member (the setter once), joined or not', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice', ['onChannelAttrUpdated', 'onError']);
    const bob = await w.login('bob', ['onChannelAttrUpdated', 'onError']);
    const carol = await w.login('carol', ['onChannelAttrUpdated', 'onError']);
    alice.channelJoin('room');
    bob.channelJoin('room');
    await w.flush();
    alice.channelSetAttr('room', 'keep', '0');
    alice.channelSetAttr('room', 'k', 'v');
    await w.flush();
    // Carol is not in the channel: RTM needs no join for channel attributes.
    carol.channelDelAttr('room', 'k');
    await w.flush();
    alice.channelSetAttr('room', 'x', '1');
    await w.flush();
    carol.channelClearAttr('room');
    await w.flush();
    const events = byOwner(w.take());
    const expected = (who: string) => [
      [`${who}.onChannelAttrUpdated`, 'room', 'keep', '0', 'update'],
      [`${who}.onChannelAttrUpdated`, 'room', 'k', 'v', 'update'],
      [`${who}.onChannelAttrUpdated`, 'room', 'k', 'v', 'del'],
      [`${who}.onChannelAttrUpdated`, 'room', 'x', '1', 'update'],
      [`${who}.onChannelAttrUpdated`, 'room', '', '', 'clear'],
    ];
    expect(events).toEqual({ alice: expected('alice'), bob: expected('bob') });
  });

  it('a failed update fires onError("channel_set_attr", ecode, desc)', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice', ['onError']);
    w.rtm.failNext('addOrUpdateChannelAttributes', 102);
    alice.channelSetAttr('room', 'k', 'v');
    await w.flush();
    const [event] = w.take();
    expect(event!.slice(0, 3)).toEqual(['alice.onError', 'channel_set_attr', 1001]);
    expect(event![3]).toMatch(/102/);
  });
});

/**
 * A join of `room` that RTM fails, then the app's retry, which on RTM 1.x waits for the silent
 * re-login (RTM's login spacing) that clears the failed join.
 */
async function retryWaitingForRelogin(w: ReturnType<typeof nativeWorld>, alice: AgoraAPI): Promise<void> {
  w.rtm.failNext('channel.join', 1);
  alice.channelJoin('room');
  await w.flush();
  alice.channelJoin('room');
  await w.advance(200);
}

describe('native channelJoin after onChannelJoinFailed', () => {
  it('gets in, with onChannelJoined and onChannelUserList only: RTM 1.x keeps a failed join\'s ID, so the client logs in again unseen', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice');
    w.take();
    w.rtm.failNext('channel.join', 1);
    alice.channelJoin('room');
    await w.flush();
    expect(w.take()).toEqual([['alice.onChannelJoinFailed', 'room', 300]]);
    alice.channelJoin('room');
    await w.flush();
    // RTM takes a login at most every 500 ms.
    await w.advance(500);
    expect(w.take()).toEqual([
      ['alice.onChannelJoined', 'room'],
      ['alice.onChannelUserList', ['alice'], [uid('alice')]],
    ]);
    expect(alice.getStatus()).toBe(2);
  });

  it.skipIf(BACKEND === 'rtm2')('a kick while the client logs in again unseen: the retry fails, then onLogout(103), and no login after it', async () => {
    const w = nativeWorld();
    const alice = await w.login('alice');
    w.take();
    await retryWaitingForRelogin(w, alice);
    const logins = w.rtm.stats()['login'] ?? 0;
    w.rtm.kick('alice');
    await w.advance(2000);
    expect(w.take()).toEqual([
      ['alice.onChannelJoinFailed', 'room', 300],
      ['alice.onChannelJoinFailed', 'room', 300],
      ['alice.onLogout', 103],
    ]);
    expect(w.rtm.stats()['login'] ?? 0).toBe(logins);
  });

  it.skipIf(BACKEND === 'rtm2')('a token expiry while the client logs in again unseen, with a tokenProvider: one onLoginSuccess, then the retried join', async () => {
    let n = 0;
    const w = nativeWorld({ tokenProvider: async (account) => rtmToken(account, ++n) });
    const alice = await w.login('alice');
    w.take();
    await retryWaitingForRelogin(w, alice);
    w.rtm.expireToken('alice');
    await w.advance(2000);
    // As after any token expiry; the retried join then gets in on the new login.
    expect(w.take()).toEqual([
      ['alice.onChannelJoinFailed', 'room', 300],
      ['alice.onReconnected', 0],
      ['alice.onLoginSuccess', uid('alice'), 0],
      ['alice.onChannelJoined', 'room'],
      ['alice.onChannelUserList', ['alice'], [uid('alice')]],
    ]);
    expect(alice.getStatus()).toBe(2);
  });
});
