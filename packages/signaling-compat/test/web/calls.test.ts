import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/legacy/web/Call';
import { CALL_CALLBACKS, watch, world } from '../support/harness';

/** Alice calls bob; bob records incoming calls under "in", alice's call under "out". */
async function callSetup(options = {}) {
  const w = world(options);
  const alice = await w.login('alice');
  const bob = await w.login('bob');
  const incoming: Call[] = [];
  bob.onInviteReceived = (call: Call) => {
    incoming.push(call);
    w.transcript.push(['bob.onInviteReceived', call.channelName, call.peer, call.extra]);
    watch(call, CALL_CALLBACKS, w.transcript, `in${incoming.length}`);
  };
  w.take();
  return { w, alice, bob, incoming };
}

/** Alice's call to bob on `channel`, answered by bob; the transcript is cleared. */
async function answeredCall(channel = 'c') {
  const setup = await callSetup();
  const { w, alice, incoming } = setup;
  const call = alice.channelInviteUser2(channel, 'bob', '');
  watch(call, CALL_CALLBACKS, w.transcript, 'out');
  await w.flush();
  incoming[0]!.channelInviteAccept();
  // RTM sends the accept about 1 s after accept() (docs/reference/rtm1-web-sdk.md §4.7).
  await w.advance(1000);
  w.take();
  return { ...setup, call };
}

