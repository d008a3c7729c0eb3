/**
 * Core event → legacy callback wiring as data. Each dialect object declares one table: for every
 * core event it forwards, the legacy callback it becomes and how its arguments are reshaped. The
 * mapping test (`test/mapping/callbackTables.test.ts`) checks every table against `MAPPING`.
 */

/** How one core event reaches the app. */
export interface Wire<A extends unknown[], C> {
  /** The legacy callback, or how to pick it from the event (only `RESULT_WIRE` does). */
  name: string | ((...event: A) => string);
  /**
   * The legacy argument list; `context` is what the dialect object knows (its name, its peer…).
   * Without it the callback gets the event's own arguments; `undefined` skips this occurrence.
   */
  args?: (context: C, ...event: A) => readonly unknown[] | undefined;
  /** Where it goes when not to the object's own handlers (Server failures go to the LoginCallback). */
  to?: 'login';
  /**
   * The arguments are complete: the opt-in operation results (docs/reference/call-result-callbacks.md)
   * carry no session or call, which Server callbacks otherwise receive first.
   */
  bare?: true;
  /**
   * Fired inside the API call that caused it, as the legacy SDK did for `onInviteEndByMyself` only
   * (docs/reference/legacy-web-sdk.md §7.3); every other callback is deferred.
   */
  sync?: true;
}

type Args<F> = F extends (...args: infer A) => void ? A : never;

/** A dialect's table for one core event source: each event, one or several wires in firing order. */
export type WiringTable<Events, C> = {
  readonly [K in keyof Events]?: Wire<Args<Events[K]>, C> | ReadonlyArray<Wire<Args<Events[K]>, C>>;
};

type Entry<C> = Wire<unknown[], C> | Array<Wire<unknown[], C>>;

/** Hands one reshaped event to the dialect's dispatch (`fire` / `fireNow` on the right owner). */
export type Deliver = (callback: string, args: readonly unknown[], wire: { sync?: true; to?: 'login'; bare?: true }) => void;

interface Source {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** Subscribes `deliver` to every event of `table`; listeners added earlier (bookkeeping) run first. */
export function wire<Events extends object, C>(source: object, table: WiringTable<Events, C>, context: C, deliver: Deliver): void {
  for (const [event, entry] of Object.entries(table) as Array<[string, Entry<C>]>) {
    const wires = Array.isArray(entry) ? entry : [entry];
    (source as Source).on(event, (...args) => {
      for (const w of wires) {
        const legacyArgs = w.args ? w.args(context, ...args) : args;
        if (legacyArgs) deliver(typeof w.name === 'string' ? w.name : w.name(...args), legacyArgs, w);
      }
    });
  }
}

/** Every wire of a table, for the mapping test. */
export function wiresOf(table: WiringTable<object, never>): Array<Wire<unknown[], never>> {
  return (Object.values(table) as Array<Entry<never>>).flatMap((entry) => (Array.isArray(entry) ? entry : [entry]));
}
