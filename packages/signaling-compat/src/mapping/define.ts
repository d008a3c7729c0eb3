import { rtm2Route } from './rtm2';
import type { Dialect, MappingEntry, MappingKind, MappingStatus, ObjectFlow } from './types';

/** One row of an owner's table: kind, legacy member, RTM counterpart, status, note, and how it hands objects around. */
export type MappingRow = readonly [kind: MappingKind, member: string, rtm: string, status: MappingStatus, note: string, flow?: ObjectFlow];

/**
 * Expands the compact rows of one legacy class into full entries (keeps the data files tabular); the RTM 2.x
 * route follows from the RTM 1.x one.
 */
export function defineOwner(dialect: Dialect, owner: string, rows: readonly MappingRow[]): MappingEntry[] {
  return rows.map(([kind, member, rtm, status, note, flow]) => ({ dialect, owner, member, kind, rtm, rtm2: rtm2Route(rtm), status, note, ...flow }));
}
