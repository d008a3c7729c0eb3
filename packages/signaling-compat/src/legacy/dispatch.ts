import type { Log } from '../core/log';

/**
 * The one way every legacy callback is called, in every dialect:
 * - the handler is read when the event fires (apps assign handlers after the call that causes them,
 *   sometimes inside other callbacks — docs/reference/legacy-usage.md §3.4), so late assignment works;
 * - it is called as a method of its owner (`this` is the session/channel/call or callback object);
 * - anything that is not a function (the legacy `""` default, `undefined`, a typo'd name) is skipped;
 * - an exception from the app is contained and logged, never breaking the session — reading the
 *   handler included (a getter, a Proxy trap);
 */
export function fireNow(owner: object, name: string, args: readonly unknown[], log: Log): void {
  try {
    const handler: unknown = (owner as Record<string, unknown>)[name];
    if (typeof handler !== 'function') return;
    handler.apply(owner, args);
  } catch (error) {
    log.error(`the app's ${name} callback threw`, error);
  }
}

/**
 * Schedules the deferred callbacks. A settled promise's `then` queues the same microtask, in the same
 * order, as `queueMicrotask`, which in Node also wraps every job in an AsyncResource and costs about
 * twice as much; every message a session sends or receives goes through here.
 */
const later = /* @__PURE__ */ Promise.resolve();

/**
 * `fireNow`, but never synchronously inside the API call that caused it: legacy callbacks came from
 * later socket messages (docs/reference/legacy-web-sdk.md §7.3). Order between events is kept.
 */
export function fire(owner: object, name: string, args: readonly unknown[], log: Log): void {
  void later.then(() => fireNow(owner, name, args, log));
}

/** A plain result callback (`messageInstantSend`'s `cb`, `invoke`'s `cb`), contained the same way. */
export function callBack(cb: unknown, args: readonly unknown[], log: Log, what: string): void {
  if (typeof cb !== 'function') return;
  void later.then(() => {
    try {
      (cb as (...a: unknown[]) => void)(...args);
    } catch (error) {
      log.error(`the app's ${what} callback threw`, error);
    }
  });
}
