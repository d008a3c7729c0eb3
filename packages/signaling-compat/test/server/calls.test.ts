import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/legacy/server/Call';
import type { CallCallback } from '../../src/legacy/server/callbacks';
import type { LoginSession } from '../../src/legacy/server/LoginSession';
import { CALL_EVENTS, RESULT_EVENTS, byOwner, serverWorld } from './serverHarness';

/** RTM sends an accept about 1 s after `accept()` (docs/reference/rtm1-web-sdk.md §4.7). */
const ACCEPT_DELAY_MS = 1000;

/** Alice calls bob; bob's LoginCallback records incoming calls (labelled Call#n) and their events. */
async function callSetup(bobEventNames: readonly string[] = [...CALL_EVENTS, 'onError']) {
  const w = serverWorld();
  const { session: alice } = await w.login('alice', ['onError']);
  const incoming: Call[] = [];
  const bobEvents = w.recorder('bob', bobEventNames);
  const bob = w.name(
    w.signal.login('bob', '_no_need_token', {
      ...bobEvents,
      onInviteReceived(session: LoginSession, call: Call) {
        incoming.push(call);
        w.transcript.push(['bob.onInviteReceived', w.label(session), w.label(call)]);
      },
    }),
    'bob',
  );
  await w.flush();
  w.take();
  return { w, alice, bob, incoming };
}

function invite(w: ReturnType<typeof serverWorld>, from: LoginSession, channel: string, peer: string, extra: string, events: readonly string[] = CALL_EVENTS) {
  return w.name(from.channelInviteUser2(channel, peer, extra, w.recorder<CallCallback>('out', events)), 'out');
}

