import { describe, expect, it } from 'vitest';
import { HANDLER_ALIASES } from '../../src/legacy/dispatch';
import { RESULT_CALLBACK, RESULT_WIRE } from '../../src/legacy/invitationResults';
import { NATIVE_CALL_WIRING, NATIVE_CHANNEL_WIRING, NATIVE_LOGIN_WIRING, NATIVE_OTHER_CALLBACKS } from '../../src/legacy/native/wiring';
import { SERVER_CALL_WIRING, SERVER_CHANNEL_WIRING, SERVER_LOGIN_WIRING, SERVER_OTHER_CALLBACKS } from '../../src/legacy/server/wiring';
import { WEB_CALL_WIRING, WEB_CHANNEL_WIRING, WEB_OTHER_CALLBACKS, WEB_SESSION_WIRING } from '../../src/legacy/web/wiring';
import { wiresOf, type WiringTable } from '../../src/legacy/wiring';
import { MAPPING, MEMBER_ALIASES, type Dialect } from '../../src/mapping';

/** docs/reference/call-result-callbacks.md's opt-in invitation results: beyond the legacy surface, so not in `MAPPING`. */
const RESULT_CALLBACKS = new Set<string>(Object.values(RESULT_CALLBACK));

/** One dialect object's table and the `MAPPING` owners whose handlers receive its events. */
interface Wiring {
  table: WiringTable<object, never>;
  owners: readonly string[];
  /** The owner of wires marked `to: 'login'` (Server failures go to the LoginCallback). */
  loginOwner?: string;
}

const table = (t: unknown): WiringTable<object, never> => t as WiringTable<object, never>;

const DIALECTS: Record<Dialect, { tables: Wiring[]; call: Wiring; other: Readonly<Record<string, string>> }> = {
  web: {
    tables: [
      { table: table(WEB_SESSION_WIRING), owners: ['Session'] },
      { table: table(WEB_CHANNEL_WIRING), owners: ['Channel'] },
    ],
    call: { table: table(WEB_CALL_WIRING), owners: ['Call'] },
    other: WEB_OTHER_CALLBACKS,
  },
  server: {
    tables: [
      { table: table(SERVER_LOGIN_WIRING), owners: ['LoginCallback'] },
      // A channelJoin without a ChannelCallback reports to the LoginCallback.
      { table: table(SERVER_CHANNEL_WIRING), owners: ['ChannelCallback', 'LoginCallback'] },
    ],
    // An incoming call reports to the LoginCallback, which extends CallCallback.
    call: { table: table(SERVER_CALL_WIRING), owners: ['CallCallback', 'LoginCallback'], loginOwner: 'LoginCallback' },
    other: SERVER_OTHER_CALLBACKS,
  },
  native: {
    tables: [
      { table: table(NATIVE_LOGIN_WIRING), owners: ['ICallBack'] },
      { table: table(NATIVE_CHANNEL_WIRING), owners: ['ICallBack'] },
    ],
    call: { table: table(NATIVE_CALL_WIRING), owners: ['ICallBack'] },
    other: NATIVE_OTHER_CALLBACKS,
  },
};

/** For every wire of a table that names its callback, the callback and the owners it may reach. */
function wired({ table: t, owners, loginOwner }: Wiring): Array<{ name: string; owners: readonly string[] }> {
  return wiresOf(t).flatMap((w) => (typeof w.name === 'string' ? [{ name: w.name, owners: w.to === 'login' ? [loginOwner!] : owners }] : []));
}

/** `Owner.callback` for every callback `MAPPING` lists for the dialect. */
function mappedEvents(dialect: Dialect): Set<string> {
  return new Set(MAPPING.filter((e) => e.dialect === dialect && e.kind === 'event').map((e) => `${e.owner}.${e.member}`));
}

describe.each(Object.keys(DIALECTS) as Dialect[])('the %s wiring tables against MAPPING', (dialect) => {
  const { tables, call, other } = DIALECTS[dialect];
  const all = [...tables, call];
  const mapped = mappedEvents(dialect);
  const fires = all.flatMap(wired);
  /** `Owner.callback` for every owner a wire reaches that maps that callback. */
  const fired = new Set(fires.flatMap(({ name, owners: to }) => to.map((o) => `${o}.${name}`).filter((n) => mapped.has(n))));

  it('every callback a table fires is a mapped event of an owner it reaches', () => {
    for (const { name, owners: to } of fires) expect(to.some((o) => mapped.has(`${o}.${name}`)), `${dialect} ${name}`).toBe(true);
  });

  it('every mapped event is wired, or listed with the reason it is fired elsewhere or never', () => {
    const missing = [...mapped].filter((name) => !fired.has(name) && !(name in other));
    expect(missing).toEqual([]);
  });

  it('the "elsewhere" list names mapped events that no table fires, each with a reason', () => {
    for (const [name, reason] of Object.entries(other)) {
      expect(mapped, `${dialect} ${name}`).toContain(name);
      expect(fired.has(name), `${dialect} ${name} is wired; drop it from the list`).toBe(false);
      expect(reason.length).toBeGreaterThan(10);
    }
  });

  it('the call table reports operation results through RESULT_WIRE, the one wire that picks its callback', () => {
    expect(wiresOf(call.table)).toContain(RESULT_WIRE);
    for (const t of all) for (const w of wiresOf(t.table)) if (typeof w.name !== 'string') expect(w).toBe(RESULT_WIRE);
    for (const operation of Object.keys(RESULT_CALLBACK) as Array<keyof typeof RESULT_CALLBACK>) {
      expect(RESULT_CALLBACKS.has((RESULT_WIRE.name as (o: string) => string)(operation))).toBe(true);
    }
  });
});

describe('the dispatch alias table', () => {
  it('every handler alias is a known spelling of a mapped callback', () => {
    for (const [member, alias] of HANDLER_ALIASES) {
      const entry = MEMBER_ALIASES.find((a) => a.alias === alias && a.member === member);
      expect(entry, `${alias} for ${member}`).toBeDefined();
      expect(MAPPING.some((e) => e.dialect === entry!.dialect && e.owner === entry!.owner && e.member === member)).toBe(true);
    }
  });
});
