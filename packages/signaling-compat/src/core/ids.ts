import { tryStringify } from './untrusted';

/**
 * Identity rules: legacy accounts and channel names → RTM user/channel IDs, and legacy uids.
 */

/**
 * The shim's ID rule: RTM's shared rule (docs/reference/rtm1-web-sdk.md §3.1) narrowed to ASCII. RTM also takes any
 * JavaScript whitespace, U+00A0, U+3000, U+2028 and U+FEFF included, so `alice` plus one of those is
 * a different user that renders as `alice`; the shim never produces or accepts such IDs. Written
 * once so every check agrees.
 */
const RTM_ID_CHARS = /^[A-Za-z0-9_ \t\n\v\f\r!#$%&()+,.:;<=>?@[\]^{|}~-]+$/;
export const RTM_ID_MAX_LENGTH = 64;

const encoder = /* @__PURE__ */ new TextEncoder();

export function isValidRtmId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= RTM_ID_MAX_LENGTH &&
    value !== 'null' &&
    RTM_ID_CHARS.test(value)
  );
}

/**
 * The legacy Web SDK `JSON.stringify`'d non-string accounts and channel names (docs/reference/legacy-web-sdk.md
 * §4.1, §5.1): `12345` became `"12345"`. `undefined` stays `undefined`; a value that cannot be
 * stringified (circular) yields `undefined` too, and the caller reports it.
 */
export function legacyString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : tryStringify(value);
}

export type IdCodecName = 'strict' | 'escape';

/** Turns legacy names into RTM IDs and back. */
export interface IdCodec {
  readonly name: IdCodecName;
  /** The RTM ID for a legacy name, or `undefined` when it cannot be expressed (with `why`). */
  encode(legacy: string): { id: string } | { why: string };
  /**
   * The legacy name for an RTM ID, or `undefined` for an ID this codec never produces (a bare RTM
   * client's `%61lice`, `alice` + U+00A0): such an ID would render as someone else's name, so
   * whatever it sends or does is ignored. Only IDs that re-encode to themselves decode.
   */
  decode(id: string): string | undefined;
}

const RULE =
  'RTM IDs are 1–64 characters of ASCII letters, digits, spaces and !#$%&()+,.:;<=>?@[]^_{|}~- and not "null"';

export const strictCodec: IdCodec = {
  name: 'strict',
  encode: (legacy) => (isValidRtmId(legacy) ? { id: legacy } : { why: `"${legacy}" is not a valid RTM ID (${RULE})` }),
  decode: (id) => (isValidRtmId(id) ? id : undefined),
};

/**
 * A reversible escaping into RTM's allowed set: every byte of the UTF-8 form that is not allowed
 * (and `%` itself) becomes `%XX`; the exact string `null` becomes `%6Eull`. Every shim client applies
 * it, so escaped IDs round-trip between them; plain RTM clients see the escaped form.
 */
export const escapeCodec: IdCodec = {
  name: 'escape',
  encode(legacy) {
    let id = '';
    for (const byte of encoder.encode(legacy)) {
      const ch = String.fromCharCode(byte);
      id += byte < 0x80 && ch !== '%' && RTM_ID_CHARS.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    if (id === 'null') id = '%6Eull';
    if (isValidRtmId(id)) return { id };
    return { why: `"${legacy}" is ${legacy.length === 0 ? 'empty' : 'too long once escaped'} (${RULE})` };
  },
  decode(id) {
    if (!id.includes('%')) return isValidRtmId(id) ? id : undefined;
    let legacy: string;
    try {
      legacy = decodeURIComponent(id);
    } catch {
      return undefined;
    }
    // Lower-case hex, escaped allowed characters and over-long forms decode too, but are not what
    // `encode` writes: accepting them would let a bare client pose as the user they decode to.
    const again = escapeCodec.encode(legacy);
    return 'id' in again && again.id === id ? legacy : undefined;
  },
};

export function codecFor(name: IdCodecName | undefined): IdCodec {
  return name === 'escape' ? escapeCodec : strictCodec;
}

/**
 * RTM has no uid. Legacy apps received server-assigned uids in onLoginSuccess and user lists and
 * matched them across clients, so every shim client derives the same 32-bit non-zero number from
 * the account (FNV-1a over UTF-8).
 *
 * It runs for the sender of every received channel message, so recent accounts' uids are kept:
 * at most `UID_CACHE_SIZE`, the whole cache dropped when full, so peers sending under ever new
 * accounts cannot grow it.
 */
export function accountUid(account: string): number {
  const known = uidCache.get(account);
  if (known !== undefined) return known;
  const uid = fnv1a(account);
  if (uidCache.size >= UID_CACHE_SIZE) uidCache.clear();
  uidCache.set(account, uid);
  return uid;
}

export const UID_CACHE_SIZE = 1024;
const uidCache = new Map<string, number>();

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** An ASCII account's UTF-8 bytes are its char codes: hashing those needs no encoder. */
function fnv1a(account: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < account.length; i++) {
    const code = account.charCodeAt(i);
    if (code > 0x7f) return fnv1aUtf8(account);
    hash = Math.imul(hash ^ code, FNV_PRIME);
  }
  return hash >>> 0 || 1;
}

function fnv1aUtf8(account: string): number {
  let hash = FNV_OFFSET;
  for (const byte of encoder.encode(account)) hash = Math.imul(hash ^ byte, FNV_PRIME);
  return hash >>> 0 || 1;
}

/** UTF-8 byte length, for RTM's byte-based limits. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
