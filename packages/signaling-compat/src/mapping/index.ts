/**
 * `signaling-compat/mapping`: the Signaling → RTM 1.x mapping table (docs/reference/signaling-rtm-mapping-table.md) as typed data.
 * It drives the migration guide, the `scan` command and the coverage tests.
 */

import { INVOKE_MAPPING } from './invokeFunctions';
import { NATIVE_MAPPING } from './native';
import { RESERVED_NAME_MAPPING } from './reservedNames';
import { SERVER_MAPPING } from './server';
import type { Dialect, MappingEntry } from './types';
import { WEB_MAPPING } from './web';

export type { Dialect, LegacyClass, MappingEntry, MappingKind, MappingStatus, ObjectFlow } from './types';
export { MEMBER_ALIASES, type MemberAlias } from './aliases';
export { LEGACY_CLASSES, type LegacyClassEntry, type LegacyClassRef } from './classes';
export { INVOKE_PREFIX } from './invokePrefix';
export { BUILT_IN_ATTRIBUTE_MAPPING, EXTRA_KEY_MAPPING, SPECIAL_CHANNEL_MAPPING } from './reservedNames';
export { legacyName } from './labels';

/**
 * Every legacy member of the three dialects. Invoke functions, call extra keys, special channels
 * and built-in attributes are the same in every dialect and are listed once, under `web`.
 */
export const MAPPING: readonly MappingEntry[] = [
  ...WEB_MAPPING,
  ...INVOKE_MAPPING,
  ...RESERVED_NAME_MAPPING,
  ...SERVER_MAPPING,
  ...NATIVE_MAPPING,
];

const BY_KEY = new Map(MAPPING.map((entry) => [mappingKey(entry.dialect, entry.owner, entry.member), entry]));

function mappingKey(dialect: Dialect, owner: string, member: string): string {
  return `${dialect}\u0000${owner}\u0000${member}`;
}

/** The entry for one legacy member, matched exactly (aliases are not resolved). */
export function findMapping(dialect: Dialect, owner: string, member: string): MappingEntry | undefined {
  return BY_KEY.get(mappingKey(dialect, owner, member));
}
