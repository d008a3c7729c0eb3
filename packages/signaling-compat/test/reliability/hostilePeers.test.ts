import { describe, expect, it, onTestFinished } from 'vitest';
import { CONTROL_DESCRIPTION, END_CALL_PREFIX, JSON_DESCRIPTION } from '../../src/core/payload';
import type { RemoteInvitationLike, RtmMessage } from '../../src/rtm/types';
import { DIALECTS, dialectWorld, received } from './dialects';
import { hostileTexts, PROTOTYPE_KEYS, renderable } from './hostileData';

const raw = (description: string, body: string): RtmMessage => ({
  rawMessage: new TextEncoder().encode(body),
  description,
  messageType: 'RAW',
});
const control = (type: 'dtmf' | 'end', channel: string, dataText: string) =>
  `{"type":"${type}","channel":"${channel}","data":${dataText}}`;

/** Exceptions that escape to the host (an RTM listener throwing kills a Node app). */
function escapedErrors(): unknown[] {
  const errors: unknown[] = [];
  const trap = (error: unknown) => errors.push(error);
  process.on('uncaughtException', trap);
  process.on('unhandledRejection', trap);
  onTestFinished(() => {
    process.off('uncaughtException', trap);
    process.off('unhandledRejection', trap);
  });
  return errors;
}

/** Invitation content, accept responses and attribute values carry at most 8 KB. */
const SMALL = hostileTexts(7_000);
const CASES = hostileTexts().map((hostile, i) => ({ ...hostile, small: SMALL[i]!.text }));

/**
 * Every class of hostile payload through every peer-data entry point a bare RTM client can reach,
 * in every dialect: peer TEXT and RAW messages, the shim's JSON and control descriptions, END_CALL
 * texts, channel messages of each kind, channel attributes (prototype keys, `_auto_update_num`),
 * invitation content and accept responses.
 */
describe.each(DIALECTS)('$name: no peer data throws out of the shim, floods RTM, or reaches an app unrenderable', (d) => {
  it.each(CASES)('$name', async (hostile) => {
    const errors = escapedErrors();
    const w = dialectWorld();
    const alice = d.login(w, 'alice');
    await w.flush();
    alice.join('room');
    alice.answerCalls();
    const mallory = await w.rtmClient('mallory');
    const room = mallory.createChannel('room');
    await room.join();
    await w.flush();

    // A call from mallory that alice answers, with hostile content.
    const invitation = mallory.createLocalInvitation('alice');
    invitation.channelId = 'c';
    invitation.content = hostile.small;
    invitation.send();
    await w.advance(1000);

    await mallory.sendMessageToPeer({ text: hostile.text }, 'alice');
    await mallory.sendMessageToPeer(raw(JSON_DESCRIPTION, hostile.text), 'alice');
    await mallory.sendMessageToPeer(raw(CONTROL_DESCRIPTION, control('dtmf', 'c', hostile.text)), 'alice');
    await room.sendMessage({ text: hostile.text });
    await room.sendMessage(raw(JSON_DESCRIPTION, hostile.text));
    await room.sendMessage(raw(CONTROL_DESCRIPTION, control('end', 'c', hostile.text)));
    // Object.fromEntries defines own properties, `__proto__` included. RTM itself refuses a map
    // with an own `constructor` (its plain-object check reads it), so no peer can send that one.
    const attributes: Record<string, string> = Object.fromEntries([
      ...PROTOTYPE_KEYS.filter((key) => key !== 'constructor').map((key) => [key, key === '__proto__' ? hostile.small : 'v']),
      ['_auto_update_num', '0.001'],
    ]);
    await mallory.addOrUpdateChannelAttributes('room', attributes, { enableNotificationToChannelMembers: true });
    await w.advance(1000);
    await mallory.sendMessageToPeer(raw(CONTROL_DESCRIPTION, control('end', 'c', hostile.text)), 'alice');

    // A call from alice that mallory answers with a hostile response, then ends with an END_CALL text.
    mallory.on('RemoteInvitationReceived', (remote: RemoteInvitationLike) => {
      remote.response = hostile.small;
      remote.accept();
    });
    alice.call('mallory', 'd');
    await w.advance(3000);
    await mallory.sendMessageToPeer({ text: `${END_CALL_PREFIX}_d_${hostile.text.slice(0, 20_000)}` }, 'alice');
    await w.advance(10_000);

    expect(errors).toEqual([]);
    for (const event of w.transcript) for (const arg of event) expect(renderable(arg), String(event[0])).toBe(true);
    // The attribute asked for reports every 1 ms; RTM is asked once, then its pushes are used.
    expect(w.rtm.stats()['getChannelMemberCount'] ?? 0).toBeLessThanOrEqual(1);
    // The session is unharmed.
    w.take();
    await mallory.sendMessageToPeer({ text: 'ping' }, 'alice');
    await w.flush();
    expect(received(w.transcript, 'alice')).toEqual(['ping']);
  });
});
