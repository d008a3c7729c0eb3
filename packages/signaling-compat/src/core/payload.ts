/**
 * How legacy message payloads travel as RTM messages, and the shim's reserved control messages.
 *
 * - A string stays a TEXT message, so plain RTM clients can read it.
 * - Anything else (apps sent objects and receivers got objects) travels as a RAW message with the
 *   reserved description `signaling-compat/json` and a JSON body, decoded again on receipt.
 * - A string that starts with RTM's END_CALL prefix would be consumed by RTM as an end-call signal,
 *   so it is sent as JSON too: an app cannot fake a control message through the public API.
 * - DTMF and end-call for channel names RTM cannot put in an END_CALL message travel as RAW messages
 *   with the description `signaling-compat/control`.
 */
import type { RtmMessage } from '../rtm/types';
import { LegacyCode, describeRtmError } from './legacyCodes';
import { err, ok, type Result } from './result';
import { parseUntrusted } from './untrusted';

export const JSON_DESCRIPTION = 'signaling-compat/json';
export const CONTROL_DESCRIPTION = 'signaling-compat/control';
export const END_CALL_PREFIX = 'AgoraRTMLegacyEndcallCompatibleMessagePrefix';

const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder();

function raw(description: string, body: string): RtmMessage {
  return { rawMessage: encoder.encode(body), description, messageType: 'RAW' };
}

/**
 * The RTM message for a legacy payload of any type, or why it cannot travel: a payload JSON cannot
 * carry (circular, BigInt) fails its send instead of throwing out of the legacy call.
 */
export function encodePayload(payload: unknown): Result<RtmMessage> {
  if (typeof payload === 'string' && !payload.startsWith(END_CALL_PREFIX)) {
    return ok<RtmMessage>({ text: payload, messageType: 'TEXT' });
  }
  try {
    // Values JSON has no form for (undefined, functions) travel as null.
    return ok(raw(JSON_DESCRIPTION, JSON.stringify(payload) ?? 'null'));
  } catch (error) {
    const reason = `the message cannot be sent as JSON (${describeRtmError(error).split('\n')[0]})`;
    return err(LegacyCode.SENDMESSAGE_E_OTHER, reason);
  }
}

/** A control message between shim clients about a call. */
export interface ControlMessage {
  type: 'dtmf' | 'end';
  /** The call's RTM channel ID. */
  channel: string;
  /** DTMF digits (any JSON value, as legacy kept its type) or the end-call extra. */
  data: unknown;
}

export function encodeControl(control: ControlMessage): RtmMessage {
  return raw(CONTROL_DESCRIPTION, JSON.stringify(control));
}

export type DecodedMessage =
  | { kind: 'payload'; payload: unknown }
  | { kind: 'control'; control: ControlMessage }
  | { kind: 'end-call'; channel: string; extra: string };

function isControl(value: unknown): value is ControlMessage {
  const c = value as ControlMessage;
  return (
    typeof c === 'object' && c !== null && (c.type === 'dtmf' || c.type === 'end') && typeof c.channel === 'string'
  );
}

/**
 * The text of an ordinary text message, the common case, read with no decoding object; `undefined`
 * for anything else (raw, JSON, control or end-call messages), which `decodeMessage` handles.
 */
export function plainText(message: RtmMessage): string | undefined {
  if (message.messageType === 'RAW' || message.rawMessage instanceof Uint8Array) return undefined;
  const text = message.text;
  return typeof text === 'string' && !text.startsWith(END_CALL_PREFIX) ? text : undefined;
}

/**
 * Decodes any incoming RTM message. Peer-supplied data never throws out of here: malformed, over-deep
 * or oversized JSON and control bodies are delivered as plain text (see `untrusted.ts`).
 */
export function decodeMessage(message: RtmMessage): DecodedMessage {
  if (message.messageType === 'RAW' || message.rawMessage instanceof Uint8Array) {
    const body = message.rawMessage instanceof Uint8Array ? decoder.decode(message.rawMessage) : '';
    if (message.description === JSON_DESCRIPTION) {
      const parsed = parseUntrusted(body);
      return { kind: 'payload', payload: parsed.ok ? parsed.value : body };
    }
    if (message.description === CONTROL_DESCRIPTION) {
      const parsed = parseUntrusted(body);
      if (parsed.ok && isControl(parsed.value)) return { kind: 'control', control: parsed.value };
    }
    return { kind: 'payload', payload: body };
  }
  const text = typeof message.text === 'string' ? message.text : '';
  if (text.startsWith(`${END_CALL_PREFIX}_`)) {
    // RTM synthesises PREFIX_<channel>_<info> for a received end-call signal (docs/reference/rtm1-web-sdk.md §4.9).
    const rest = text.slice(END_CALL_PREFIX.length + 1);
    const cut = rest.indexOf('_');
    const channel = cut < 0 ? rest : rest.slice(0, cut);
    const info = cut < 0 ? '' : rest.slice(cut + 1);
    return { kind: 'end-call', channel, extra: decodeEndCallInfo(info) };
  }
  return { kind: 'payload', payload: text };
}

/**
 * RTM keeps only the third `_`-separated piece of an END_CALL message, so the extra is written
 * without underscores: percent-encoding with `_` as `%5F`. Legacy peers see the encoded text.
 */
export function encodeEndCallInfo(extra: string): string {
  return encodeURIComponent(extra).replace(/_/g, '%5F');
}

export function decodeEndCallInfo(info: string): string {
  try {
    return decodeURIComponent(info);
  } catch {
    return info;
  }
}

/** The END_CALL text for a call, or `undefined` when the channel ID cannot be expressed in it. */
export function endCallText(channel: string, extra: string): string | undefined {
  if (channel.length === 0 || channel.includes('_')) return undefined;
  return `${END_CALL_PREFIX}_${channel}_${encodeEndCallInfo(extra)}`;
}
