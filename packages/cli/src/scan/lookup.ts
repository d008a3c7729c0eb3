/**
 * Name lookups over the mapping table for the scanner: exact (owner known), by alias, and by
 * name alone for the low-confidence matches.
 */

import { MAPPING, MEMBER_ALIASES, findMapping, type Dialect, type MappingEntry } from 'signaling-compat/mapping';

/** The entry for `name` on a known owner, accepting the aliases of `MEMBER_ALIASES`. */
export function entryOf(dialect: Dialect, owner: string, name: string): MappingEntry | undefined {
  const direct = findMapping(dialect, owner, name);
  if (direct !== undefined) return direct;
  const alias = MEMBER_ALIASES.find((a) => a.dialect === dialect && a.owner === owner && a.alias === name);
  return alias === undefined ? undefined : findMapping(dialect, owner, alias.member);
}

const DIALECT_PREFERENCE: Record<Dialect, readonly Dialect[]> = {
  web: ['web', 'server', 'native'],
  server: ['server', 'web', 'native'],
  native: ['native', 'web', 'server'],
};

const OBJECT_MEMBER_KINDS = new Set(['method', 'event']);

/**
 * The entry a bare method or event name most likely means, preferring the file's dialect and then
 * the table order (so `channelInviteEnd` in a Web file is `Call.channelInviteEnd`).
 */
export function entryByName(name: string, preferred: Dialect): MappingEntry | undefined {
  const key = `${preferred} ${name}`;
  if (!BY_NAME.has(key)) BY_NAME.set(key, searchByName(name, preferred));
  return BY_NAME.get(key);
}

const BY_NAME = new Map<string, MappingEntry | undefined>();

function searchByName(name: string, preferred: Dialect): MappingEntry | undefined {
  for (const dialect of DIALECT_PREFERENCE[preferred]) {
    for (const entry of MAPPING) {
      if (entry.dialect === dialect && OBJECT_MEMBER_KINDS.has(entry.kind) && entryOf(dialect, entry.owner, name) === entry) return entry;
    }
  }
  return undefined;
}

/**
 * Method and event names too common outside Signaling to report without a traced receiver
 * (other SDKs and apps have their own `login`, `onError`, `getInstance`, `onReconnecting`, …).
 */
const COMMON_NAMES = new Set([
  'Signal',
  'login',
  'logout',
  'invoke',
  'destroy',
  'start',
  'stop',
  'ping',
  'configure',
  'getInstance',
  'getStatus',
  'getName',
  'isOnline',
  'getSdkVersion',
  'getSDKVersion',
  'setBackground',
  'setNetworkStatus',
  'setAttr',
  'getAttr',
  'getAttrAll',
  'onError',
  'onLog',
  'onMsg',
  'onDbg',
  'onLoginSuccess',
  'onLoginFailed',
  'onLogout',
  'onReconnecting',
  'onReconnected',
]);

const UNIQUE_NAMES = new Set(
  [
    ...MAPPING.filter((e) => OBJECT_MEMBER_KINDS.has(e.kind)).map((e) => e.member),
    ...MEMBER_ALIASES.filter((a) => a.owner !== 'channel').map((a) => a.alias),
  ].filter((name) => !COMMON_NAMES.has(name)),
);

/** Whether a method/event name alone is evidence of Signaling code. */
export function isUniqueName(name: string): boolean {
  return UNIQUE_NAMES.has(name);
}

/** Names the legacy service gave a meaning to, by mapping owner. */
export const INVOKE_PREFIX = 'io.agora.signal.';
export const UNLISTED_INVOKE = 'io.agora.signal.*';

/** The entry for an `io.agora.signal.*` string, and whether it is a listed function. */
export function invokeEntry(value: string): MappingEntry | undefined {
  if (!value.startsWith(INVOKE_PREFIX) || value.length === INVOKE_PREFIX.length) return undefined;
  return findMapping('web', 'invoke', value) ?? findMapping('web', 'invoke', UNLISTED_INVOKE);
}

/** `extra` keys whose name alone is specific enough to report outside an invitation. */
export const DISTINCT_EXTRA_KEYS = new Set(['_require_peer_online', 'destMediaUid']);
