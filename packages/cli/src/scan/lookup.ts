/**
 * Name lookups over the mapping table for the scanner: exact (owner known), by alias, and by
 * name alone for the low-confidence matches.
 */

import {
  BUILT_IN_ATTRIBUTE_MAPPING,
  EXTRA_KEY_MAPPING,
  INVOKE_PREFIX,
  MAPPING,
  MEMBER_ALIASES,
  SPECIAL_CHANNEL_MAPPING,
  findMapping,
  type Dialect,
  type MappingEntry,
} from 'signaling-compat/mapping';

/** The `invoke` namespace, as the mapping defines it. */
export { INVOKE_PREFIX };

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
 * Names of the RTM 1.x API as the mapping's `rtm` column writes them (`RtmClient.login`,
 * `AgoraRTM.createInstance`): code already migrated calls them too, so they prove nothing.
 */
const RTM_MEMBER_NAMES = new Set(
  MAPPING.flatMap((entry) => [...entry.rtm.matchAll(/\b(?:AgoraRTM|Rtm[A-Z]\w*|LocalInvitation|RemoteInvitation)\.(\w+)/g)].map((match) => match[1])),
);

/**
 * Legacy method and event names that everyday code uses for its own objects too (other SDKs and
 * apps have their own `destroy`, `onError`, `getInstance`, `onReconnecting`, …): reported only on
 * a traced receiver.
 */
const EVERYDAY_NAMES = new Set([
  'Signal',
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

/**
 * The distinctive names: every method and event of the mapping table and their other spellings,
 * less the RTM API's own names and the everyday ones. Such a name alone is evidence of Signaling
 * code, whatever the receiver (`this.session.messageInstantSend(…)` with `session` set elsewhere).
 */
const DISTINCTIVE_NAMES = new Set(
  [
    ...MAPPING.filter((e) => OBJECT_MEMBER_KINDS.has(e.kind)).map((e) => e.member),
    ...MEMBER_ALIASES.filter((a) => a.owner !== 'channel').map((a) => a.alias),
  ].filter((name) => !RTM_MEMBER_NAMES.has(name) && !EVERYDAY_NAMES.has(name)),
);

/** Whether a method/event name alone is evidence of Signaling code. */
export function isDistinctiveName(name: string): boolean {
  return DISTINCTIVE_NAMES.has(name);
}

/** The mapping's entry for any `invoke` function it does not list: `io.agora.signal.*`. */
const UNLISTED_INVOKE = findMapping('web', 'invoke', `${INVOKE_PREFIX}*`);

/** The entry for an `io.agora.signal.*` string: its listed function, or the entry for any other. */
export function invokeEntry(value: string): MappingEntry | undefined {
  if (UNLISTED_INVOKE === undefined || !value.startsWith(INVOKE_PREFIX) || value.length === INVOKE_PREFIX.length) return undefined;
  return findMapping(UNLISTED_INVOKE.dialect, UNLISTED_INVOKE.owner, value) ?? UNLISTED_INVOKE;
}

/** A lookup by name (or alias) in one table of reserved names, which the mapping lists under one owner. */
function reservedNameLookup(entries: readonly MappingEntry[]): (name: string) => MappingEntry | undefined {
  const [{ dialect, owner }] = entries;
  return (name) => entryOf(dialect, owner, name);
}

/** The entry of a call `extra` key (`_require_peer_online`, `_timeout`, …). */
export const extraKeyEntry = reservedNameLookup(EXTRA_KEY_MAPPING);
/** The entry of a special channel (`__agora_user_online`, or its `_agora_user_online` spelling). */
export const specialChannelEntry = reservedNameLookup(SPECIAL_CHANNEL_MAPPING);
/** The entry of a built-in channel attribute (`_member_num`, …). */
export const builtInAttributeEntry = reservedNameLookup(BUILT_IN_ATTRIBUTE_MAPPING);

/** The call `extra` keys the legacy service read. */
export const EXTRA_KEYS: ReadonlySet<string> = new Set(EXTRA_KEY_MAPPING.map((entry) => entry.member));

/** `extra` keys whose name alone is specific enough to report outside an invitation. */
export const DISTINCT_EXTRA_KEYS: ReadonlySet<string> = new Set(['_require_peer_online', 'destMediaUid']);
