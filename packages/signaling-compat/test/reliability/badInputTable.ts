import { expect, it } from 'vitest';
import type { CompatOptions } from '../../src/core/options';
import type { Transcript } from '../support/harness';

/** What every bad-input world offers the table runner. */
export interface BadInputWorld {
  logger: { lines: Array<[string, string]> };
  flush(): Promise<void>;
  take(): Transcript;
}

/**
 * One bad call and everything it must produce: the legacy failure path (the whole transcript),
 * the one warning that explains it, and a session (or Signal / instance) that still works.
 */
export interface BadInputCase<W extends BadInputWorld> {
  name: string;
  options?: CompatOptions;
  /** Brings the world into the state the case needs (a call ringing, a channel left, …). */
  prepare?(w: W): Promise<void>;
  /** The bad call itself; its return value is checked by `returns`. */
  act(w: W): unknown;
  returns?: unknown;
  /** Every callback the call causes, in order, once everything has settled. */
  events: Transcript;
  /**
   * The single warning that names the reason, or `null` for none: the call works after all, or its
   * failure callback carries the reason itself (invoke's `err`, `onError`'s desc, Web
   * `onInviteFailed`'s JSON).
   */
  warning: RegExp | null;
  /** Further checks once everything has settled. */
  verify?(w: W): void;
}

/**
 * Runs a table: each case in a fresh world, checked for no throw, the exact transcript, exactly the
 * expected warning (and no error), and a working `stillUsable` probe afterwards.
 */
export function runBadInputTable<W extends BadInputWorld>(
  setup: (options: CompatOptions) => Promise<W>,
  cases: ReadonlyArray<BadInputCase<W>>,
  stillUsable: (w: W) => Promise<void>,
): void {
  for (const c of cases) {
    it(c.name, async () => {
      const w = await setup(c.options ?? {});
      await c.prepare?.(w);
      w.take();
      w.logger.lines.length = 0;
      let returned: unknown;
      expect(() => {
        returned = c.act(w);
      }).not.toThrow();
      await w.flush();
      if ('returns' in c) expect(returned).toEqual(c.returns);
      expect(w.take()).toEqual(c.events);
      const said = w.logger.lines.filter(([level]) => level === 'warn' || level === 'error');
      if (c.warning === null) expect(said).toEqual([]);
      else {
        expect(said).toHaveLength(1);
        expect(said[0]![0]).toBe('warn');
        expect(said[0]![1]).toMatch(c.warning);
      }
      c.verify?.(w);
      await stillUsable(w);
    });
  }
}
