/**
 * Generators of hostile peer data, by class rather than by case: every class is produced at sizes
 * up to what RTM lets a peer send, as JSON *text* (a 10,000-deep array cannot even be built with
 * `JSON.stringify` without overflowing the stack, so the texts are written by hand).
 */

export interface HostileText {
  /** The class and size, for test names. */
  name: string;
  /** What a peer puts on the wire. */
  text: string;
}

/** RTM's 32 KB peer and channel message limit, minus room for the envelope around the text. */
const MESSAGE_BUDGET = 30_000;

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '0' + '}'.repeat(depth);
const deepMixed = (depth: number) => '[{"k":'.repeat(depth) + 'null' + '}]'.repeat(depth);
const wideObject = (keys: number) => `{${Array.from({ length: keys }, (_, i) => `"k${i}":${i}`).join(',')}}`;
const wideArray = (items: number) => `[${Array(items).fill('0').join(',')}]`;

/** Keys that mean something to JavaScript objects. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'then'];

function prototypeKeys(): string {
  return `{${PROTOTYPE_KEYS.map((k) => `"${k}":{"polluted":1,"__proto__":{"polluted":2}}`).join(',')}}`;
}

/** Every class at a small size and at the largest size a peer can send within `budget` characters. */
export function hostileTexts(budget = MESSAGE_BUDGET): HostileText[] {
  const deep = Math.floor(budget / 2);
  return [
    { name: `array nested ${deep} deep`, text: deepArray(deep) },
    { name: 'array nested 65 deep (just past the limit)', text: deepArray(65) },
    { name: `object nested ${Math.floor(budget / 6)} deep`, text: deepObject(Math.floor(budget / 6)) },
    { name: `arrays and objects nested ${Math.floor(budget / 10)} deep`, text: deepMixed(Math.floor(budget / 10)) },
    { name: `object with ${Math.floor(budget / 12)} keys`, text: wideObject(Math.floor(budget / 12)) },
    { name: `array of ${Math.floor(budget / 2)} items`, text: wideArray(Math.floor(budget / 2)) },
    { name: `string of ${budget - 2} characters`, text: JSON.stringify('x'.repeat(budget - 2)) },
    { name: 'prototype keys', text: prototypeKeys() },
    { name: 'odd JSON values', text: '[null,true,false,-0,1e308,-1e-308,"\\u0000","\\ud800",{},[],""]' },
    { name: 'a bare number', text: '1e999' },
    { name: 'malformed JSON', text: '{"a":[1,2,{"b":' },
    { name: 'control characters and lone surrogates', text: '\u0000\u0001\ud800\udfff\uffff\u2028' },
    { name: 'brackets inside strings', text: `["${'['.repeat(200)}"]` },
  ];
}

/**
 * True if an app can do the ordinary things with `value` — render it as JSON and as a string —
 * without an exception. What the shim hands to app callbacks must always pass this.
 */
export function renderable(value: unknown): boolean {
  try {
    JSON.stringify(value);
    if (typeof value !== 'object' || value === null) String(value);
    return true;
  } catch {
    return false;
  }
}
