/**
 * Which mapping entry a member name stands for, given what its receiver was traced to.
 */

import type { Dialect, MappingEntry } from 'signaling-compat/mapping';
import { counterpartOf, type LegacyValue } from './legacyModel';
import { entryByName, entryOf, isDistinctiveName } from './lookup';
import type { Confidence } from './types';

/** A mapping entry a piece of code stands for, and how sure the scanner is. */
export interface Resolved {
  entry: MappingEntry;
  confidence: Confidence;
}

/** A handler object's member: its class's event, or for native handlers any ICallBack name. */
export function handlerEntry(role: LegacyValue, name: string): Resolved | undefined {
  const entry = entryOf(role.dialect, role.owner, name);
  return entry && { entry, confidence: role.confidence };
}

/**
 * `receiver.name` on a traced receiver, with the receiver's confidence. `loginDialect` is the dialect a
 * `login` call's arguments point to (Web and Server `Signal` share the spelling).
 */
export function tracedMember(receiver: LegacyValue, name: string, loginDialect: () => Dialect): Resolved | undefined {
  const { confidence } = receiver;
  if (receiver.kind === 'factory') {
    const entry = name === 'configure' ? entryOf(receiver.dialect, 'Signal', name) : undefined;
    return entry && { entry, confidence };
  }
  if (receiver.kind === 'class') {
    // Only the static getters live on the native class itself.
    const entry = entryOf('native', 'AgoraAPI', name);
    return entry?.returns !== undefined ? { entry, confidence } : undefined;
  }
  if (receiver.kind !== 'instance') return undefined;
  const dialect = receiver.owner === 'Signal' && name === 'login' ? loginDialect() : receiver.dialect;
  const entry = entryOf(dialect, receiver.owner, name);
  if (entry !== undefined) return { entry, confidence };
  const other = counterpartOf(dialect, receiver.owner);
  const fallback = other && entryOf(other.dialect, other.owner, name);
  return fallback && { entry: fallback, confidence };
}

/** A name alone, on an untraced receiver: only names unique to Signaling count, at `low` confidence. */
export function nameOnlyEntry(name: string, hint: Dialect): Resolved | undefined {
  if (!isDistinctiveName(name)) return undefined;
  const entry = entryByName(name, hint);
  return entry && { entry, confidence: 'low' };
}
