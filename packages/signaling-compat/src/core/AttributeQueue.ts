import type { Clock, TimerHandle } from '../rtm/clock';
import type { RtmClientLike } from '../rtm/types';
import { ATTR_OPS_WINDOW_MS, type AttributeRate } from './AttributeRate';
import { utf8Length } from './ids';
import { LegacyCode, describeRtmError, type Failure } from './legacyCodes';

/** A legacy channel attribute operation. */
export type AttrOp = { kind: 'set'; name: string; value: string } | { kind: 'del'; name: string } | { kind: 'clear' };

/**
 * How often a write RTM refused as too frequent is tried again, a window apart, before its
 * failure reaches the app (legacy Signaling never failed an attribute write for rate).
 */
const FREQUENCY_RETRIES = 3;

interface Pending {
  op: AttrOp;
  done: (failure?: Failure) => void;
  /** Why RTM would refuse it: it is answered so in its turn, and not sent. */
  refused?: Failure;
}

const NOTIFY = { enableNotificationToChannelMembers: true } as const;

const LOGGED_OUT: Failure = { code: LegacyCode.GENERAL_E_NOT_LOGIN, reason: 'logged out before the attribute update was made' };

/**
 * Carries one channel's legacy attribute operations onto RTM. While an RTM call is in flight (or the
 * rate window is full), further operations queue and are coalesced into their net change (`planCalls`), so a burst
 * of 100 `channelSetAttr` becomes a handful of RTM calls, loses nothing and never surfaces RTM's
 * "too often". Every operation's callback runs once its batch is carried.
 */
export class AttributeQueue {
  #client: RtmClientLike;
  #channelId: string;
  #clock: Clock;
  #pending: Pending[] = [];
  #busy = false;
  #rate: AttributeRate;
  #timer: TimerHandle | undefined;
  #applied: (ops: AttrOp[]) => void;
  #disposed = false;
  /** Plans waiting in `#slot` for the window, so `dispose` can cancel their timers. */
  #sleeping: Array<{ timer: TimerHandle; resolve: (go: boolean) => void }> = [];

  /**
   * `rate` is the client's one attribute-write window, shared with its other channels' queues;
   * `applied` hears each batch that RTM accepted, to update the local view at once.
   */
  constructor(
    client: RtmClientLike,
    channelId: string,
    clock: Clock,
    rate: AttributeRate,
    applied: (ops: AttrOp[]) => void,
  ) {
    this.#client = client;
    this.#channelId = channelId;
    this.#clock = clock;
    this.#rate = rate;
    this.#applied = applied;
  }

