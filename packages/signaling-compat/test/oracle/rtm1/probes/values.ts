import { runInNewContext } from 'node:vm';

/** Inputs shared by the probe tables, each with a label for the probe id. */

const x = (n: number) => 'x'.repeat(n);

/** docs/reference/rtm1-web-sdk.md §3.1: the one ID rule, at its edges, and wrong types. */
export const IDS: Array<[string, unknown]> = [
  ['plain', 'abc'],
  ['empty', ''],
  ['null-string', 'null'],
  ['NULL-string', 'NULL'],
  ['slash', 'a/b'],
  ['star', 'a*b'],
  ['quote', "a'b"],
  ['dquote', 'a"b'],
  ['backslash', 'a\\b'],
  ['backtick', 'a`b'],
  ['e-acute', 'é'],
  ['cjk', '中文'],
  ['space-inside', 'a b'],
  ['space', ' '],
  ['tab', '\t'],
  ['newline', 'a\nb'],
  ['braces', '{}'],
  ['punctuation', '!#$%&()+,.:;<=>?@[]^{|}~-_'],
  ['nbsp', '\u00a0'],
  ['ideographic-space', '\u3000'],
  ['64-chars', x(64)],
  ['65-chars', x(65)],
  ['number', 123],
  ['null', null],
  ['undefined', undefined],
  ['object', {}],
  ['array', ['a']],
];

/** A plain object made in another realm (an iframe's or a vm context's Object.prototype). */
export const crossRealm = <T>(source: string): T => runInNewContext(`(${source})`) as T;

export const nullProto = <T extends object>(fields: T): T => Object.assign(Object.create(null) as T, fields);

class Boxed {
  text = 'a';
}

/** docs/reference/rtm1-web-sdk.md §3.2: message objects. */
export const MESSAGES: Array<[string, () => unknown]> = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['string', () => 'hello'],
  ['number', () => 1],
  ['empty-object', () => ({})],
  ['text-empty', () => ({ text: '' })],
  ['text', () => ({ text: 'a' })],
  ['text-number', () => ({ text: 1 })],
  ['text-null', () => ({ text: null })],
  ['raw', () => ({ rawMessage: new Uint8Array([1, 2]) })],
  ['raw-empty', () => ({ rawMessage: new Uint8Array(0) })],
  ['raw-array', () => ({ rawMessage: [1, 2] })],
  ['raw-description', () => ({ rawMessage: new Uint8Array([1]), description: 'd' })],
  ['raw-description-number', () => ({ rawMessage: new Uint8Array([1]), description: 1 })],
  ['text-and-raw', () => ({ text: 'a', rawMessage: new Uint8Array([1]) })],
  ['text-and-raw-typed-text', () => ({ text: 'a', rawMessage: new Uint8Array([1]), messageType: 'TEXT' })],
  ['text-and-raw-typed-raw', () => ({ text: 'a', rawMessage: new Uint8Array([1]), messageType: 'RAW' })],
  ['text-typed-text', () => ({ text: 'a', messageType: 'TEXT' })],
  ['text-typed-raw', () => ({ text: 'a', messageType: 'RAW' })],
  ['text-typed-bogus', () => ({ text: 'a', messageType: 'BOGUS' })],
  ['number-typed-text', () => ({ text: 1, messageType: 'TEXT' })],
  ['raw-typed-text', () => ({ rawMessage: new Uint8Array([1]), messageType: 'TEXT' })],
  ['type-only', () => ({ messageType: 'TEXT' })],
  ['null-prototype', () => nullProto({ text: 'a' })],
  ['cross-realm', () => crossRealm('{ text: "a" }')],
  ['class-instance', () => new Boxed()],
  ['array', () => [{ text: 'a' }]],
  ['text-32768-bytes', () => ({ text: x(32_768) })],
  ['text-32769-bytes', () => ({ text: x(32_769) })],
  ['text-multibyte-32768', () => ({ text: 'é'.repeat(16_384) })],
  ['text-multibyte-32770', () => ({ text: 'é'.repeat(16_385) })],
  ['raw-32768-bytes', () => ({ rawMessage: new Uint8Array(32_768) })],
  ['raw-32769-bytes', () => ({ rawMessage: new Uint8Array(32_769) })],
  ['raw-plus-description-over', () => ({ rawMessage: new Uint8Array(32_767), description: 'ab' })],
];

