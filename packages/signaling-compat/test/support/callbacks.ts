/**
 * The legacy callback names the tests record, read from the mapping table (`signaling-compat/mapping`)
 * so they are written down once: the table drives the docs, the scanner and these lists alike.
 */

import { RESULT_CALLBACK } from '../../src/legacy/invitationResults';
import { MAPPING, type Dialect } from '../../src/mapping/index';

export interface CallbackSelection {
  /**
   * Only the events the shim can fire: the table marks the ones RTM cannot carry, which never
   * fire, `unsupported`.
   */
  fired?: boolean;
  /** Names a caller records elsewhere or leaves out on purpose. */
  except?: readonly string[];
}

/**
 * The events the mapping table lists for one legacy class (a Web object, a Server callback class, the
 * native `ICallBack`), in the table's order. Fails at once for a class with no events or an `except`
 * name the class does not have, so a renamed entry cannot silently shorten a list.
 */
export function callbacksOf(dialect: Dialect, owner: string, { fired = false, except = [] }: CallbackSelection = {}): string[] {
  const events = MAPPING.filter((entry) => entry.dialect === dialect && entry.owner === owner && entry.kind === 'event');
  if (events.length === 0) throw new Error(`the mapping table lists no events for ${dialect} ${owner}`);
  const unknown = except.filter((name) => !events.some((entry) => entry.member === name));
  if (unknown.length > 0) throw new Error(`${dialect} ${owner} has no event ${unknown.join(', ')}`);
  return events
    .filter((entry) => !(fired && entry.status === 'unsupported') && !except.includes(entry.member))
    .map((entry) => entry.member);
}

/**
 * The opt-in invitation result callbacks (docs/reference/call-result-callbacks.md), in operation order
 * (invite, cancel, accept, refuse): beyond the legacy surface, so the mapping table does not list them.
 */
export const RESULT_CALLBACKS: readonly string[] = Object.values(RESULT_CALLBACK);
