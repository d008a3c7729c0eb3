import { describe, expect, it } from 'vitest';
import { FakeRtm2, ManualClock } from '../../src/fake';
import { Signal } from '../../src/legacy/Signal';
import { CALL_CALLBACKS, SESSION_CALLBACKS, watch } from '../support/harness';

const APP_ID = '0123456789abcdef0123456789abcdef';
const INV = { channelType: 'USER' as const, customType: 'rtm1.inv' };
const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;
/** 1.x caps invitation content and response at 8 × 1024 bytes (test/reliability/badInput.web.test.ts). */
const MAX = 8 * 1024;

/**
 * 1.x never delivers an invitation content or response over 8 KB: the sending SDK refuses it. A raw
 * 2.x peer can put more in an envelope; the adapter ignores such an envelope
 * (src/rtm2/invitations/protocol.ts), so no legacy callback carries it.
 */
describe('invitation texts from a raw 2.x peer stay within 1.x\'s 8 KB', () => {
  it('an INVITE with 30 KB of content is not shown as a call carrying it', async () => {
    const clock = new ManualClock();
    const fake = new FakeRtm2({ clock });
    const transcript: unknown[][] = [];
    const session = Signal(APP_ID, { rtm: fake as never }).login('bob', '_no_need_token');
    watch(session, SESSION_CALLBACKS, transcript, 'bob');
    await fake.flush();
    const mallory = new fake.RTM(APP_ID, 'mallory');
    await mallory.login();
    await mallory.publish('bob', JSON.stringify({ v: 1, t: 'INVITE', id: 'i1', ch: 'room', c: 'y'.repeat(30_000) }), INV);
    await fake.advance(100);
    const extras = transcript
      .filter(([name]) => name === 'bob.onInviteReceived')
      .map(([, call]) => (call as { extra: string }).extra);
    expect(extras.filter((extra) => utf8Bytes(extra) > MAX)).toEqual([]);
  });

  it('an ACCEPT with a 30 KB response does not reach onInviteAcceptedByPeer with it', async () => {
    const clock = new ManualClock();
    const fake = new FakeRtm2({ clock });
    const transcript: unknown[][] = [];
    const session = Signal(APP_ID, { rtm: fake as never }).login('bob', '_no_need_token');
    await fake.flush();
    const mallory = new fake.RTM(APP_ID, 'mallory');
    await mallory.login();
    let callId = '';
    mallory.addEventListener('message', (event: { customType?: string; message: unknown }) => {
      if (event.customType !== 'rtm1.inv') return;
      const envelope = JSON.parse(String(event.message)) as { t: string; id: string };
      if (envelope.t === 'INVITE') callId = envelope.id;
    });
    const call = session.channelInviteUser2('room', 'mallory', '');
    watch(call, CALL_CALLBACKS, transcript, 'out');
    await fake.advance(100);
    expect(callId).not.toBe('');
    await mallory.publish('bob', JSON.stringify({ v: 1, t: 'ACCEPT', id: callId, r: 'z'.repeat(30_000) }), INV);
    await fake.advance(100);
    const accepted = transcript.filter(([name]) => name === 'out.onInviteAcceptedByPeer');
    const oversized = accepted.filter((event) => event.slice(1).some((arg) => typeof arg === 'string' && utf8Bytes(arg) > MAX));
    expect(oversized).toEqual([]);
  });
});
