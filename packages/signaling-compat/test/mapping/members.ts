/**
 * For comparing the mapping table with the real dialect objects: list what an object
 * exposes, and what the table says it should expose.
 */

import { MAPPING, type Dialect } from '../../src/mapping/index';

/**
 * The public members of `value`: its own enumerable keys plus every own name along its prototype
 * chain, stopping at `Object.prototype` / `Function.prototype`, without `constructor`. Class
 * methods are non-enumerable on their prototype, so the chain is read with
 * `Object.getOwnPropertyNames`. `#private` fields are invisible here by design.
 */
export function publicMembers(value: object): string[] {
  const names = new Set(Object.keys(value));
  for (
    let proto: object | null = Object.getPrototypeOf(value);
    proto !== null && proto !== Object.prototype && proto !== Function.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  names.delete('constructor');
  return [...names].sort();
}

/**
 * Members the table lists as living on the factory/class itself rather than on its instances:
 * the legacy factory, `Signal.configure` and the native instance getters.
 */
const STATIC_MEMBERS: Record<string, readonly string[]> = {
  'web Signal': ['Signal', 'configure'],
  'server Signal': ['Signal'],
  'native AgoraAPI': ['getInstance', 'createAgoraSDKInstance'],
};

/**
 * The instance members (methods, events, properties) the table lists for one legacy class,
 * sorted — comparable with `publicMembers(instance)`. Pass `{ statics: true }` for the members
 * that live on the factory/class instead.
 */
export function mappedMembers(dialect: Dialect, owner: string, options: { statics?: boolean } = {}): string[] {
  const statics = STATIC_MEMBERS[`${dialect} ${owner}`] ?? [];
  return MAPPING.filter(
    (entry) =>
      entry.dialect === dialect &&
      entry.owner === owner &&
      (entry.kind === 'method' || entry.kind === 'event' || entry.kind === 'property') &&
      statics.includes(entry.member) === (options.statics ?? false),
  )
    .map((entry) => entry.member)
    .sort();
}
