import { describe, expect, test } from 'vitest';
import { INVOKE_PREFIX, LEGACY_CLASSES, MAPPING, legacyName, type Dialect, type MappingEntry } from '../../src/mapping/index';

const isClass = (dialect: Dialect, owner: string) => LEGACY_CLASSES.some((c) => c.dialect === dialect && c.owner === owner);
const membersOf = (dialect: Dialect, owner: string) => MAPPING.filter((e) => e.dialect === dialect && e.owner === owner);

describe('object-flow columns and legacy classes', () => {
  test('every legacy class has entries, once, and every entry of a class owner is listed', () => {
    const keys = LEGACY_CLASSES.map((c) => `${c.dialect} ${c.owner}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(LEGACY_CLASSES.filter((c) => membersOf(c.dialect, c.owner).length === 0)).toEqual([]);
    const objectKinds: readonly MappingEntry['kind'][] = ['method', 'event', 'property'];
    expect(MAPPING.filter((e) => objectKinds.includes(e.kind) && !isClass(e.dialect, e.owner)).map(legacyName)).toEqual([]);
  });

  test('returns and callbackArgument sit on methods, objectParameters on events, and each names a class of the entry dialect', () => {
    const bad = MAPPING.filter(
      (e) =>
        (e.returns !== undefined && (e.kind !== 'method' || !isClass(e.dialect, e.returns))) ||
        (e.callbackArgument !== undefined && (e.kind !== 'method' || !isClass(e.dialect, e.callbackArgument))) ||
        (e.objectParameters !== undefined &&
          (e.kind !== 'event' || e.objectParameters.length === 0 || !e.objectParameters.every((owner) => isClass(e.dialect, owner)))),
    );
    expect(bad.map(legacyName)).toEqual([]);
  });

  test('a callback argument is a class of events only, and every server callback event names its LoginSession first', () => {
    const callbackClasses = new Set(MAPPING.flatMap((e) => (e.callbackArgument === undefined ? [] : [`${e.dialect} ${e.callbackArgument}`])));
    for (const key of callbackClasses) {
      const [dialect, owner] = key.split(' ') as [Dialect, string];
      expect(membersOf(dialect, owner).filter((e) => e.kind !== 'event').map(legacyName), key).toEqual([]);
    }
    const serverEvents = MAPPING.filter((e) => e.dialect === 'server' && e.kind === 'event' && e.owner !== 'UserAttrCallback');
    expect(serverEvents.filter((e) => e.objectParameters?.[0] !== 'LoginSession').map(legacyName)).toEqual([]);
  });

  test('counterparts are classes, and the object-model counterparts pair up both ways', () => {
    for (const c of LEGACY_CLASSES) {
      if (c.counterpart === undefined) continue;
      expect(isClass(c.counterpart.dialect, c.counterpart.owner), `${c.dialect} ${c.owner}`).toBe(true);
      if (c.counterpart.dialect === c.dialect) continue;
      const back = LEGACY_CLASSES.find((o) => o.dialect === c.counterpart?.dialect && o.owner === c.counterpart.owner)?.counterpart;
      expect(back, `${c.dialect} ${c.owner}`).toEqual({ dialect: c.dialect, owner: c.owner });
    }
  });

  test('every invoke function lives under INVOKE_PREFIX', () => {
    expect(INVOKE_PREFIX).toBe('io.agora.signal.');
    expect(MAPPING.filter((e) => e.kind === 'invoke' && !e.member.startsWith(INVOKE_PREFIX)).map(legacyName)).toEqual([]);
  });
});