describe('Web calls', () => {
  it('invite → receivedByPeer → accept(extra) → acceptedByPeer(extra); the Call has channelName/peer/extra', async () => {
    const { w, alice, incoming } = await callSetup();
    const extra = JSON.stringify({ problemFeedbackId: 7 });
    const call = alice.channelInviteUser2('call-1', 'bob', extra);
    expect([call.channelName, call.peer, call.extra]).toEqual(['call-1', 'bob', extra]);
    watch(call, CALL_CALLBACKS, w.transcript, 'out');
    await w.flush();
    incoming[0]!.channelInviteAccept('{"ok":1}');
    // RTM sends the accept about 1 s after accept() (docs/reference/rtm1-web-sdk.md §4.7).
    await w.advance(1000);
    expect(w.take()).toEqual([
      ['bob.onInviteReceived', 'call-1', 'alice', extra],
      ['out.onInviteReceivedByPeer', ''],
      ['out.onInviteAcceptedByPeer', '{"ok":1}'],
    ]);
  });

  it('call.extra is undefined when omitted, and objects are carried as JSON', async () => {
    const { w, alice } = await callSetup();
    expect(alice.channelInviteUser2('c', 'bob').extra).toBeUndefined();
    await w.flush();
    await w.advance(600);
    const call = alice.channelInviteUser2('c2', 'bob', { channelName: 'x' });
    await w.flush();
    expect(call.extra).toEqual({ channelName: 'x' });
    expect(w.take().filter((e) => e[0] === 'bob.onInviteReceived')).toEqual([
      ['bob.onInviteReceived', 'c', 'alice', ''],
      ['bob.onInviteReceived', 'c2', 'alice', '{"channelName":"x"}'],
    ]);
  });

  it('refuse with a JSON extra: the caller gets it verbatim', async () => {
    const { w, alice, incoming } = await callSetup();
    const call = alice.channelInviteUser2('c', 'bob', '');
    watch(call, CALL_CALLBACKS, w.transcript, 'out');
    await w.flush();
    incoming[0]!.channelInviteRefuse('{"status":1}');
    await w.flush();
    expect(w.take()).toEqual([
      ['bob.onInviteReceived', 'c', 'alice', ''],
      ['out.onInviteReceivedByPeer', ''],
      ['out.onInviteRefusedByPeer', '{"status":1}'],
    ]);
  });

  it('_require_peer_online: 1 with the peer offline: onInviteFailed at once with a JSON reason, nothing sent', async () => {
    const { w, alice } = await callSetup();
    w.rtm.resetStats();
    const call = alice.channelInviteUser2('c', 'carol', JSON.stringify({ _require_peer_online: 1 }));
    watch(call, CALL_CALLBACKS, w.transcript, 'out');
    await w.flush();
    const events = w.take();
    expect(events).toEqual([['out.onInviteFailed', JSON.stringify({ reason: 'peer offline', ecode: 703 })]]);
    expect(JSON.parse(String(events[0]![1])).reason).toBe('peer offline');
    expect(w.rtm.stats()['invitation.send'] ?? 0).toBe(0);
  });

  it('default: the peer still offline 20 s after sending fails the call (703)', async () => {
    const { w, alice } = await callSetup();
    const call = alice.channelInviteUser2('c', 'carol', '');
    watch(call, CALL_CALLBACKS, w.transcript, 'out');
    await w.flush();
    await w.advance(19_999);
    expect(w.take()).toEqual([]);
    await w.advance(1);
    expect(w.take()).toEqual([['out.onInviteFailed', JSON.stringify({ reason: 'peer offline', ecode: 703 })]]);
    await w.advance(60_000);
    expect(w.take()).toEqual([]);
  });

  it('a callee who logs in within 20 s still gets the call', async () => {
    const { w, alice } = await callSetup();
    const call = alice.channelInviteUser2('c', 'carol', '');
    watch(call, CALL_CALLBACKS, w.transcript, 'out');
    await w.flush();
    await w.advance(5000);
    const carol = w.signal.login('carol', '');
    carol.onInviteReceived = (c: Call) => w.transcript.push(['carol.onInviteReceived', c.peer]);
    await w.advance(2000);
    expect(w.take()).toEqual([['carol.onInviteReceived', 'alice'], ['out.onInviteReceivedByPeer', '']]);
  });

  it('_timeout: N fails an unanswered call after N s (704) and the callee stops ringing', async () => {
    const { w, alice } = await callSetup();
    const call = alice.channelInviteUser2('c', 'bob', JSON.stringify({ _timeout: 5 }));
    watch(call, CALL_CALLBACKS, w.transcript, 'out');
    await w.flush();
    w.take();
    await w.advance(5000);
    expect(w.take()).toEqual([
      ['out.onInviteFailed', JSON.stringify({ reason: 'timeout', ecode: 704 })],
      ['in1.onInviteEndByPeer', ''],
    ]);
  });

  it('cancel before the answer: caller onInviteEndByMyself("") synchronously, callee onInviteEndByPeer(extra)', async () => {
    const { w, alice } = await callSetup();
    const call = alice.channelInviteUser2('c', 'bob', '');
    watch(call, CALL_CALLBACKS, w.transcript, 'out');
    await w.flush();
    w.take();
    call.channelInviteEnd('bye-now');
    expect(w.take()).toEqual([['out.onInviteEndByMyself', '']]);
    await w.flush();
    expect(w.take()).toEqual([['in1.onInviteEndByPeer', 'bye-now']]);
  });

  it('end after accept from the caller: END_CALL message, callee onInviteEndByPeer(extra) (underscores kept)', async () => {
    const { w, call, bob, incoming } = await answeredCall();
    const msgs: unknown[] = [];
    bob.onMessageInstantReceive = (...args: unknown[]) => msgs.push(args);
    call.channelInviteEnd('hang_up now');
    call.channelInviteEnd('again');
    await w.flush();
    expect(w.take()).toEqual([
      ['out.onInviteEndByMyself', ''],
      ['out.onInviteEndByMyself', ''],
      ['in1.onInviteEndByPeer', 'hang_up now'],
    ]);
    expect(msgs).toEqual([]);
  });

  it('end after accept from the callee reaches the caller', async () => {
    const { w, call, incoming } = await answeredCall();
    incoming[0]!.channelInviteEnd('{"reason":"done"}');
    await w.flush();
    expect(w.take()).toEqual([['in1.onInviteEndByMyself', ''], ['out.onInviteEndByPeer', '{"reason":"done"}']]);
  });

  it('the callee hanging up before answering ends the call for the caller (no refused event)', async () => {
    const { w, alice, incoming } = await callSetup();
    const call = alice.channelInviteUser2('c', 'bob', '');
    watch(call, CALL_CALLBACKS, w.transcript, 'out');
    await w.flush();
    w.take();
    incoming[0]!.channelInviteEnd();
    await w.flush();
    await w.advance(70_000);
    expect(w.take()).toEqual([['in1.onInviteEndByMyself', ''], ['out.onInviteEndByPeer', '']]);
  });

  it('a channel name with "_" still ends after accept (shim control message)', async () => {
    const { w, call, incoming } = await answeredCall('call_room');
    call.channelInviteEnd('x_y');
    await w.flush();
    expect(w.take()).toEqual([['out.onInviteEndByMyself', ''], ['in1.onInviteEndByPeer', 'x_y']]);
  });

  it('DTMF reaches the peer as onInviteMsg with the legacy JSON, keeping the digit type', async () => {
    const { w, call, incoming } = await answeredCall();
    call.channelInviteDTMF('123#');
    call.channelInviteDTMF(5);
    await w.flush();
    expect(w.take()).toEqual([
      ['in1.onInviteMsg', '{"msgtype":"dtmf","msgdata":"123#"}'],
      ['in1.onInviteMsg', '{"msgtype":"dtmf","msgdata":5}'],
    ]);
  });

  it('concurrent incoming calls each get their own Call; busy-refusing the second leaves the first intact', async () => {
    const { w, alice, incoming } = await callSetup();
    const carol = await w.login('carol');
    w.take();
    const first = alice.channelInviteUser2('c1', 'bob', '');
    watch(first, CALL_CALLBACKS, w.transcript, 'alice');
    await w.flush();
    const second = carol.channelInviteUser2('c2', 'bob', '');
    watch(second, CALL_CALLBACKS, w.transcript, 'carol');
    await w.flush();
    expect(incoming).toHaveLength(2);
    expect(incoming[0]).not.toBe(incoming[1]);
    incoming[1]!.channelInviteRefuse('{"status":1}');
    incoming[0]!.channelInviteAccept();
    await w.advance(1000);
    expect(w.take()).toEqual([
      ['bob.onInviteReceived', 'c1', 'alice', ''],
      ['alice.onInviteReceivedByPeer', ''],
      ['bob.onInviteReceived', 'c2', 'carol', ''],
      ['carol.onInviteReceivedByPeer', ''],
      ['carol.onInviteRefusedByPeer', '{"status":1}'],
      ['alice.onInviteAcceptedByPeer', ''],
    ]);
  });

  it('end-call and DTMF from anyone but the call’s peer are ignored', async () => {
    const { w, call, incoming } = await answeredCall();
    const mallory = await w.rtmClient('mallory');
    await mallory.sendMessageToPeer({ text: 'AgoraRTMLegacyEndcallCompatibleMessagePrefix_c_evil' }, 'bob');
    await mallory.sendMessageToPeer(
      { rawMessage: new TextEncoder().encode('{"type":"end","channel":"c","data":"evil"}'), description: 'signaling-compat/control' },
      'bob',
    );
    await w.flush();
    expect(w.take()).toEqual([]);
    call.channelInviteEnd();
    await w.flush();
    expect(w.take()).toEqual([['out.onInviteEndByMyself', ''], ['in1.onInviteEndByPeer', '']]);
  });
});
