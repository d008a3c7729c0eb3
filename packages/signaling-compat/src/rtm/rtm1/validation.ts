/**
 * The RTM 1.x SDK's client-side argument checks (docs/reference/rtm1-web-sdk.md §3), which FakeRtm runs
 * like the SDK and the 2.x adapter runs before anything reaches 2.x. Each check returns the error the
 * calling API reports, or `undefined`; callers run them in the order docs/reference/rtm1-web-sdk.md §2.3 lists.
 */

import type { RtmMessage } from '../types';
import { invalidArgument, invalidStatus, limitExceeded, type RtmError } from './errors';
import { ATTRIBUTES, MAX_ID_LENGTH, MAX_INVITATION_TEXT_BYTES, MAX_MESSAGE_BYTES } from './limits';

/**
 * docs/reference/rtm1-web-sdk.md §3.1, the one rule for user IDs and channel IDs: a string of 1–64 UTF-16 code units drawn from
 * ASCII letters and digits, any JavaScript whitespace, and ``_!#$%&()+,.:;<=>?@[]^{|}~-``; the
 * exact string `"null"` is refused.
 */
export function isValidId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= MAX_ID_LENGTH &&
    value !== 'null' &&
    /^[A-Za-z0-9_!#$%&()+,.:;<=>?@[\]^{|}~\-\s]+$/.test(value)
  );
}

/** docs/reference/rtm1-web-sdk.md §1.1: an App ID is exactly 32 ASCII letters or digits. */
export const isValidAppId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9]{32}$/.test(value);

/**
 * The SDK's plain-object test: tagged `[object Object]`, made by `Object` and inheriting from
 * `Object.prototype` directly, so a null-prototype object or a class instance fails.
 * @note compat: the SDK compares with its own realm's `Object`; this check accepts an ordinary
 * object of any realm, because one in-page fake or 2.x instance serves every frame (an iframe or a
 * jsdom window with its own shim), while each frame loads its own copy of the real SDK.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null || Object.getPrototypeOf(proto) !== null) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.prototype === proto && ctor.name === 'Object';
}

/** UTF-8 length, the unit of every size limit in docs/reference/rtm1-web-sdk.md §3. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Messages (docs/reference/rtm1-web-sdk.md §2.3 sendMessageToPeer / RtmChannel.sendMessage, docs/reference/rtm1-web-sdk.md §3.2)

/** The per-API codes of the message checks: peer messages and channel messages differ. */
export interface MessageErrorCodes {
  /** Not a plain object, neither or both payloads (peer 7, channel 4). */
  shape: number;
  /** Payload of the wrong kind for its type, checked late (peer 6, channel 1). */
  payload: number;
  /** Over 32 768 bytes (peer 7, channel 4). */
  size: number;
}

export const PEER_MESSAGE_CODES: MessageErrorCodes = { shape: 7, payload: 6, size: 7 };
export const CHANNEL_MESSAGE_CODES: MessageErrorCodes = { shape: 4, payload: 1, size: 4 };

/** What the caller passed, before it is known to be a valid `RtmMessage`. */
export type MessageInput = Record<string, unknown>;

/**
 * Check 1: a plain object with a string `text` or a `Uint8Array` `rawMessage` (the type is
 * inferred when `messageType` is absent), not both. On success the SDK mutates the caller's
 * object (docs/reference/rtm1-web-sdk.md §3.2 side effect): it adds the inferred `messageType`, and a missing raw
 * `description` becomes `""`.
 */
export function checkMessageShape(message: unknown, codes: MessageErrorCodes): RtmError | MessageInput {
  // Errors are made only when needed: an Error captures a stack trace, which costs more than a send.
  if (!isPlainObject(message)) return invalidArgument(codes.shape, 'message object is not a plain object');
  // An explicit messageType skips every shape check (it is only compared with TEXT/RAW later).
  if (message.messageType !== undefined) return message;
  if (message.rawMessage instanceof Uint8Array) {
    message.messageType = 'RAW';
    if (message.text !== undefined) {
      return invalidArgument(codes.shape, 'Raw messages cannot have text property. Use description instead');
    }
    return message;
  }
  if (typeof message.text !== 'string') return invalidArgument(codes.shape, 'messageType is undefined');
  message.messageType = 'TEXT';
  if (message.rawMessage !== undefined) {
    return invalidArgument(codes.shape, 'Text messages cannot have rawMessage property');
  }
  return message;
}

