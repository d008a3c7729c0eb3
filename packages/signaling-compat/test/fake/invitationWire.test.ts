import { describe, expect, it } from 'vitest';
import type { FakeRemoteInvitation } from '../../src/fake';
import { Transcript } from '../contract/testKit';
import { setup } from './env';

/** Invitation paths that need latency or a cut connection at a precise moment (docs/reference/rtm1-web-sdk.md §4.7). */
describe('invitation handshake details', () => {
  it('a duplicate invite (same callId, resent after 6 s without answer) is ignored', async () => {
    const { rtm, clock, login } = setup({ latencyMs: 4_000 });
    const [alice, bob] = await Promise.all([login('alice'), login('bob'), rtm.advance(8_000)]);
    const t = new Transcript(() => clock.now());
    bob.on('RemoteInvitationReceived', t.timed('bob: received'));
    const call = alice.createLocalInvitation('bob');
    call.on('LocalInvitationReceivedByPeer', t.timed('alice: received by peer'));
    call.send();
    await rtm.advance(20_000);
    expect(t.entries.map((entry) => [entry[0], entry.at(-1)])).toEqual([
      ['bob: received', '@8000'],
      ['alice: received by peer', '@8000'],
    ]);
  });

  it('ACCEPT_FAILURE 5 s after the caller got the accept but its ack was lost', async () => {
    const { rtm, clock, login } = setup({ latencyMs: 100 });
    const [alice, bob] = await Promise.all([login('alice'), login('bob'), rtm.advance(200)]);
    const received: FakeRemoteInvitation[] = [];
    bob.on('RemoteInvitationReceived', (invitation) => received.push(invitation as FakeRemoteInvitation));
    const call = alice.createLocalInvitation('bob');
    call.send();
    await rtm.advance(200);
    const t = new Transcript(() => clock.now());
    call.on('LocalInvitationAccepted', t.timed('alice: accepted'));
    received[0].on('RemoteInvitationFailure', t.timed('bob: failure'));
    received[0].on('RemoteInvitationAccepted', t.timed('bob: accepted'));
    received[0].accept();
    // The accept leaves at 1000, reaches the server at 1100 and alice at 1200; her ack would reach the server at 1300.
    await rtm.advance(1_250);
    rtm.disconnect('alice');
    await rtm.advance(10_000);
    expect(t.entries).toEqual([
      ['alice: accepted', '', '@1200'],
      ['bob: failure', 'ACCEPT_FAILURE', '@6200'],
    ]);
  });

  it('PEER_NO_RESPONSE when no attempt is ever answered', async () => {
    const { rtm, clock, login } = setup();
    const alice = await login('alice');
    await login('bob');
    const t = new Transcript(() => clock.now());
    const call = alice.createLocalInvitation('bob');
    call.on('LocalInvitationFailure', t.timed('failure'));
    call.send();
    rtm.disconnect('alice');
    await rtm.advance(30_000);
    expect(t.entries).toEqual([['failure', 'PEER_NO_RESPONSE', '@30000']]);
  });

  it('an accept arriving before the receipt counts as the receipt first', async () => {
    const { rtm, login } = setup();
    const alice = await login('alice');
    const bob = await login('bob');
    const t = new Transcript();
    bob.on('RemoteInvitationReceived', (invitation) => invitation.refuse());
    const call = alice.createLocalInvitation('bob');
    call.on('LocalInvitationReceivedByPeer', t.on('received'));
    call.on('LocalInvitationRefused', t.on('refused'));
    call.send();
    await rtm.flush();
    expect(t.entries).toEqual([['received'], ['refused', '']]);
  });
});