const END_CALL = 'AgoraRTMLegacyEndcallCompatibleMessagePrefix';

/** docs/reference/rtm1-web-sdk.md §4.9: end-call texts. */
export const END_CALL_TEXTS: Array<[string, string]> = [
  ['valid', `${END_CALL}_chan_info`],
  ['empty-info', `${END_CALL}_chan_`],
  ['extra-pieces', `${END_CALL}_chan_a_b`],
  ['two-pieces', `${END_CALL}_chan`],
  ['bare', END_CALL],
  ['bad-channel', `${END_CALL}_bad/chan_info`],
  ['longer-prefix', `${END_CALL}X_chan_info`],
  ['empty-channel', `${END_CALL}__info`],
  ['contains-prefix', `x${END_CALL}_chan_info`],
  ['huge-info', `${END_CALL}_chan_${x(40_000)}`],
];

/** docs/reference/rtm1-web-sdk.md §3.3: attribute maps. `total` is the budget of the kind (user 16 384, channel 32 768). */
export function attributeMaps(total: number): Array<[string, () => unknown]> {
  const keys33 = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']));
  const keys32 = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`k${i}`, 'v']));
  // Exactly `total` bytes of keys plus values, in values of at most 8192 bytes.
  const budget = (bytes: number) => {
    const map: Record<string, string> = {};
    let left = bytes;
    for (let i = 0; left > 0; i += 1) {
      const key = `k${String(i).padStart(2, '0')}`;
      const value = Math.min(8_192, left - key.length);
      map[key] = x(value);
      left -= key.length + value;
    }
    return map;
  };
  return [
    ['undefined', () => undefined],
    ['null', () => null],
    ['string', () => 'a'],
    ['array', () => [['k', 'v']]],
    ['empty', () => ({})],
    ['one', () => ({ k: 'v' })],
    ['empty-value', () => ({ k: '' })],
    ['number-value', () => ({ k: 1 })],
    ['null-value', () => ({ k: null })],
    ['empty-key', () => ({ '': 'v' })],
    ['key-32-bytes', () => ({ [x(32)]: 'v' })],
    ['key-33-bytes', () => ({ [x(33)]: 'v' })],
    ['key-multibyte-33-bytes', () => ({ [`${'é'.repeat(16)}x`]: 'v' })],
    ['32-keys', () => keys32],
    ['33-keys', () => keys33],
    ['value-8192-bytes', () => ({ k: x(8_192) })],
    ['value-8193-bytes', () => ({ k: x(8_193) })],
    ['value-multibyte-8194-bytes', () => ({ k: 'é'.repeat(4_097) })],
    ['total-at-limit', () => budget(total)],
    ['total-over-limit', () => budget(total + 1)],
    ['null-prototype', () => nullProto({ k: 'v' })],
    ['cross-realm', () => crossRealm('{ k: "v" }')],
    ['class-instance', () => new (class Attributes {
      k = 'v';
    })()],
  ];
}

/** Key lists of the by-keys calls. */
export const KEY_LISTS: Array<[string, unknown]> = [
  ['undefined', undefined],
  ['string', 'k'],
  ['empty', []],
  ['one', ['k']],
  ['empty-key', ['']],
  ['number-key', [1]],
  ['key-32', [x(32)]],
  ['key-33', [x(33)]],
  ['key-512', [x(512)]],
  ['key-513', [x(513)]],
  ['32-keys', Array.from({ length: 32 }, (_, i) => `k${i}`)],
  ['33-keys', Array.from({ length: 33 }, (_, i) => `k${i}`)],
];

/** ID lists of the presence and count calls, by size. */
export const idList = (n: number): string[] => Array.from({ length: n }, (_, i) => `u${i}`);
