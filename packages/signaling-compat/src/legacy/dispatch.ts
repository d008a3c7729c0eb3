import type { Log } from '../core/log';

/**
 * Other spellings of a callback, tried when the handler object lacks the main name — one table for
 * every dialect (fake-indexeddb's single `typeToProp` table is the model). Each is a
 * `MEMBER_ALIASES` entry of `src/mapping`; the spellings never collide across dialects.
 */
export const HANDLER_ALIASES: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  // Native: docs/reference/signaling-rtm-mapping-table.md spells these two differently from the header.
  ['onUserAttrResult', 'onUserAttributeResult'],
  ['onQueryUserStatusResult', 'OnQueryUserStatusResult'],
  // Server: Java apps also spelled it onChannelQueryUserNumResult (docs/reference/legacy-usage.md §2.12).
  ['onChannelQueryUserNum', 'onChannelQueryUserNumResult'],
]);

/**
 * The one way every legacy callback is called, in every dialect:
 * - the handler is read when the event fires (apps assign handlers after the call that causes them,
 *   sometimes inside other callbacks — docs/reference/legacy-usage.md §3.4), so late assignment works;
 * - when the owner lacks it, its `HANDLER_ALIASES` spelling is tried;
 * - it is called as a method of its owner (`this` is the session/channel/call or callback object);
 * - anything that is not a function (the legacy `""` default, `undefined`, a typo'd name) is skipped,
 *   and so is an owner that is not an object (no callback object was given);
 * - an exception from the app is contained and logged, never breaking the session — reading the
 *   handler included (a getter, a Proxy trap);
 */
export function fireNow(owner: unknown, name: string, args: readonly unknown[], log: Log): void {
  if (typeof owner !== 'object' || owner === null) return;
  let chosen = name;
  try {
    const handlers = owner as Record<string, unknown>;
    let handler = handlers[name];
    if (typeof handler !== 'function' && HANDLER_ALIASES.has(name)) handler = handlers[(chosen = HANDLER_ALIASES.get(name)!)];
    if (typeof handler === 'function') handler.apply(owner, args);
  } catch (error) {
    log.error(`the app's ${chosen} callback threw`, error);
  }
}

/**
 * Schedules the deferred callbacks. A settled promise's `then` queues the same microtask, in the same
 * order, as `queueMicrotask`, which in Node also wraps every job in an AsyncResource and costs about
 * twice as much; every message a session sends or receives goes through here.
 */
const later = /* @__PURE__ */ Promise.resolve();

/** The argument list of a callback that gets none, shared (`callNow` only spreads it). */
export const NO_ARGS: readonly unknown[] = /* @__PURE__ */ Object.freeze([]);

/**
 * The deferred calls, five slots each (the function and its four arguments), in a queue of chunks.
 * Each call queues one microtask, exactly as a `then` with its own closure would, and microtasks
 * run in the order they were queued, so the n-th `runDeferred` runs the n-th call: the order with
 * every other microtask is the same, without a closure per callback (a message to a large channel
 * defers one callback per receiving session).
 *
 * Chunks of at most `CHUNK` slots, not one array: grown from empty by 250,000 slots (a message to
 * 50,000 members), one array was reallocated and copied some thirty times, the last copies as large
 * objects, and cost about 1 µs a call, more the larger the fan-out. A closure per call, the other
 * way to carry the arguments, keeps about three times the bytes per pending call alive and made a
 * 50,000-member fan-out about a tenth slower (BENCHMARKS.md). A full chunk's next slot links the
 * next one; calls run from `head` of `first` and are added at `tail` of `last`. A queue that runs
 * empty starts again at the front of its chunk. A chunk of a burst of messages keeps its storage:
 * growing it from nothing each time was about 350 of the 4,300 bytes a channel message allocated.
 * A larger one (a fan-out's) is let go: kept, it would be promoted to the old generation, and
 * writing young arguments into it slowed a 50,000-member fan-out by about 5 % (BENCHMARKS.md).
 * The chunks after the first are made at their full length, once each: grown from empty, each
 * was reallocated and copied a dozen times, a quarter of what a fan-out allocated per receiver.
 */
const CHUNK = 5120;
/** Slots (five per call) up to which a chunk that ran empty keeps its storage. */
const KEPT_SLOTS = 2560;
let first: unknown[] = [];
let last = first;
let head = 0;
let tail = 0;

type Deferrable<A, B, C, D> = (a: A, b: B, c: C, d: D) => void;

function defer<A, B, C, D>(fn: Deferrable<A, B, C, D>, a: A, b: B, c: C, d: D): void {
  if (tail === CHUNK) {
    last = last[CHUNK] = new Array(CHUNK + 1);
    tail = 0;
  }
  const chunk = last;
  const at = tail;
  chunk[at] = fn;
  chunk[at + 1] = a;
  chunk[at + 2] = b;
  chunk[at + 3] = c;
  chunk[at + 4] = d;
  tail = at + 5;
  void later.then(runDeferred);
}

function runDeferred(): void {
  const chunk = first;
  const at = head;
  const fn = chunk[at] as Deferrable<unknown, unknown, unknown, unknown>;
  const a = chunk[at + 1];
  const b = chunk[at + 2];
  const c = chunk[at + 3];
  const d = chunk[at + 4];
  // Run calls let go of their arguments at once (a long queue would otherwise keep them alive).
  chunk[at] = chunk[at + 1] = chunk[at + 2] = chunk[at + 3] = chunk[at + 4] = undefined;
  head = at + 5;
  // An emptied queue starts again at the front of its chunk; a full chunk hands over to the next.
  if (chunk === last && head === tail) {
    if (tail > KEPT_SLOTS) chunk.length = 0;
    head = tail = 0;
  }
  else if (head === CHUNK) {
    first = chunk[CHUNK] as unknown[];
    head = 0;
  }
  fn(a, b, c, d);
}

/**
 * `fireNow`, but never synchronously inside the API call that caused it: legacy callbacks came from
 * later socket messages (docs/reference/legacy-web-sdk.md §7.3). Order between events is kept.
 */
export function fire(owner: unknown, name: string, args: readonly unknown[], log: Log): void {
  defer(fireNow, owner, name, args, log);
}

/**
 * `fire` to an owner looked up when the event fires: the native handler object, which `callbackSet`
 * may replace while events are pending (docs/reference/legacy-usage.md §2.13).
 */
export function fireToCurrent(owner: () => unknown, name: string, args: readonly unknown[], log: Log): void {
  defer(fireNowToCurrent, owner, name, args, log);
}

function fireNowToCurrent(owner: () => unknown, name: string, args: readonly unknown[], log: Log): void {
  fireNow(owner(), name, args, log);
}

/** A plain result callback (`messageInstantSend`'s `cb`, `invoke`'s `cb`), contained the same way. */
export function callBack(cb: unknown, args: readonly unknown[], log: Log, what: string): void {
  if (typeof cb !== 'function') return;
  defer(callNow, cb as (...a: unknown[]) => void, args, log, what);
}

function callNow(cb: (...a: unknown[]) => void, args: readonly unknown[], log: Log, what: string): void {
  try {
    cb(...args);
  } catch (error) {
    log.error(`the app's ${what} callback threw`, error);
  }
}
