/**
 * The one edge where data from peers (and values the shim must turn into text) is made safe.
 *
 * Anything another client controls — message bodies, control messages, END_CALL texts, invitation
 * content, attribute values — is parsed here once, with bounds, so that nothing the shim later does
 * with it (`JSON.stringify` for a legacy callback, `String`, a property read) can throw. A JSON body
 * nested deeper than `MAX_JSON_DEPTH`, or longer than `MAX_UNTRUSTED_CHARS`, is not parsed: it
 * arrives as its text, which is always safe to hand to an app.
 */

/** Deeper than any legacy payload (legacy apps sent flat objects); far below V8's stack limits. */
export const MAX_JSON_DEPTH = 64;
/** Above RTM's 32 KB message limit with room for UTF-16 expansion; larger bodies stay text. */
export const MAX_UNTRUSTED_CHARS = 128 * 1024;

/** The nesting depth of a JSON text, counted without parsing (brackets inside strings ignored). */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * Parses untrusted JSON. Fails (never throws) on malformed, over-deep or oversized text. The result
 * holds only plain JSON values: own `__proto__` keys stay ordinary data properties.
 */
export function parseUntrusted(text: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof text !== 'string' || text.length > MAX_UNTRUSTED_CHARS || jsonDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * `JSON.stringify` that never throws: `undefined` for what JSON cannot carry (circular, BigInt,
 * too deep for the stack, a throwing `toJSON`) — the caller picks the fallback.
 */
export function tryStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Any value as text, never throwing: strings as they are, everything else as JSON, and what JSON
 * cannot carry as `String(value)` or, when even that throws (a 10,000-deep array's `toString`
 * overflows the stack; an object with a throwing `toString`), `fallback`.
 */
export function safeText(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  const json = tryStringify(value);
  if (json !== undefined) return json;
  try {
    return String(value);
  } catch {
    return fallback;
  }
}
