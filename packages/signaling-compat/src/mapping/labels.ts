import type { MappingEntry } from './types';

/**
 * How a legacy member is written in reports and the migration guide, e.g. `Session.logout`,
 * `Signal(appid)`, `invoke io.agora.signal.user_get_attr`, `extra key _timeout`.
 */
export function legacyName(entry: Pick<MappingEntry, 'owner' | 'member' | 'kind'>): string {
  switch (entry.kind) {
    case 'invoke':
      return `invoke ${entry.member}`;
    case 'extra-key':
      return `extra key ${entry.member}`;
    case 'special-channel':
      return `special channel ${entry.member}`;
    case 'special-attribute':
      return `built-in attribute ${entry.member}`;
    default:
      // The factory is listed as a member named like its class.
      return entry.member === entry.owner ? `${entry.owner}(appid)` : `${entry.owner}.${entry.member}`;
  }
}