/** Explicit `messageType` other than TEXT/RAW: ArgErr 7 for both APIs (the channel reuses the peer code). */
export function checkMessageType(message: MessageInput): RtmError | undefined {
  return message.messageType === 'TEXT' || message.messageType === 'RAW'
    ? undefined
    : invalidArgument(7, 'Invalid message type');
}

/**
 * The send's destination and payload check (the session's own): a valid peer or channel ID, and
 * for RAW a `Uint8Array` with a string description (peer 6, channel 1).
 */
export function checkDestination(message: MessageInput, destination: unknown, codes: MessageErrorCodes): RtmError | undefined {
  const valid =
    isValidId(destination) &&
    (message.messageType !== 'RAW' ||
      (message.rawMessage instanceof Uint8Array && typeof message.description === 'string'));
  return valid ? undefined : invalidArgument(codes.payload, 'The send message arguments are not valid');
}

/** The SDK sets a missing raw description to "" just before sending (docs/reference/rtm1-web-sdk.md §3.2 side effect). */
export function defaultDescription(message: MessageInput): void {
  if (message.messageType === 'RAW' && message.description === undefined) message.description = '';
}

/** Text bytes, or raw bytes + description bytes (docs/reference/rtm1-web-sdk.md §3.2). */
export function messageBytes(message: MessageInput): number {
  if (message.messageType === 'RAW') {
    return (message.rawMessage as Uint8Array).byteLength + utf8Bytes(message.description as string);
  }
  return typeof message.text === 'string' ? utf8Bytes(message.text) : 0;
}

export function checkMessageSize(message: MessageInput, codes: MessageErrorCodes): RtmError | undefined {
  return messageBytes(message) > MAX_MESSAGE_BYTES
    ? limitExceeded(codes.size, 'The message size is over the 32KB limit')
    : undefined;
}

/** A TEXT message whose `text` is not a string passes every named check and fails on encoding. */
export const isEncodable = (message: MessageInput): boolean =>
  message.messageType === 'RAW' || typeof message.text === 'string';

/**
 * docs/reference/rtm1-web-sdk.md §1.2: receivers get a new object, `{text, messageType}` or `{rawMessage, description,
 * messageType}`; the bytes are copied so the sender's later writes cannot reach them.
 */
export function normalizeMessage(message: MessageInput): RtmMessage {
  if (message.messageType === 'RAW') {
    return {
      rawMessage: new Uint8Array(message.rawMessage as Uint8Array),
      description: message.description as string,
      messageType: 'RAW',
    };
  }
  return { text: message.text as string, messageType: 'TEXT' };
}

// ---------------------------------------------------------------------------------------------
// Attributes (docs/reference/rtm1-web-sdk.md §3.3)

/** The size the SDK gives a value: `new Blob([value]).size`, which coerces a non-string to a string. */
const blobBytes = (value: unknown): number => utf8Bytes(String(value));

/**
 * docs/reference/rtm1-web-sdk.md §3.3 map checks in the SDK's order: plain object, at most 32 keys, not empty, then per entry
 * the key size (1–32 bytes), the value size (at most 8 KB, measured before the type is looked
 * at), a non-empty string value, and finally the total budget (16 KB for user attributes, 32 KB
 * for channel attributes).
 */
