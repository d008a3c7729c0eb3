import { AttributeQueue, type AttrOp } from './AttributeQueue';
import { AttributeRate } from './AttributeRate';
import { ChannelHandle } from './ChannelHandle';
import { ChannelMembership } from './ChannelMembership';
import type { EngineContext } from './context';
import type { RtmChannelLike } from '../rtm/types';
import { LegacyCode, describeRtmError, type Failure } from './legacyCodes';
import { err, ok, resultOf, type Result } from './result';

/**
 * A brief join of one channel ID (`Channels.briefly`), shared by every query and send about that
 * channel while it lasts: RTM 1.x refuses a second instance of a channel while one is joining,
 * joined or leaving (docs/reference/rtm1-web-sdk.md §2.3).
 */
interface BriefJoin {
  /** The joined RTM channel; rejects with the join's error. */
  readonly joined: Promise<RtmChannelLike>;
  /** The queries and sends using it. */
  users: number;
  /** Ends the wait of the next join of its ID (`#settling`), once it has left. */
  readonly end: () => void;
}

/** Special legacy channels that RTM has no counterpart for (docs/reference/mapping-decisions.md, "Channels"). */
const SPECIAL_CHANNEL = /^__?agora_/;

/**
 * The channels of one login: joins (one at a time unless `singleChannel: false`), re-joins without an
 * RTM call, per-channel attribute queues (also used without joining), and brief joins for queries
 * and sends about channels the session is not in.
 */
export class Channels {
  #ctx: EngineContext;
  #memberships = new Map<string, ChannelMembership>();
  #queues = new Map<string, AttributeQueue>();
  /** Per channel ID, the leave still under way that the next join of that channel must wait for. */
  #settling = new Map<string, Promise<void>>();
  #disposed = false;
  /**
   * Channel IDs whose RTM join failed in this RTM login: RTM 1.x refuses them with 202 until the
   * client logs in again (docs/reference/rtm1-web-sdk.md §2.3).
   */
  #failedJoins = new Set<string>();
  /** Per channel ID, the brief join its queries and sends share. */
  #brief = new Map<string, BriefJoin>();
  /** Each membership's `join` (its join sequence, or its failure). */
  #joins = new WeakMap<ChannelMembership, Promise<void>>();
  /** The silent re-login under way, which every new join waits for. */
  #relogin: Promise<boolean> | undefined;
  /** The client's one channel-attribute write window, shared by every channel's queue. */
  #attributeRate: AttributeRate;

  constructor(ctx: EngineContext) {
    this.#ctx = ctx;
    this.#attributeRate = new AttributeRate(ctx.clock);
  }

  /**
   * A join that cannot start (not logged in, special or invalid channel): its handle at once, its
   * `joinFailed` after the call returns, as legacy channelJoin returned normally and failed later.
   */
  refuse(name: string, failure: Failure): ChannelHandle {
    const handle = new ChannelHandle(name);
    queueMicrotask(() => handle.emit('joinFailed', failure));
    return handle;
  }

