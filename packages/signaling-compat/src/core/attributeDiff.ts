/** One legacy `onChannelAttrUpdated(name, value, type)` event. */
export interface AttrChange {
  name: string;
  value: string;
  type: 'update' | 'del' | 'clear';
}

/**
 * RTM pushes the complete attribute map (docs/reference/rtm1-web-sdk.md §4.12); legacy apps expect one event per
 * changed key. A map emptied of several keys is one `clear` (with empty name and value); a map that
 * lost its only key reports that key's `del` — the push cannot tell the two apart, and a delete is
 * the likelier cause.
 */
export function diffAttributes(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): AttrChange[] {
  if (after.size === 0 && before.size > 1) return [{ name: '', value: '', type: 'clear' }];
  const changes: AttrChange[] = [];
  for (const [name, value] of after) {
    if (before.get(name) !== value) changes.push({ name, value, type: 'update' });
  }
  for (const [name, value] of before) {
    if (!after.has(name)) changes.push({ name, value, type: 'del' });
  }
  return changes;
}

/** The events of the setter's own operations, exactly as issued (no guessing needed). */
export function changesOfOps(
  before: ReadonlyMap<string, string>,
  ops: ReadonlyArray<{ kind: 'set'; name: string; value: string } | { kind: 'del'; name: string } | { kind: 'clear' }>,
): { after: Map<string, string>; changes: AttrChange[] } {
  const after = new Map(before);
  const changes: AttrChange[] = [];
  for (const op of ops) {
    if (op.kind === 'clear') {
      if (after.size > 0) changes.push({ name: '', value: '', type: 'clear' });
      after.clear();
    } else if (op.kind === 'set') {
      if (after.get(op.name) !== op.value) changes.push({ name: op.name, value: op.value, type: 'update' });
      after.set(op.name, op.value);
    } else if (after.has(op.name)) {
      changes.push({ name: op.name, value: after.get(op.name)!, type: 'del' });
      after.delete(op.name);
    }
  }
  return { after, changes };
}
