/** One legacy `onChannelAttrUpdated(name, value, type)` event. */
export interface AttrChange {
  name: string;
  value: string;
  type: 'update' | 'del' | 'clear';
}

/**
 * RTM pushes the complete attribute map (rtm1-web-sdk.md §4.12); legacy apps expect one event per
 * changed key. An emptied map is one `clear` (legacy sent `clear` with empty name and value).
 */
export function diffAttributes(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): AttrChange[] {
  if (after.size === 0) return before.size === 0 ? [] : [{ name: '', value: '', type: 'clear' }];
  const changes: AttrChange[] = [];
  for (const [name, value] of after) {
    if (before.get(name) !== value) changes.push({ name, value, type: 'update' });
  }
  for (const [name, value] of before) {
    if (!after.has(name)) changes.push({ name, value, type: 'del' });
  }
  return changes;
}
