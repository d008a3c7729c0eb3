import { describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { byOwner } from '../server/serverHarness';
import { BACKEND } from '../support/harness';
import { NATIVE_EVENTS, NATIVE_RESULT_EVENTS, nativeWorld } from './nativeHarness';

const uid = accountUid;
/** RTM sends an accept about 1 s after `accept()` (docs/reference/rtm1-web-sdk.md §4.7). */
const ACCEPT_DELAY_MS = 1000;

async function callSetup(events: readonly string[] = NATIVE_EVENTS) {
  const w = nativeWorld();
  const alice = await w.login('alice', events);
  const bob = await w.login('bob', events);
  w.take();
  return { w, alice, bob };
}

describe('native calls (identified by channelID + account)', () => {
  it('invite → onInviteReceived(channelID, account, uid, extra) → accept → byPeer/accepted → end: the whole flow', async () => {
    const { w, alice, bob } = await callSetup();
    alice.channelInviteUser('call-1', 'bob', 0);
    await w.flush();
    expect(byOwner(w.take())).toEqual({
      alice: [['alice.onInviteReceivedByPeer', 'call-1', 'bob', uid('bob')]],
      bob: [['bob.onInviteReceived', 'call-1', 'alice', uid('alice'), '']],
    });
    bob.channelInviteAccept('call-1', 'alice', 0, '{"ok":1}');
    await w.advance(ACCEPT_DELAY_MS);
    expect(w.take()).toEqual([['alice.onInviteAcceptedByPeer', 'call-1', 'bob', uid('bob'), '{"ok":1}']]);
    alice.channelInviteEnd('call-1', 'bob', 0);
    expect(w.take()).toEqual([['alice.onInviteEndByMyself', 'call-1', 'bob', uid('bob')]]);
    await w.flush();
    expect(w.take()).toEqual([['bob.onInviteEndByPeer', 'call-1', 'alice', uid('alice'), '']]);
  });

  it('refuse: the caller gets onInviteRefusedByPeer(…, extra) verbatim (OpenDuo busy {"status":1})', async () => {
    const { w, alice, bob } = await callSetup();
    alice.channelInviteUser2('c', 'bob', '{"type":"video"}');
    await w.flush();
    expect(w.take().filter((e) => e[0] === 'bob.onInviteReceived')).toEqual([
      ['bob.onInviteReceived', 'c', 'alice', uid('alice'), '{"type":"video"}'],
    ]);
    bob.channelInviteRefuse('c', 'alice', 0, '{"status":1}');
    await w.flush();
    expect(w.take()).toEqual([['alice.onInviteRefusedByPeer', 'c', 'bob', uid('bob'), '{"status":1}']]);
  });

  it('cancel before the answer: the callee gets onInviteEndByPeer', async () => {
    const { w, alice } = await callSetup();
    alice.channelInviteUser('c', 'bob', 0);
    await w.flush();
    w.take();
    alice.channelInviteEnd('c', 'bob', 0);
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onInviteEndByMyself', 'c', 'bob', uid('bob')],
      ['bob.onInviteEndByPeer', 'c', 'alice', uid('alice'), ''],
    ]);
  });

  it('onInviteFailed(channelID, account, uid, ecode, extra): 703 with _require_peer_online for an offline peer', async () => {
    const { w, alice } = await callSetup();
    w.rtm.resetStats();
    alice.channelInviteUser2('c', 'carol', '{"_require_peer_online":1}');
    await w.flush();
    expect(w.take()).toEqual([
      ['alice.onInviteFailed', 'c', 'carol', uid('carol'), 703, '{"reason":"peer offline","ecode":703}'],
    ]);
    expect(w.rtm.stats()['invitation.send'] ?? 0).toBe(0);
  });

  it('DTMF: the peer gets onInviteMsg(channelID, account, uid, "dtmf", digits, json)', async () => {
    const { w, alice, bob } = await callSetup();
    alice.channelInviteUser('c', 'bob', 0);
    await w.flush();
    bob.channelInviteAccept('c', 'alice', 0, '');
    await w.advance(ACCEPT_DELAY_MS);
    w.take();
    alice.channelInviteDTMF('c', 'bob', '123#');
    await w.flush();
    expect(w.take()).toEqual([
      ['bob.onInviteMsg', 'c', 'alice', uid('alice'), 'dtmf', '123#', '{"msgtype":"dtmf","msgdata":"123#"}'],
    ]);
  });

  it('calls are told apart by channel and account: refuse one caller, accept the other', async () => {
    const { w, alice, bob } = await callSetup();
    const carol = await w.login('carol');
    w.take();
    alice.channelInviteUser('c1', 'bob', 0);
    carol.channelInviteUser('c2', 'bob', 0);
    await w.flush();
    w.take();
    bob.channelInviteRefuse('c2', 'carol', 0, '{"status":1}');
    bob.channelInviteAccept('c1', 'alice', 0, '');
    await w.advance(ACCEPT_DELAY_MS);
    expect(byOwner(w.take())).toEqual({
      carol: [['carol.onInviteRefusedByPeer', 'c2', 'bob', uid('bob'), '{"status":1}']],
      alice: [['alice.onInviteAcceptedByPeer', 'c1', 'bob', uid('bob'), '']],
    });
  });

  it('SIP/PSTN calls fail through onInviteFailed with one warning, and no RTM call', async () => {
    const { w, alice } = await callSetup();
    w.rtm.resetStats();
    alice.channelInvitePhone('c', '+123', 0);
    alice.channelInvitePhone3('c', '+123', '+456', '{}');
    await w.flush();
    const events = w.take();
    expect(events.map((e) => e.slice(0, 5))).toEqual([
      ['alice.onInviteFailed', 'c', '+123', 0, 700],
      ['alice.onInviteFailed', 'c', '+123', 0, 700],
    ]);
    expect(JSON.parse(String(events[0]![5])).reason).toMatch(/not available on RTM/);
    expect(w.logger.lines.filter(([level, m]) => level === 'warn' && m.includes('SIP'))).toHaveLength(1);
    expect(w.rtm.stats()).toEqual({});
  });

  it('operation results (docs/reference/call-result-callbacks.md) are opt-in: the legacy methods return the ids they report', async () => {
    const { w, alice, bob } = await callSetup([...NATIVE_EVENTS, ...NATIVE_RESULT_EVENTS]);
    const invited = alice.channelInviteUser('c', 'bob', 0);
    await w.flush();
    const accepted = bob.channelInviteAccept('c', 'alice', 0, '');
    await w.advance(ACCEPT_DELAY_MS);
    const ended = bob.channelInviteEnd('c', 'alice', 0);
    await w.flush();
    expect(new Set([invited, accepted, ended]).size).toBe(3);
    expect(byOwner(w.take())).toEqual({
      alice: [
        ['alice.onInviteResult', invited, true, ''],
        ['alice.onInviteReceivedByPeer', 'c', 'bob', uid('bob')],
        ['alice.onInviteAcceptedByPeer', 'c', 'bob', uid('bob'), ''],
        ['alice.onInviteEndByPeer', 'c', 'bob', uid('bob'), ''],
      ],
      bob: [
        ['bob.onInviteReceived', 'c', 'alice', uid('alice'), ''],
        ['bob.onAcceptInviteResult', accepted, true, ''],
        ['bob.onInviteEndByMyself', 'c', 'alice', uid('alice')],
        ['bob.onCancelInviteResult', ended, true, ''],
      ],
    });
  });

  it('with no such call: accept/refuse return 0 with onError; end still fires onInviteEndByMyself synchronously', async () => {
    const { w, bob } = await callSetup([...NATIVE_EVENTS, ...NATIVE_RESULT_EVENTS]);
    expect(bob.channelInviteAccept('c', 'alice', 0, '')).toBe(0);
    expect(bob.channelInviteRefuse('c', 'alice', 0, '')).toBe(0);
    expect(bob.channelInviteEnd('c', 'alice', 0)).toBe(0);
    expect(w.take()).toEqual([['bob.onInviteEndByMyself', 'c', 'alice', uid('alice')]]);
    await w.flush();
    expect(w.take()).toEqual([
      ['bob.onError', 'channel_invite_accept', 700, 'no call from "alice" in channel "c"'],
      ['bob.onError', 'channel_invite_refuse', 700, 'no call from "alice" in channel "c"'],
    ]);
  });

  // FakeRtm makes accept() throw on request; on 2.x accept() makes no RTM call (the adapter sends
  // its ACCEPT a second later), so no 2.x fault can make it throw.
  it.runIf(BACKEND === 'rtm1')('a failed accept reports onAcceptInviteResult(id, false, reason) and onError("channel_invite_accept", 700, reason)', async () => {
    const { w, alice, bob } = await callSetup([...NATIVE_EVENTS, ...NATIVE_RESULT_EVENTS]);
    alice.channelInviteUser('c', 'bob', 0);
    await w.flush();
    w.take();
    w.rtm.failNext('invitation.accept', 1);
    const id = bob.channelInviteAccept('c', 'alice', 0, '');
    await w.flush();
    const events = w.take();
    expect(id).toBeGreaterThan(0);
    expect(events.map((e) => e.slice(0, 3))).toEqual([
      ['bob.onAcceptInviteResult', id, false],
      ['bob.onError', 'channel_invite_accept', 700],
    ]);
    expect(events[0]![3]).toMatch(/failNext/);
    expect(events[1]![3]).toBe(events[0]![3]);
  });

  it('inviting before login fails with onInviteFailed(…, 700, extra) and returns 0', async () => {
    const w = nativeWorld();
    const early = w.instance('early');
    expect(early.channelInviteUser('c', 'bob', 0)).toBe(0);
    await w.flush();
    expect(w.take()).toEqual([['early.onInviteFailed', 'c', 'bob', 0, 700, '{"reason":"not logged in","ecode":700}']]);
  });
});