  /**
   * Queues `op`. One RTM would reject fails on its own, so it cannot sink the batch it joins, but in
   * its turn: after the operations queued before it, as legacy answered every call in order.
   */
  submit(op: AttrOp, done: (failure?: Failure) => void): void {
    const refused = attrOpFailure(op);
    if ((this.#disposed || refused) && this.idle) return done(refused ?? LOGGED_OUT);
    this.#pending.push({ op, done, refused });
    this.#pump();
  }

  get idle(): boolean {
    return !this.#busy && this.#pending.length === 0;
  }

  /**
   * Idle with no timer pending: the queue can be dropped and made anew (the rate window it paced
   * against is the client's, kept by `Channels`).
   */
  get quiet(): boolean {
    return this.idle && this.#timer === undefined && this.#sleeping.length === 0;
  }

  /**
   * Logout: the window timer is cleared and queued operations fail, so nothing of the session calls
   * RTM later (a plan in progress stops before its next call). Behind a write RTM already has, they
   * fail once it is answered, so every callback comes in the order the writes were made.
   */
  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const wake of this.#sleeping.splice(0)) {
      this.#clock.clearTimeout(wake.timer);
      wake.resolve(false);
    }
    if (!this.#busy) this.#failPending();
  }

  #failPending(): void {
    for (const p of this.#pending.splice(0)) p.done(LOGGED_OUT);
  }

  #pump(): void {
    if (this.#disposed || this.#busy || this.#pending.length === 0 || this.#timer !== undefined) return;
    const ops = this.#pending.filter((p) => !p.refused).map((p) => p.op);
    const calls = planCalls(ops);
    const wait = this.#rate.waitFor();
    if (wait > 0) {
      this.#timer = this.#clock.setTimeout(() => {
        this.#timer = undefined;
        this.#pump();
      }, wait);
      return;
    }
    const batch = this.#pending.splice(0);
    this.#busy = true;
    void this.#run(calls).then((failure) => {
      this.#busy = false;
      if (!failure) this.#applied(ops);
      for (const p of batch) p.done(p.refused ?? failure);
      if (this.#disposed) this.#failPending();
      else this.#pump();
    });
  }

  /**
   * Resolves `true` after `ms` on the engine's clock (at once for 0), `false` when the queue was
   * disposed meanwhile, so a plan in progress never calls RTM after logout.
   */
  #sleep(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!this.#disposed);
    return new Promise((resolve) => {
      const wake = { timer: undefined as TimerHandle, resolve };
      wake.timer = this.#clock.setTimeout(() => {
        this.#sleeping.splice(this.#sleeping.indexOf(wake), 1);
        resolve(!this.#disposed);
      }, ms);
      this.#sleeping.push(wake);
    });
  }

  async #run(calls: RtmCall[]): Promise<Failure | undefined> {
    for (const call of calls) {
      for (let attempt = 0; ; attempt += 1) {
        // A long plan spreads over windows; other channels of the client share the window.
        if (!(await this.#sleep(this.#rate.waitFor()))) return LOGGED_OUT;
        this.#rate.take();
        try {
          await call(this.#client, this.#channelId);
          break;
        } catch (error) {
          // RTM's server may count differently from the pacing (other SDKs of the same user, a
          // stricter server): a write refused for frequency waits a window and goes again.
          if (attempt < FREQUENCY_RETRIES && isFrequencyRefusal(error)) {
            if (!(await this.#sleep(ATTR_OPS_WINDOW_MS))) return LOGGED_OUT;
            continue;
          }
          return { code: LegacyCode.GENERAL_E_FAILED, reason: describeRtmError(error) };
        }
      }
    }
    return undefined;
  }
}

/**
 * An attribute write the server refused for call frequency. RTM 1.x has no client-side code for
 * it: the refusal comes back as the write's generic failure, RtmUnavailableError 2, whose text
 * names the frequency (docs/reference/rtm1-web-sdk.md §3.5).
 */
function isFrequencyRefusal(error: unknown): boolean {
  const { name, code, message } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  return (
    name === 'RtmUnavailableError' && code === 2 && typeof message === 'string' && /frequen|too often/i.test(message)
  );
}

/** RTM's per-attribute limits (docs/reference/rtm1-web-sdk.md §3.3): keys of 1–32 bytes, values of at most 8 KB. */
const ATTR_KEY_MAX_BYTES = 32;
const ATTR_VALUE_MAX_BYTES = 8192;

function attrOpFailure(op: AttrOp): Failure | undefined {
  if (op.kind === 'clear') return undefined;
  if (op.name.length === 0 || utf8Length(op.name) > ATTR_KEY_MAX_BYTES) {
    const reason = `attribute name "${op.name}" is not 1–${ATTR_KEY_MAX_BYTES} bytes, which RTM requires`;
    return { code: LegacyCode.GENERAL_E_WRONG_PARAM, reason };
  }
  if (op.kind === 'set' && op.name === 'constructor') {
    // RTM 1.x takes an attribute map only if the map's `constructor` is Object (it reads the map's
    // own property), so an attribute of that name can never be written; failing it here keeps it
    // from sinking the batch it would join.
    const reason = 'RTM cannot carry an attribute named "constructor" (its attribute map check reads that name)';
    return { code: LegacyCode.GENERAL_E_WRONG_PARAM, reason };
  }
  if (op.kind === 'set' && utf8Length(op.value) > ATTR_VALUE_MAX_BYTES) {
    const reason = `the value of attribute "${op.name}" is over ${ATTR_VALUE_MAX_BYTES} bytes, which RTM rejects`;
    return { code: LegacyCode.GENERAL_E_LARGE_PARAM, reason };
  }
  return undefined;
}

type RtmCall = (client: RtmClientLike, channelId: string) => Promise<void>;

/**
 * Few RTM calls with the same net effect as `ops` applied in order, which the other members see as
 * the same events, in the same order, as the operations one by one (they see RTM's pushed maps,
 * diffed): the names' final sets and deletes in the order of each name's last operation, one
 * `addOrUpdateChannelAttributes` or `deleteChannelAttributesByKeys` per run of one kind. Repeated
 * sets of a name carry its last value. A clear followed by sets is one `setChannelAttributes`.
 */
export function planCalls(ops: AttrOp[]): RtmCall[] {
  let cleared = false;
  // Each name's net value (null: deleted), in the order of its last operation.
  const net = new Map<string, string | null>();
  for (const op of ops) {
    if (op.kind === 'clear') {
      cleared = true;
      net.clear();
    } else {
      net.delete(op.name);
      net.set(op.name, op.kind === 'set' ? op.value : null);
    }
  }
  const calls: RtmCall[] = [];
  let run: Record<string, string> | string[] | undefined;
  for (const [name, value] of net) {
    const del = value === null;
    // Nothing is left to delete after a clear.
    if (del && cleared) continue;
    if (!run || Array.isArray(run) !== del) {
      // Sets go in a plain object, since RTM 1.x refuses a null-prototype map ("attributes must be
      // an object"); each name is defined as an own property, so a `__proto__` attribute is an
      // ordinary key here, not the object's prototype.
      const keys = (run = del ? [] : {});
      calls.push(
        Array.isArray(keys)
          ? (c, id) => c.deleteChannelAttributesByKeys(id, keys, NOTIFY)
          : (c, id) => c.addOrUpdateChannelAttributes(id, keys, NOTIFY),
      );
    }
    if (Array.isArray(run)) run.push(name);
    else Object.defineProperty(run, name, { value, enumerable: true, writable: true, configurable: true });
  }
  if (!cleared) return calls;
  // A clear and then sets (after a clear, only sets are left): one `setChannelAttributes`, which
  // replaces the whole map, one RTM call less than the clear and the sets. The setter still sees
  // its own operations as issued; on RTM 1.x the other members see the replaced map's difference, a
  // `del` for each old name instead of one `clear` (migration-guide.md, "RTM limits the shim absorbs").
  const sets = run;
  return [sets ? (c, id) => c.setChannelAttributes(id, sets as Record<string, string>, NOTIFY) : (c, id) => c.clearChannelAttributes(id, NOTIFY)];
}