  /** Starts a join of a logged-in session and returns its handle at once; the outcome arrives as handle events. */
  join(name: string): ChannelHandle {
    if (SPECIAL_CHANNEL.test(name)) {
      const reason = `special channel "${name}" is not available on RTM`;
      this.#ctx.log.warnOnce(`special:${name}`, `${reason}; the join fails`);
      return this.refuse(name, { code: LegacyCode.JOINCHANNEL_E_OTHER, reason });
    }
    const encoded = this.#ctx.codec.encode(name);
    if (!('id' in encoded)) {
      this.#ctx.log.warn(`channelJoin: ${encoded.why}`);
      return this.refuse(name, { code: LegacyCode.JOINCHANNEL_E_OTHER, reason: encoded.why });
    }
    const handle = new ChannelHandle(name);
    const id = encoded.id;
    const existing = this.#memberships.get(id);
    if (existing) {
      existing.handle.removeAllListeners();
      existing.rejoin(handle);
      return handle;
    }
    if (this.#ctx.options.singleChannel) this.#leaveOthers(id);
    let membership: ChannelMembership;
    try {
      membership = new ChannelMembership(this.#ctx, id, handle, this.queue(id), {
        forget: () => {
          if (this.#memberships.get(id) === membership) this.#memberships.delete(id);
        },
        previous: this.#before(id),
        recover: (retry) => this.#recover(id, retry),
        settling: (leave) => this.#settle(id, leave),
      });
    } catch (error) {
      // createChannel throws synchronously; legacy channelJoin returned normally and failed later.
      const reason = describeRtmError(error);
      this.#ctx.log.warn(`channelJoin of "${name}" failed: ${reason}`);
      return this.refuse(name, { code: LegacyCode.JOINCHANNEL_E_OTHER, reason });
    }
    this.#memberships.set(id, membership);
    handle.bind(membership);
    this.#joins.set(membership, membership.join());
    return handle;
  }

  /**
   * What a new join of `id` waits for: the leave of its previous membership, a brief join of it
   * until it has left, and a re-login under way.
   */
  #before(id: string): Promise<void> | undefined {
    const waits = [this.#settling.get(id), this.#relogin].filter((wait) => wait !== undefined);
    return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
  }

  /** A leave of `id` under way, which the next join of that channel waits for. */
  #settle(id: string, leave: Promise<void>): void {
    this.#settling.set(id, leave);
    void leave.then(() => {
      if (this.#settling.get(id) === leave) this.#settling.delete(id);
    });
  }

  /**
   * A join of `id` failed. When an earlier failed join in this RTM login is why (RTM 1.x keeps its
   * ID), and nothing else of the session would notice, the RTM client logs out and in again so the
   * join can be retried: a legacy app retrying after `onChannelJoinFailed` got in. True when the
   * join may be retried now.
   */
  async #recover(id: string, retry: boolean): Promise<boolean> {
    const poisoned = this.#failedJoins.has(id);
    this.#failedJoins.add(id);
    if (!retry || !poisoned || this.#relogin || !this.#quiet(id)) return false;
    const relogin = this.#ctx.relogin();
    this.#relogin = relogin;
    try {
      const done = await relogin;
      if (done) this.#failedJoins.clear();
      return done;
    } finally {
      this.#relogin = undefined;
    }
  }

  /** Only the failed join of `id` is under way: no other channel, leave, transient join or attribute write. */
  #quiet(id: string): boolean {
    // A brief join (`briefly`) is in `#settling` from its start until it has left.
    if (this.#settling.size > 0) return false;
    for (const other of this.#memberships.keys()) if (other !== id) return false;
    for (const queue of this.#queues.values()) if (!queue.idle) return false;
    return true;
  }

  /** Legacy sessions were in one channel at a time: joining another leaves the old one first. */
  #leaveOthers(keep: string): void {
    for (const [id, membership] of this.#memberships) {
      if (id === keep) continue;
      const handle = membership.handle;
      void handle.leave().then(() => handle.emit('left', LegacyCode.SUCCESS));
    }
  }

  /**
   * One queue per channel ID, so joined and not-joined updates of a channel coalesce together. A
   * queue is kept while its channel is joined or it still has work or calls in its rate window;
   * others are dropped whenever a new queue is made, so visiting many channels keeps few queues.
   */
  queue(id: string): AttributeQueue {
    let queue = this.#queues.get(id);
    if (!queue) {
      for (const [other, q] of this.#queues) if (!this.#memberships.has(other) && q.quiet) this.#queues.delete(other);
      queue = new AttributeQueue(this.#ctx.client, id, this.#ctx.clock, this.#attributeRate, (ops) =>
        this.#memberships.get(id)?.applied(ops),
      );
      if (this.#disposed) queue.dispose();
      else this.#queues.set(id, queue);
    }
    return queue;
  }

  /** `channel_set_attr`-style updates by name, joined or not. */
  updateAttributes(name: string, op: AttrOp): Promise<Result> {
    const encoded = this.#ctx.codec.encode(name);
    if (!('id' in encoded)) return Promise.resolve(err(LegacyCode.GENERAL_E_WRONG_PARAM, encoded.why));
    const membership = this.#memberships.get(encoded.id);
    if (membership) {
      if (op.kind === 'clear') return membership.clearAttr();
      return op.kind === 'set' ? membership.setAttr(op.name, op.value) : membership.delAttr(op.name);
    }
    return new Promise((resolve) => {
      const effective: AttrOp = op.kind === 'set' && op.value === '' ? { kind: 'del', name: op.name } : op;
      this.queue(encoded.id).submit(effective, (failure) => resolve(resultOf(failure)));
    });
  }

  /** What the engine's parts share, for operations kept in modules of their own (`channelSendForce.ts`). */
  get context(): EngineContext {
    return this.#ctx;
  }

  /** The membership of `id` when the session is in that RTM channel (its join sequence may be on its way). */
  joined(id: string): ChannelMembership | undefined {
    const membership = this.#memberships.get(id);
    return membership?.joined ? membership : undefined;
  }

  /**
   * A `channelJoin` of `id` under way and not in the RTM channel yet, which a query or forced send
   * waits for and then uses (RTM would refuse a brief join of a channel that is joining). With
   * none, the caller decides at once, so that a brief join it starts is one a later `channelJoin`
   * waits for.
   */
  joining(id: string): Promise<void> | undefined {
    const membership = this.#memberships.get(id);
    return membership && !membership.joined ? this.#joins.get(membership) : undefined;
  }

  /**
   * Members of a channel by RTM ID: from the cache when joined; otherwise a brief join
   * (`transientJoins`), which other members see as a short membership.
   */
  async members(id: string): Promise<Result<string[]>> {
    const joining = this.joining(id);
    if (joining) await joining;
    const membership = this.joined(id);
    if (membership) return ok(membership.userList().map(([account]) => account));
    return this.briefly(
      id,
      async (channel) => {
        if (!this.#ctx.live()) return err(LegacyCode.GENERAL_E_FAILED, 'logged out');
        // The brief join put this user in the list; it was not a member before the query.
        const accounts: string[] = [];
        for (const m of await channel.getMembers()) {
          const account = m === this.#ctx.selfId ? undefined : this.#ctx.codec.decode(m);
          if (account !== undefined) accounts.push(account);
        }
        return ok(accounts);
      },
      (reason) => err(LegacyCode.GENERAL_E_FAILED, reason),
    );
  }

  /**
   * `work` in RTM channel `id` joined for the moment (a query or a send about a channel the session
   * is not in): joined, worked, left again unless the login ended meanwhile. Works about one channel
   * at the same time share one brief join and run in the order they were asked for; the join waits
   * for a leave of that channel under way. `failed` makes the result of a failure: `transientJoins`
   * off, or an RTM error (passed along).
   */
  async briefly<T>(
    id: string,
    work: (channel: RtmChannelLike) => Promise<Result<T>>,
    failed: (reason: string, error?: unknown) => Result<T>,
  ): Promise<Result<T>> {
    if (!this.#ctx.options.transientJoins) return failed(`not in channel "${id}" and transientJoins is off`);
    let brief = this.#brief.get(id);
    if (!brief) this.#brief.set(id, (brief = this.#briefJoin(id)));
    brief.users++;
    try {
      return await work(await brief.joined);
    } catch (error) {
      return failed(describeRtmError(error), error);
    } finally {
      if (--brief.users === 0) {
        // The last user: it leaves, and a join of the channel waits for that.
        if (this.#brief.get(id) === brief) this.#brief.delete(id);
        const channel = await brief.joined.catch(() => undefined);
        if (channel && this.#ctx.live()) await channel.leave().catch(() => undefined);
        brief.end();
      }
    }
  }

  #briefJoin(id: string): BriefJoin {
    const previous = this.#before(id);
    let end!: () => void;
    this.#settle(id, new Promise<void>((resolve) => (end = resolve)));
    // Its first user awaits `joined` at once, so a failed join is never unhandled.
    return { joined: this.#joinBriefly(id, previous), users: 0, end };
  }

  async #joinBriefly(id: string, previous: Promise<void> | undefined): Promise<RtmChannelLike> {
    await previous;
    if (!this.#ctx.live()) throw new Error('logged out');
    const channel = this.#ctx.client.createChannel(id);
    try {
      await channel.join();
    } catch (error) {
      // RTM 1.x keeps the ID of a failed join (see `#recover`).
      this.#failedJoins.add(id);
      throw error;
    }
    return channel;
  }

  /** Logout or re-login: RTM dropped every channel; forget them without events. */
  dropAll(): void {
    for (const membership of [...this.#memberships.values()]) membership.drop();
    this.#memberships.clear();
    this.#settling.clear();
    // Their users finish on the dropped channels; new ones join anew.
    this.#brief.clear();
    // RTM logged out: it forgot every channel ID.
    this.#failedJoins.clear();
  }

  /** Logout: channels dropped, and every attribute queue stops (its timers cleared, its work failed). */
  dispose(): void {
    this.#disposed = true;
    this.dropAll();
    for (const queue of this.#queues.values()) queue.dispose();
    this.#queues.clear();
  }
}
