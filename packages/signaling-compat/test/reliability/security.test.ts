import { describe, expect, it } from 'vitest';
import { FakeRtm, ManualClock } from '../../src/fake';
import type { FakeClient } from '../../src/fake';
import { AgoraAPI } from '../../src/legacy/native/AgoraAPI';
import type { Call } from '../../src/legacy/web/Call';
import { Signal } from '../../src/legacy/Signal';
import type { RtmMessage, RtmNamespaceLike } from '../../src/rtm/types';
import { APP_ID, CALL_CALLBACKS, CHANNEL_CALLBACKS, recordingLogger, watch, world } from '../support/harness';
import { DIALECTS, dialectWorld } from './dialects';

const PREFIX = 'AgoraRTMLegacyEndcallCompatibleMessagePrefix';
const raw = (description: string, body: string): RtmMessage => ({
  rawMessage: new TextEncoder().encode(body),
  description,
  messageType: 'RAW',
});

/** Everything the shim said and every callback argument, as one searchable text. */
function everything(w: { logger: { lines: Array<[string, string]> }; transcript: unknown[][] }): string {
  return JSON.stringify([w.logger.lines, w.transcript]);
}

describe('tokens never appear in logs or error messages', () => {
  const LEGACY = '1:0123456789abcdef0123456789abcdef:1700000000:legacysecret';
  const RTM = '007eJxSECRETrtmtoken';

  it.each(DIALECTS)('$name: a legacy token, and an RTM token RTM rejects, with debug logging on', async (d) => {
    const w = dialectWorld({}, { validateToken: (token) => (token === RTM ? 'invalid' : 'valid') });
    w.signal.setDoLog(true, 'DEBUG');
    d.login(w, 'alice', LEGACY);
    d.login(w, 'bob', RTM);
    await w.flush();
    expect(w.transcript.map(([name]) => name)).toEqual(['alice.onLoginSuccess', 'bob.onLoginFailed']);
    expect(everything(w)).not.toMatch(/legacysecret|SECRET/);
  });

  it('tokenProvider tokens: a rejected renewal and a rejected fresh login after expiry', async () => {
    let n = 0;
    const w = world(
      { tokenProvider: () => `007SECRET-${++n}` },
      { validateToken: (token) => (token === '007SECRET-1' ? 'valid' : 'invalid') },
    );
    w.signal.setDoLog(true, 'DEBUG');
    await w.login('alice');
    w.rtm.expireToken('alice', 'warn');
    await w.advance(600);
    w.rtm.expireToken('alice');
    await w.flush();
    expect(w.take()).toEqual([['alice.onLoginSuccess', expect.any(Number)], ['alice.onLogout', 105]]);
    expect(w.logger.lines.filter(([level]) => level === 'warn')).toHaveLength(2);
    expect(everything(w)).not.toMatch(/SECRET/);
  });

  it('a backend whose errors echo the token: the shim blanks it out', async () => {
    const clock = new ManualClock();
    const fake = new FakeRtm({ clock });
    const echoing: RtmNamespaceLike = {
      END_CALL_PREFIX: fake.END_CALL_PREFIX,
      VERSION: fake.VERSION,
      clock,
      createInstance(appId, config) {
        const client: FakeClient = fake.createInstance(appId, config);
        client.login = (options) =>
          Promise.reject(Object.assign(new Error(`token "${options.token}" is not valid`), { name: 'RtmUnauthenticatedError', code: 5 }));
        return client;
      },
    };
    const logger = recordingLogger();
    const session = Signal(APP_ID, { rtm: echoing, logger }).login('alice', '007SECRETTOKEN');
    const failed: unknown[] = [];
    session.onLoginFailed = (code: number) => failed.push(code);
    await fake.flush();
    expect(failed).toEqual([206]);
    expect(logger.lines).toEqual([['warn', 'signaling-compat: login failed: RtmUnauthenticatedError 5: token "<token>" is not valid']]);
  });
});

