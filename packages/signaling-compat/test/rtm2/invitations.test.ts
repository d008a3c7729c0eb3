import { describe, expect, it } from 'vitest';
import type { RemoteInvitationLike } from '../../src/rtm/types';
import type { Rtm2LocalInvitation } from '../../src/rtm2/invitations/Rtm2LocalInvitation';
import type { Rtm2RemoteInvitation } from '../../src/rtm2/invitations/Rtm2RemoteInvitation';
import { adapterWorld } from './env';

const INV = { channelType: 'USER' as const, customType: 'rtm1.inv' };
const envelope = (fields: Record<string, unknown>) => JSON.stringify({ v: 1, ...fields });

async function callee() {
  const w = adapterWorld();
  const bob = await w.client('bob');
  const t: unknown[][] = [];
  const received: RemoteInvitationLike[] = [];
  bob.on('RemoteInvitationReceived', (invitation) => {
    t.push(['received', invitation.callerId, invitation.channelId, invitation.content]);
    received.push(invitation);
    invitation
      .on('RemoteInvitationCanceled', (content) => t.push(['canceled', content]))
      .on('RemoteInvitationFailure', (reason) => t.push(['failure', reason]))
      .on('RemoteInvitationAccepted', () => t.push(['accepted']));
  });
  return { w, bob, t, received };
}

describe('the invitation protocol over USER messages', () => {
  it('absorbs a duplicated INVITE', async () => {
    const { w, t } = await callee();
    const carol = await w.raw('carol');
    const invite = envelope({ t: 'INVITE', id: 'c-1', ch: 'room', c: 'hi' });
    await carol.publish('bob', invite, INV);
    await carol.publish('bob', invite, INV);
    await w.flush();
    expect(t).toEqual([['received', 'carol', 'room', 'hi']]);
  });

  it('a CANCEL that overtakes its INVITE cancels it: the late INVITE is dropped', async () => {
    const { w, t } = await callee();
    const carol = await w.raw('carol');
    await carol.publish('bob', envelope({ t: 'CANCEL', id: 'c-2', c: '' }), INV);
    await carol.publish('bob', envelope({ t: 'INVITE', id: 'c-2', c: 'late' }), INV);
    await w.flush();
    expect(t).toEqual([]);
  });

  it('takes the sender only from the server-set publisher: a third user cannot answer or cancel', async () => {
    const w = adapterWorld();
    const alice = await w.client('alice');
    const bob = await w.client('bob');
    const t: unknown[][] = [];
    const received: RemoteInvitationLike[] = [];
    bob.on('RemoteInvitationReceived', (invitation) => received.push(invitation));
    const call = alice.createLocalInvitation('bob') as Rtm2LocalInvitation;
    call.on('LocalInvitationAccepted', (r) => t.push(['accepted', r])).on('LocalInvitationRefused', (r) => t.push(['refused', r]));
    call.send();
    await w.flush();
    const mallory = await w.raw('mallory');
    // An envelope naming a sender in its payload changes nothing: only `publisher` counts.
    await mallory.publish('alice', envelope({ t: 'ACCEPT', id: call.callId, r: 'spoofed', from: 'bob' }), INV);
    await mallory.publish('alice', envelope({ t: 'REFUSE', id: call.callId, r: 'spoofed' }), INV);
    await mallory.publish('bob', envelope({ t: 'CANCEL', id: (received[0] as Rtm2RemoteInvitation).callId, c: 'spoofed' }), INV);
    await w.flush();
    expect(t).toEqual([]);
    expect([call.state, received[0]!.state]).toEqual(['RECEIVED_BY_REMOTE', 'INVITATION_RECEIVED']);
    received[0]!.response = 'real';
    received[0]!.refuse();
    await w.flush();
    expect(t).toEqual([['refused', 'real']]);
  });

  it('ignores malformed and hostile protocol messages without throwing', async () => {
    const { w, t } = await callee();
    const mallory = await w.raw('mallory');
    const junk: Array<string | Uint8Array> = [
      'not json',
      '{"v":1}',
      envelope({ t: 'INVITE' }),
      envelope({ t: 'INVITE', id: 5 }),
      envelope({ t: 'ACCEPT_ACK', id: 'nobody' }),
      envelope({ t: 'ACCEPT', id: 'nobody' }),
      envelope({ t: 'INVITE', id: 'x', c: { nested: true } }),
      '{"__proto__":{"polluted":true},"v":1,"t":"INVITE","id":"p"}',
      new Uint8Array([1, 2, 3]),
    ];
    for (const message of junk) await mallory.publish('bob', message, INV);
    await w.flush();
    expect(t).toEqual([['received', 'mallory', '', '']]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('keeps the 1.x timers: expiry 60 s after receipt on both sides', async () => {
    const { w, t } = await callee();
    const alice = await w.client('alice');
    const call = alice.createLocalInvitation('bob');
    call.on('LocalInvitationFailure', (reason) => t.push(['caller failure', reason]));
    call.send();
    await w.advance(59_999);
    expect(t).toEqual([['received', 'alice', '', '']]);
    await w.advance(1);
    expect(t.slice(1)).toEqual([['failure', 'INVITATION_EXPIRE'], ['caller failure', 'INVITATION_EXPIRE']]);
  });

  it('an ACCEPT repeated by the callee is acked again (at most twice a second) and answered once', async () => {
    const w = adapterWorld();
    const alice = await w.client('alice');
    const bob = await w.raw('bob');
    const got: unknown[] = [];
    bob.addEventListener('message', (event) => got.push(JSON.parse(String(event.message)).t));
    const call = alice.createLocalInvitation('bob') as Rtm2LocalInvitation;
    const t: unknown[][] = [];
    call.on('LocalInvitationAccepted', (r) => t.push(['accepted', r]));
    call.send();
    await w.flush();
    for (let i = 0; i < 3; i++) {
      await bob.publish('alice', envelope({ t: 'ACCEPT', id: call.callId, r: 'ok' }), INV);
      await w.advance(1_000);
    }
    // A flood of repeats cannot make alice flood: one ack per half second.
    for (let i = 0; i < 50; i++) await bob.publish('alice', envelope({ t: 'ACCEPT', id: call.callId, r: 'ok' }), INV);
    await w.flush();
    expect(t).toEqual([['accepted', 'ok']]);
    expect(got).toEqual(['INVITE', 'ACCEPT_ACK', 'ACCEPT_ACK', 'ACCEPT_ACK', 'ACCEPT_ACK']);
  });

  it('nothing happens after logout: calls stop, later envelopes are ignored', async () => {
    const { w, bob, t } = await callee();
    const carol = await w.raw('carol');
    await carol.publish('bob', envelope({ t: 'INVITE', id: 'c-9' }), INV);
    await w.flush();
    await bob.logout();
    await w.advance(500);
    await bob.login({ uid: 'bob' });
    await carol.publish('bob', envelope({ t: 'CANCEL', id: 'c-9' }), INV);
    await w.advance(120_000);
    expect(t).toEqual([['received', 'carol', '', '']]);
  });
});