describe('Server calls', () => {
  it('invite → onInviteReceived(session, call) → accept(extra) → onInviteReceivedByPeer, onInviteAcceptedByPeer(extra)', async () => {
    const { w, alice, incoming } = await callSetup();
    invite(w, alice, 'call-1', 'bob', '{"k":1}');
    await w.flush();
    incoming[0]!.channelInviteAccept('{"ok":1}');
    await w.advance(ACCEPT_DELAY_MS);
    expect(w.take()).toEqual([
      ['bob.onInviteReceived', 'bob', 'Call#1'],
      ['out.onInviteReceivedByPeer', 'alice', 'out'],
      ['out.onInviteAcceptedByPeer', 'alice', 'out', '{"ok":1}'],
    ]);
  });

  it('end after accept: onInviteEndByMyself synchronously; the peer’s LoginCallback gets onInviteEndByPeer(extra)', async () => {
    const { w, alice, incoming } = await callSetup();
    const call = invite(w, alice, 'c', 'bob', '');
    await w.flush();
    incoming[0]!.channelInviteAccept();
    await w.advance(ACCEPT_DELAY_MS);
    w.take();
    call.channelInviteEnd('bye_now');
    expect(w.take()).toEqual([['out.onInviteEndByMyself', 'alice', 'out', '']]);
    await w.flush();
    expect(w.take()).toEqual([['bob.onInviteEndByPeer', 'bob', 'Call#1', 'bye_now']]);
  });

  it('the callee ends after accept; the caller gets onInviteEndByPeer', async () => {
    const { w, alice, incoming } = await callSetup();
    invite(w, alice, 'c', 'bob', '');
    await w.flush();
    incoming[0]!.channelInviteAccept();
    await w.advance(ACCEPT_DELAY_MS);
    w.take();
    incoming[0]!.channelInviteEnd('{"reason":"done"}');
    await w.flush();
    expect(w.take()).toEqual([
      ['bob.onInviteEndByMyself', 'bob', 'Call#1', ''],
      ['out.onInviteEndByPeer', 'alice', 'out', '{"reason":"done"}'],
    ]);
  });

  it('refuse: the caller gets onInviteRefusedByPeer(session, call, extra) verbatim', async () => {
    const { w, alice, incoming } = await callSetup();
    invite(w, alice, 'c', 'bob', '');
    await w.flush();
    incoming[0]!.channelInviteRefuse('{"status":1}');
    await w.flush();
    expect(w.take()).toEqual([
      ['bob.onInviteReceived', 'bob', 'Call#1'],
      ['out.onInviteReceivedByPeer', 'alice', 'out'],
      ['out.onInviteRefusedByPeer', 'alice', 'out', '{"status":1}'],
    ]);
  });

  it('cancel before the answer: the callee gets onInviteEndByPeer(extra)', async () => {
    const { w, alice } = await callSetup();
    const call = invite(w, alice, 'c', 'bob', '');
    await w.flush();
    w.take();
    call.channelInviteEnd('never mind');
    await w.flush();
    expect(w.take()).toEqual([
      ['out.onInviteEndByMyself', 'alice', 'out', ''],
      ['bob.onInviteEndByPeer', 'bob', 'Call#1', 'never mind'],
    ]);
  });

  it('numeric ecodes: onInviteFailed(session, call, 703) for an offline peer, 704 for _timeout', async () => {
    const { w, alice } = await callSetup();
    invite(w, alice, 'c', 'carol', JSON.stringify({ _require_peer_online: 1 }));
    await w.flush();
    expect(w.take()).toEqual([['out.onInviteFailed', 'alice', 'out', 703]]);
    invite(w, alice, 'c2', 'bob', JSON.stringify({ _timeout: 5 }));
    await w.flush();
    w.take();
    await w.advance(5000);
    // The callee stops ringing; the extra it hears is the Web dialect's business (test/web/calls.test.ts).
    const events = w.take();
    expect(events.map((e) => e.slice(0, 3))).toEqual([
      ['out.onInviteFailed', 'alice', 'out'],
      ['bob.onInviteEndByPeer', 'bob', 'Call#1'],
    ]);
    expect(events[0]![3]).toBe(704);
  });

  it('the default 20 s offline rule fails with 703', async () => {
    const { w, alice } = await callSetup();
    invite(w, alice, 'c', 'carol', '');
    await w.flush();
    await w.advance(19_999);
    expect(w.take()).toEqual([]);
    await w.advance(1);
    expect(w.take()).toEqual([['out.onInviteFailed', 'alice', 'out', 703]]);
  });

  it('operation results (docs/reference/call-result-callbacks.md) are opt-in: ids from the legacy methods, ok/reason per operation', async () => {
    const { w, alice, incoming } = await callSetup([...CALL_EVENTS, ...RESULT_EVENTS]);
    const call = invite(w, alice, 'c', 'bob', '', [...CALL_EVENTS, ...RESULT_EVENTS]);
    await w.flush();
    const accepted = incoming[0]!.channelInviteAccept('');
    await w.advance(ACCEPT_DELAY_MS);
    const ended = call.channelInviteEnd();
    await w.flush();
    expect(new Set([accepted, ended]).size).toBe(2);
    expect(byOwner(w.take())).toEqual({
      bob: [
        ['bob.onInviteReceived', 'bob', 'Call#1'],
        ['bob.onAcceptInviteResult', accepted, true, ''],
        ['bob.onInviteEndByPeer', 'bob', 'Call#1', ''],
      ],
      out: [
        ['out.onInviteResult', expect.any(Number), true, ''],
        ['out.onInviteReceivedByPeer', 'alice', 'out'],
        ['out.onInviteAcceptedByPeer', 'alice', 'out', ''],
        ['out.onInviteEndByMyself', 'alice', 'out', ''],
        ['out.onCancelInviteResult', ended, true, ''],
      ],
    });
  });

  it('without result handlers a legacy CallCallback hears only legacy events', async () => {
    const { w, alice, incoming } = await callSetup();
    const call = invite(w, alice, 'c', 'bob', '', [...CALL_EVENTS, 'onError']);
    await w.flush();
    incoming[0]!.channelInviteRefuse('');
    await w.flush();
    call.channelInviteEnd();
    await w.flush();
    expect(w.take().map((e) => e[0])).toEqual([
      'bob.onInviteReceived',
      'out.onInviteReceivedByPeer',
      'out.onInviteRefusedByPeer',
      'out.onInviteEndByMyself',
    ]);
  });

  it('a failed accept has no legacy callback: onError(session, 700, reason), and onAcceptInviteResult(id, false, reason) when defined', async () => {
    const { w, alice, incoming } = await callSetup([...CALL_EVENTS, ...RESULT_EVENTS, 'onError']);
    const call = invite(w, alice, 'c', 'bob', '');
    await w.flush();
    call.channelInviteEnd();
    await w.flush();
    w.take();
    const id = incoming[0]!.channelInviteAccept();
    await w.flush();
    const events = w.take();
    expect(events.map((e) => e.slice(0, 3))).toEqual([
      ['bob.onAcceptInviteResult', id, false],
      ['bob.onError', 'bob', 700],
    ]);
    expect(events[0]![3]).toMatch(/no incoming invitation/);
    expect(events[1]![3]).toBe(events[0]![3]);
  });

  it('several concurrent incoming calls are distinct Call objects', async () => {
    const { w, alice, incoming } = await callSetup();
    const carol = w.signal.login('carol', '_no_need_token', {});
    await w.flush();
    invite(w, alice, 'c1', 'bob', '');
    carol.channelInviteUser2('c2', 'bob', '', {});
    await w.flush();
    expect(incoming).toHaveLength(2);
    expect(incoming[0]).not.toBe(incoming[1]);
    incoming[1]!.channelInviteRefuse('{"status":1}');
    incoming[0]!.channelInviteAccept();
    await w.advance(ACCEPT_DELAY_MS);
    expect(w.take().filter((e) => String(e[0]).startsWith('out.'))).toEqual([
      ['out.onInviteReceivedByPeer', 'alice', 'out'],
      ['out.onInviteAcceptedByPeer', 'alice', 'out', ''],
    ]);
  });
});