/** Bob (shim) answered a call from `caller` on channel "c"; bob's call events are recorded as `in`. */
async function answeredAtBob(w: ReturnType<typeof world>, caller: FakeClient) {
  const bob = await w.login('bob');
  const calls: Call[] = [];
  bob.onInviteReceived = (call: Call) => {
    calls.push(call);
    watch(call, CALL_CALLBACKS, w.transcript, 'in');
  };
  const invitation = caller.createLocalInvitation('bob');
  invitation.channelId = 'c';
  invitation.send();
  await w.flush();
  calls[0]!.channelInviteAccept('');
  await w.advance(1000);
  w.take();
  return { bob, call: calls[0]! };
}

describe('call control messages are honoured only from the call’s peer, for that channel', () => {
  it('END_CALL and DTMF from a third user, or from the peer about another channel, change nothing', async () => {
    const w = world();
    const alice = await w.rtmClient('alice');
    const mallory = await w.rtmClient('mallory');
    const { call } = await answeredAtBob(w, alice);
    const dtmf = (channel: string) => raw('signaling-compat/control', JSON.stringify({ type: 'dtmf', channel, data: '6' }));
    const end = (channel: string) => raw('signaling-compat/control', JSON.stringify({ type: 'end', channel, data: 'evil' }));
    await mallory.sendMessageToPeer({ text: `${PREFIX}_c_evil` }, 'bob');
    await mallory.sendMessageToPeer(end('c'), 'bob');
    await mallory.sendMessageToPeer(dtmf('c'), 'bob');
    await alice.sendMessageToPeer({ text: `${PREFIX}_other_evil` }, 'bob');
    await alice.sendMessageToPeer(end('other'), 'bob');
    await alice.sendMessageToPeer(dtmf('other'), 'bob');
    await w.flush();
    // Consumed as control messages, never shown as instant messages; the call is untouched.
    expect(w.take()).toEqual([]);
    await alice.sendMessageToPeer(dtmf('c'), 'bob');
    await alice.sendMessageToPeer({ text: `${PREFIX}_c_bye` }, 'bob');
    await w.flush();
    expect(w.take()).toEqual([['in.onInviteMsg', '{"msgtype":"dtmf","msgdata":"6"}'], ['in.onInviteEndByPeer', 'bye']]);
    call.channelInviteEnd('');
    expect(w.take()).toEqual([['in.onInviteEndByMyself', '']]);
  });
});

describe('reserved prefixes and descriptions cannot be injected through the public API', () => {
  it('Web: a peer message that looks like END_CALL or a control message arrives as a plain message', async () => {
    const w = world();
    const alice = await w.login('alice');
    const { call } = await answeredAtBob(w, await w.rtmClient('carol'));
    const fake = `${PREFIX}_c_evil`;
    alice.messageInstantSend('bob', fake);
    alice.messageInstantSend('bob', PREFIX);
    alice.messageInstantSend('bob', { type: 'end', channel: 'c', data: 'evil' });
    await w.flush();
    expect(w.take()).toEqual([
      ['bob.onMessageInstantReceive', 'alice', 0, fake],
      ['bob.onMessageInstantReceive', 'alice', 0, PREFIX],
      ['bob.onMessageInstantReceive', 'alice', 0, { type: 'end', channel: 'c', data: 'evil' }],
    ]);
    call.channelInviteEnd('');
    expect(w.take()).toEqual([['in.onInviteEndByMyself', '']]);
  });

  it('Web: a channel message with the END_CALL prefix reaches every member verbatim', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const a = alice.channelJoin('room')!;
    const b = bob.channelJoin('room')!;
    watch(b, CHANNEL_CALLBACKS, w.transcript, 'b');
    await w.flush();
    w.take();
    a.messageChannelSend(`${PREFIX}_c_evil`);
    await w.flush();
    expect(w.take()).toEqual([['b.onMessageChannelReceive', 'alice', expect.any(Number), `${PREFIX}_c_evil`]]);
  });

  it('native: the same message through messageInstantSend arrives as a plain message', async () => {
    const w = world();
    const { call } = await answeredAtBob(w, await w.rtmClient('carol'));
    const api = AgoraAPI.createAgoraSDKInstance(APP_ID, { rtm: w.rtm, logger: w.logger });
    api.login(APP_ID, 'alice', '_no_need_token', 0, '');
    await w.flush();
    api.messageInstantSend('bob', 0, `${PREFIX}_c_evil`, 'm1');
    await w.flush();
    expect(w.take()).toEqual([['bob.onMessageInstantReceive', 'alice', 0, `${PREFIX}_c_evil`]]);
    call.channelInviteEnd('');
    expect(w.take()).toEqual([['in.onInviteEndByMyself', '']]);
  });

  it('an end-call extra carrying the prefix and underscores reaches the peer verbatim and ends only that call', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const incoming: Call[] = [];
    bob.onInviteReceived = (call: Call) => {
      incoming.push(call);
      watch(call, CALL_CALLBACKS, w.transcript, `in-${call.channelName}`);
    };
    const first = alice.channelInviteUser2('c', 'bob', '');
    alice.channelInviteUser2('d', 'bob', '');
    await w.flush();
    for (const call of incoming) call.channelInviteAccept('');
    await w.advance(1000);
    w.take();
    const extra = `x_${PREFIX}_d_y`;
    first.channelInviteEnd(extra);
    await w.flush();
    expect(w.take()).toEqual([['in-c.onInviteEndByPeer', extra]]);
  });
});