export function checkAttributeMap(map: unknown, totalBudget: number): RtmError | undefined {
  if (!isPlainObject(map)) return invalidArgument(3, 'attributes must be an object');
  const entries = Object.entries(map);
  if (entries.length > ATTRIBUTES.maxKeys) return limitExceeded(4, `Exceed the limit of ${ATTRIBUTES.maxKeys} attributes`);
  if (entries.length === 0) return invalidArgument(3, 'The attributes is an empty object');
  let total = 0;
  for (const [key, value] of entries) {
    const keyBytes = utf8Bytes(key);
    const valueBytes = blobBytes(value);
    if (keyBytes < 1 || keyBytes > ATTRIBUTES.maxKeyBytes) return invalidArgument(3, 'Invalid attribute key');
    if (valueBytes > ATTRIBUTES.maxValueBytes) {
      return limitExceeded(4, `Invalid attribute value, over the limit of ${ATTRIBUTES.maxValueBytes} bytes`);
    }
    if (typeof value !== 'string' || value === '') return invalidArgument(3, 'Invalid attribute value');
    total += keyBytes + valueBytes;
  }
  return total > totalBudget ? limitExceeded(4, 'The attributes size overflow') : undefined;
}

/**
 * docs/reference/rtm1-web-sdk.md §2.3: delete*ByKeys wants a non-empty array without empty keys, and reports **StatusErr 3**.
 * @note compat: the SDK only reads each key's `length`: a number key passes, a null key throws
 * the TypeError of reading `length` of null.
 */
export function checkDeleteKeys(keys: unknown, maxKeyLength = Number.POSITIVE_INFINITY): RtmError | undefined {
  const valid =
    Array.isArray(keys) &&
    keys.length > 0 &&
    !keys.some((key: { length: number }) => key.length === 0 || key.length > maxKeyLength);
  return valid ? undefined : invalidStatus(3, 'arguments is not valid');
}

/** docs/reference/rtm1-web-sdk.md §2.3: get*ByKeys wants 1–32 keys of 1–32 characters each (only `length` is read, as above). */
export function checkGetKeys(keys: unknown): RtmError | undefined {
  const valid =
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.length <= ATTRIBUTES.maxGetKeys &&
    !keys.some((key: { length: number }) => key.length === 0 || key.length > ATTRIBUTES.maxGetKeyLength);
  return valid ? undefined : invalidArgument(3, 'arguments is not valid');
}

/** docs/reference/rtm1-web-sdk.md §2.3 ID lists (query, subscribe): a non-empty array of valid IDs, at most `max` of them. */
export function isIdList(ids: unknown, max = Number.POSITIVE_INFINITY): ids is string[] {
  return Array.isArray(ids) && ids.length > 0 && ids.length <= max && ids.every(isValidId);
}

/** docs/reference/rtm1-web-sdk.md §3.4: invitation content and response are at most 8192 UTF-8 bytes (exactly 8192 is accepted). */
export const fitsInvitationText = (text: unknown): boolean =>
  // @note compat: the SDK measures `TextEncoder.encode(text)`, which coerces a non-string value
  // to a string (undefined → ""), so a number or object passes if its string form fits.
  new TextEncoder().encode(text as string).length <= MAX_INVITATION_TEXT_BYTES;

/** The SDK's messages when `send`/`accept`/`refuse` find content or a response over 8 KB (the adapter says the same). */
export const CONTENT_OVERFLOW =
  'The length of the "content" overflows. The number of bytes representing content must not exceed 8 \u00d7 1024 if encoded in UTF-8.';
export const RESPONSE_OVERFLOW =
  'The length of the "response" overflows. The number of bytes representing content must not exceed 8 \u00d7 1024 if encoded in UTF-8.';

/** A legacy end-call message: the channel and the one `info` piece it carries. */
export interface EndCall {
  channelId: string;
  info: string;
}

/**
 * docs/reference/rtm1-web-sdk.md §4.9: text starting with END_CALL_PREFIX is an end-call signal, not text. Split on `_`, only
 * the first three pieces count: valid iff piece 1 is exactly the prefix and piece 2 a valid
 * channel ID. Returns `undefined` for ordinary text.
 */
export function parseEndCall(text: string, prefix: string): EndCall | 'invalid' | undefined {
  if (!text.startsWith(prefix)) return undefined;
  const [head, channelId, info] = text.split('_');
  if (head !== prefix || info === undefined || !isValidId(channelId)) return 'invalid';
  return { channelId, info };
}
