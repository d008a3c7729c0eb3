/**
 * How 1.x messages travel as 2.x publishes between adapter clients, and the 2.x ID rule.
 *
 * - TEXT with non-empty text: a STRING publish with no `customType`, so plain 2.x apps read it.
 * - TEXT `""`: 2.x rejects an empty string (docs/reference/rtm2-web-sdk.md §2.7), so one space goes
 *   out under `customType` `rtm1.empty`.
 * - RAW without description: a BINARY publish with no `customType`.
 * - RAW with a description: BINARY under `rtm1.raw`, framed as 4 bytes of big-endian description
 *   length, the description's UTF-8, then the bytes (2.x has no description field).
 * - Adapter traffic that is not an app message: `rtm1.inv` (invitations) and `rtm1.ping`
 *   (online-status probes); receivers consume it.
 */

import type { RtmMessage } from '../rtm/types';

export const CUSTOM_TYPE = {
  empty: 'rtm1.empty',
  raw: 'rtm1.raw',
  invitation: 'rtm1.inv',
  ping: 'rtm1.ping',
} as const;

export interface Rtm2Payload {
  message: string | Uint8Array;
  customType: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A validated 1.x message (messageType set by the 1.x shape check) as a 2.x publish. */
export function encodeMessage(message: RtmMessage): Rtm2Payload {
  if (message.messageType === 'RAW' || message.rawMessage !== undefined) {
    const bytes = message.rawMessage as Uint8Array;
    const description = message.description ?? '';
    if (description === '') return { message: new Uint8Array(bytes), customType: '' };
    const head = encoder.encode(description);
    const framed = new Uint8Array(4 + head.byteLength + bytes.byteLength);
    new DataView(framed.buffer).setUint32(0, head.byteLength);
    framed.set(head, 4);
    framed.set(bytes, 4 + head.byteLength);
    return { message: framed, customType: CUSTOM_TYPE.raw };
  }
  const text = message.text as string;
  return text === '' ? { message: ' ', customType: CUSTOM_TYPE.empty } : { message: text, customType: '' };
}

/**
 * A received 2.x app message as the 1.x message object receivers get (a new object each time).
 * `undefined` for adapter traffic and for frames that do not decode (peer data never throws).
 */
export function decodeMessage(message: unknown, customType: unknown): RtmMessage | undefined {
  if (customType === CUSTOM_TYPE.empty) return { text: '', messageType: 'TEXT' };
  if (customType === CUSTOM_TYPE.raw) return message instanceof Uint8Array ? unframe(message) : undefined;
  if (customType === CUSTOM_TYPE.invitation || customType === CUSTOM_TYPE.ping) return undefined;
  if (typeof message === 'string') return { text: message, messageType: 'TEXT' };
  if (message instanceof Uint8Array) return { rawMessage: new Uint8Array(message), description: '', messageType: 'RAW' };
  return undefined;
}

function unframe(framed: Uint8Array): RtmMessage | undefined {
  if (framed.byteLength < 4) return undefined;
  const length = new DataView(framed.buffer, framed.byteOffset, framed.byteLength).getUint32(0);
  if (4 + length > framed.byteLength) return undefined;
  try {
    const description = new TextDecoder('utf-8', { fatal: true }).decode(framed.subarray(4, 4 + length));
    return { rawMessage: framed.slice(4 + length), description, messageType: 'RAW' };
  } catch {
    return undefined;
  }
}

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/**
 * docs/reference/rtm2-web-sdk.md §2.6: the one 2.x rule for user IDs, channel names and metadata keys: 1–64 of ASCII letters,
 * digits, space and ``!#$%&()+,-:;<=>?@[]^_{|}~``, not starting with `_`. Stricter than 1.x: no
 * `.`, no other whitespace, no leading `_`.
 */
export function isRtm2Id(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= 64 &&
    !value.startsWith('_') &&
    /^[A-Za-z0-9 !#$%&()+,\-:;<=>?@[\]^_{|}~]+$/.test(value)
  );
}

const KEY_ESCAPE = '~';

/**
 * docs/reference/rtm2-web-sdk.md §5 A8: 2.x metadata keys follow the ID rule, 1.x attribute keys had only a length rule
 * (legacy built-ins such as `_auto_update_num` start with `_`). Keys 2.x refuses are stored
 * escaped: `~` plus two hex digits for a leading `_`, for every character outside the 2.x set,
 * and for `~` itself; every other key is stored as it is. `undefined` when the escaped key is
 * over 2.x's 32 bytes.
 */
export function encodeKey(key: string): string | undefined {
  if (isRtm2Id(key) && !key.includes(KEY_ESCAPE) && utf8(key).byteLength <= 32) return key;
  let encoded = '';
  for (const [i, byte] of utf8(key).entries()) {
    const char = String.fromCharCode(byte);
    const plain = byte < 0x80 && char !== KEY_ESCAPE && !(i === 0 && char === '_') && isRtm2Id(`a${char}`);
    encoded += plain ? char : `${KEY_ESCAPE}${byte.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return encoded.length <= 32 ? encoded : undefined;
}

/** The 1.x key of a stored 2.x key (keys written by plain 2.x apps come back unchanged). */
export function decodeKey(key: string): string {
  if (!key.includes(KEY_ESCAPE)) return key;
  const bytes: number[] = [];
  for (let i = 0; i < key.length; i++) {
    const hex = key.slice(i + 1, i + 3);
    if (key[i] === KEY_ESCAPE && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...utf8(key[i] ?? ''));
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return key;
  }
}