describe('peer-supplied data never makes the shim throw', () => {
  it('malformed JSON, control bodies, END_CALL texts and deep nesting arrive as text or are ignored', async () => {
    const w = world();
    await w.login('bob');
    const mallory = await w.rtmClient('mallory');
    w.take();
    const deep = '['.repeat(16_000) + ']'.repeat(16_000);
    const bodies: Array<[RtmMessage, unknown]> = [
      [raw('signaling-compat/json', '{bad'), '{bad'],
      [raw('signaling-compat/json', ''), ''],
      [raw('signaling-compat/control', '{"type":"dtmf"'), '{"type":"dtmf"'],
      [raw('signaling-compat/control', 'null'), 'null'],
      [raw('signaling-compat/control', '{"type":"end","channel":5}'), '{"type":"end","channel":5}'],
      [{ rawMessage: new Uint8Array([0xff, 0xfe, 0x7b]), description: 'signaling-compat/json', messageType: 'RAW' }, '\ufffd\ufffd{'],
    ];
    for (const [message] of bodies) await mallory.sendMessageToPeer(message, 'bob');
    await mallory.sendMessageToPeer(raw('signaling-compat/json', deep), 'bob');
    await mallory.sendMessageToPeer({ text: `${PREFIX}_c_%E0%A4%A` }, 'bob');
    await mallory.sendMessageToPeer({ text: `${PREFIX}_` }, 'bob').catch(() => undefined);
    await w.flush();
    const got = w.take();
    expect(got.slice(0, bodies.length)).toEqual(bodies.map(([, payload]) => ['bob.onMessageInstantReceive', 'mallory', 0, payload]));
    // Deep nesting either parses or is delivered as its text; either way it arrives, once.
    expect(got.slice(bodies.length)).toHaveLength(1);
    expect(w.logger.lines.filter(([level]) => level === 'error')).toEqual([]);
  });

  it("an escaped ID that is not valid percent-encoding is ignored, never shown (idCodec: 'escape')", async () => {
    const w = world({ idCodec: 'escape' });
    await w.login('bob');
    const odd = await w.rtmClient('a%ZZ%E0');
    w.take();
    await odd.sendMessageToPeer({ text: 'hi' }, 'bob');
    await w.flush();
    expect(w.take()).toEqual([]);
  });

  it('an invitation with non-JSON content from a plain RTM client is carried verbatim', async () => {
    const w = world();
    const bob = await w.login('bob');
    const received: unknown[] = [];
    bob.onInviteReceived = (call: Call) => received.push([call.channelName, call.peer, call.extra]);
    const mallory = await w.rtmClient('mallory');
    const invitation = mallory.createLocalInvitation('bob');
    invitation.content = '{"_timeout": ';
    invitation.send();
    await w.flush();
    expect(received).toEqual([['', 'mallory', '{"_timeout": ']]);
  });
});
