import type { TimerHandle } from '../rtm/clock';
import type { ChannelAttributes, RtmChannelLike, RtmMessage } from '../rtm/types';
import { changesOfOps, diffAttributes } from './attributeDiff';
import type { AttrOp, AttributeQueue } from './AttributeQueue';
import type { ChannelHandle, ChannelOps, MemberEntry } from './ChannelHandle';
import type { EngineContext } from './context';
import { accountUid } from './ids';
import { unredacted } from './secrets';
import { MemberList, sharedSenderCache } from './MemberList';
import { LegacyCode, describeRtmError, sendFailureCode } from './legacyCodes';
import type { SendResult } from './MessagePacer';
import { droppedSend, err, ok, resultOf, told, toldLater, type Result, type SendNotice } from './result';
import { decodeMessage, encodePayload, plainText } from './payload';

/** One channel send on its way through the pacer: the message, the payload its echo carries, and whom to tell. */
interface PendingSend {
  readonly message: RtmMessage;
  readonly echo: boolean;
  readonly payload: unknown;
  readonly notice?: SendNotice<unknown>;
  readonly datum?: unknown;
}

/** A send the logout abandoned, told to its notice. */
function droppedPending(send: PendingSend): Result {
  return told(droppedSend(), send.notice, send.datum);
}

/** Legacy user lists carried "the latest 200" members. */
const USER_LIST_LIMIT = 200;

/**
 * `_auto_update_num` is peer-writable, so its period is bounded to whole seconds in [1 s, 1 h]:
 * `"0.001"` or `"3000000"` (past the host's timer maximum, which fires at once) must not make every
 * member report continuously.
 */
export const MEMBER_NUM_MIN_SECONDS = 1;
export const MEMBER_NUM_MAX_SECONDS = 3600;

/** The reporting period for an `_auto_update_num` value, or `undefined` when reporting is off. */
export function memberNumPeriod(value: string | undefined): number | undefined {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return Math.min(MEMBER_NUM_MAX_SECONDS, Math.max(MEMBER_NUM_MIN_SECONDS, Math.round(seconds))) * 1000;
}

/**
 * What RTM pushes before the join sequence (joined, user list, attributes) went out belongs in that
 * sequence: members go into the user list (never also as userJoined), attribute changes into the
 * snapshot, and channel messages wait until after it.
 */
interface EarlyEvents {
  /** Members that left before the user list went out, so a snapshot that still has them drops them. */
  readonly left: Set<string>;
  /** This session's own attribute updates applied while the snapshot was fetched. */
  readonly ops: AttrOp[];
  readonly messages: Array<() => void>;
}

/**
 * A membership's lifecycle. Only `join` and `#detach` move it:
 * `joining` (waiting for the previous membership, then RTM's join) → `fetching` (in the RTM channel;
 * members and attributes on their way) → `announced` (the join sequence went out; events flow as they
 * come); any of them → `gone` (left, dropped or failed to join: no more events, no RTM call).
 * `dropped` marks a membership the login took away (not the app): its sends RTM still confirms
 * are echoed while the session lives on.
 */
type MembershipState =
  | { readonly kind: 'joining'; readonly early: EarlyEvents }
  | { readonly kind: 'fetching'; readonly early: EarlyEvents }
  | { readonly kind: 'announced' }
  | { readonly kind: 'gone'; readonly dropped: boolean };

/**
 * The session's membership of one RTM channel: the RTM channel object, a member cache (so a
 * re-join after a reconnect needs no RTM call), the attribute cache that turns RTM's full-map
 * pushes into legacy per-key events, and the `_auto_update_num` member-count poller.
 */
export class ChannelMembership implements ChannelOps {
  readonly id: string;
  #ctx: EngineContext;
  #channel: RtmChannelLike;
  /** `#channel` without its redacting view, for sends (see `unredacted`). */
  #raw: { target: RtmChannelLike; redact: (error: unknown) => unknown };
  #attrs: AttributeQueue;
  #members: MemberList;
  #attributes = new Map<string, string>();
  #handle: ChannelHandle;
  #state: MembershipState = { kind: 'joining', early: { left: new Set(), ops: [], messages: [] } };
  /**
   * RTM may push this session's own attribute update before answering it. Pushes that arrive while
   * an own update is in flight wait for its answer (with the own operations applied since), so the
   * setter's events are its operations exactly as issued — a cleared single key is a `clear`.
   */
  #held: { push: Map<string, string>; ops: AttrOp[] } | undefined;
  /** `_auto_update_num` reporting: the period and its timer. */
  #poll: { timer: TimerHandle; period: number } | undefined;
  /**
   * The last `_member_num` reported in this membership, kept when the period changes or reporting
   * turns off and on again: a peer rewriting `_auto_update_num` cannot make members report an
   * unchanged count again.
   */
  #reportedCount: number | undefined;
  /** The member count RTM last pushed (`MemberCountUpdated`), `undefined` before the first push. */
  #memberCount: number | undefined;
  #forget: () => void;
  /** The leave of this channel's previous membership, which this join waits for (last join wins). */
  #previous: Promise<void> | undefined;
  /** The RTM join under way or done (with its retry after a re-login); resolves to whether it joined. */
  #joinAttempt: Promise<boolean> | undefined;
  #settling: (leave: Promise<void>) => void;
  /** Reports a failed RTM join; true when the session cleared RTM's record of it and may join again. */
  #recover: (retry: boolean) => Promise<boolean>;

  constructor(
    ctx: EngineContext,
    id: string,
    handle: ChannelHandle,
    attrs: AttributeQueue,
    lifecycle: {
      forget: () => void;
      previous: Promise<void> | undefined;
      recover: (retry: boolean) => Promise<boolean>;
      settling: (leave: Promise<void>) => void;
    },
  ) {
    this.#ctx = ctx;
    this.id = id;
    this.#handle = handle;
    this.#attrs = attrs;
    this.#forget = lifecycle.forget;
    this.#previous = lifecycle.previous;
    this.#settling = lifecycle.settling;
    this.#recover = lifecycle.recover;
    this.#members = new MemberList(this.#decodeEntry, sharedSenderCache(ctx.codec.name));
    this.#channel = this.#createChannel();
    this.#raw = unredacted(this.#channel);
  }

  #createChannel(): RtmChannelLike {
    const channel = this.#ctx.client.createChannel(this.id);
    channel.on('MemberJoined', this.#onMemberJoined);
    channel.on('MemberLeft', this.#onMemberLeft);
    channel.on('ChannelMessage', this.#onMessage);
    channel.on('AttributesUpdated', this.#onAttributes);
    channel.on('MemberCountUpdated', this.#onMemberCount);
    return channel;
  }

  /** In the RTM channel (its join sequence may still be on its way). */
  get joined(): boolean {
    return this.#state.kind === 'fetching' || this.#state.kind === 'announced';
  }

  get #gone(): boolean {
    return this.#state.kind === 'gone';
  }

  /** A confirmed send is echoed: the membership is on, or the login (not the app) dropped it and the session lives. */
  get #echoes(): boolean {
    return this.#state.kind !== 'gone' || (this.#state.dropped && this.#ctx.live());
  }

  get handle(): ChannelHandle {
    return this.#handle;
  }

  /** Joins RTM, then fetches members and attributes in parallel and emits the legacy join sequence. */
  async join(): Promise<void> {
    // RTM refuses a second instance of a channel while the first is joined, joining or leaving
    // (A → B → A within one round trip): wait until the previous membership has left.
    if (this.#previous) await this.#previous;
    if (this.#gone) return;
    const attempt = this.#joinRtm();
    this.#joinAttempt = attempt;
    if (!(await attempt)) return;
    if (this.#state.kind !== 'joining') return;
    const { early } = this.#state;
    this.#state = { kind: 'fetching', early };
    const [members, attributes] = await Promise.all([
      this.#channel.getMembers().catch((error: unknown) => {
        this.#ctx.log.warn(`getMembers of "${this.id}" failed, the user list has only this user: ${describeRtmError(error)}`);
        return [] as string[];
      }),
      this.#ctx.client.getChannelAttributes(this.id).catch((error: unknown) => {
        this.#ctx.log.warn(`getChannelAttributes of "${this.id}" failed: ${describeRtmError(error)}`);
        return {} as ChannelAttributes;
      }),
    ]);
    if (this.#gone) return;
    for (const m of members) if (!early.left.has(m)) this.#members.add(m);
    this.#replaceAttributes(changesOfOps(toMap(attributes), early.ops).after);
    this.#state = { kind: 'announced' };
    this.#announce(this.#handle);
    // The count follows the join sequence (the poll was set up before it, reporting nothing).
    this.#reportMemberNum();
    for (const deliver of early.messages) deliver();
  }

  /**
   * The RTM join; true when joined. Never rejects. A failure RTM 1.x caused by an earlier failed
   * join of this ID is retried once after the session's silent re-login, on a channel object of the
   * new login.
   */
  async #joinRtm(): Promise<boolean> {
    for (let retry = true; ; retry = false) {
      let failure: unknown;
      try {
        await this.#channel.join();
        return true;
      } catch (error) {
        failure = error;
      }
      if (this.#gone) return false;
      if ((await this.#recover(retry)) && !this.#gone) {
        try {
          const channel = this.#createChannel();
          this.#channel.removeAllListeners();
          this.#channel = channel;
          this.#raw = unredacted(channel);
          continue;
        } catch (error) {
          failure = error;
        }
      }
      if (this.#gone) return false;
      this.#detach();
      const reason = describeJoinError(failure);
      // Server and native onChannelJoinFailed carry only the code.
      this.#ctx.log.warn(`channelJoin of "${this.id}" failed: ${reason}`);
      this.#handle.emit('joinFailed', { code: LegacyCode.JOINCHANNEL_E_OTHER, reason });
      return false;
    }
  }

  /** A second `channelJoin` of a channel the session is still in: no RTM call, same sequence. */
  rejoin(handle: ChannelHandle): void {
    this.#handle = handle;
    handle.bind(this);
    if (this.joined) queueMicrotask(() => this.#announce(handle));
  }

  #announce(handle: ChannelHandle): void {
    handle.announceJoined();
    handle.emit('userList', this.userList());
    for (const [name, value] of this.#attributes) handle.emit('attrUpdated', { name, value, type: 'update' });
  }

  /** `[[account, uid], …]` including this user, at most the latest 200. */
  userList(): MemberEntry[] {
    return this.#members.latest(USER_LIST_LIMIT, this.#ctx.selfId);
  }

  /** A member as legacy lists show it; `undefined` for an ID the shim never writes (never shown). */
  #decodeEntry = (id: string): MemberEntry | undefined => {
    const account = this.#ctx.codec.decode(id);
    return account === undefined ? undefined : [account, accountUid(account)];
  };

  /** Not `async`: on the message hot path one `then` costs less than an async function and its await. */
  send<D>(payload: unknown, notice?: SendNotice<D>, datum?: D): Promise<Result> {
    const encoded = encodePayload(payload);
    // One cast: the datum travels untyped through the pacer, to the notice it was made for.
    const tell = notice as SendNotice<unknown> | undefined;
    if (!encoded.ok) return toldLater(this.#sendFailed(encoded), tell, datum);
    return this.#paced({ message: encoded.value, echo: true, payload, notice: tell, datum });
  }

  /** Sends an encoded message through the session's pacer (RTM's 180 per 3 s limit), with no echo. */
  sendEncoded(message: RtmMessage): Promise<Result> {
    return this.#paced({ message, echo: false, payload: undefined });
  }

  /**
   * The send hands its one object through the pacer to the handlers below, which are made once per
   * membership: no closure per message.
   */
  #paced(send: PendingSend): Promise<Result> {
    if (!this.joined) {
      const failed = this.#sendFailed(err(LegacyCode.SENDMESSAGE_E_OTHER, `not in channel "${this.id}"`));
      return toldLater(failed, send.notice, send.datum);
    }
    return this.#ctx.pacer.send(this.#sendRtm, this.#settleSend, droppedPending, send);
  }

  #sendRtm = (send: PendingSend): Promise<void> => this.#raw.target.sendMessage(send.message);

  /** The echo goes out as RTM takes the message, in the same step as the result (one promise less than chaining it). */
  #settleSend = (result: SendResult<void>, send: PendingSend): Result => {
    if (!result.ok) {
      // The one reader of a send's error: redacted here, first (the send bypassed the redacting view).
      const error = this.#raw.redact(result.error);
      return told(this.#sendFailed(err(sendFailureCode(error), describeRtmError(error))), send.notice, send.datum);
    }
    if (send.echo && this.#ctx.options.echoOwnChannelMessages && this.#echoes) {
      // Legacy Signaling echoed a channel message to its sender; RTM never does (docs/reference/mapping-decisions.md).
      // A send RTM confirms after a token re-login dropped the channel reached the members, so it is echoed too.
      this.#handle.emit('message', this.#ctx.account, this.#ctx.uid, send.payload);
    }
    return told(ok(), send.notice, send.datum);
  };

  /** Legacy send callbacks carry no reason (Web `cb()`), so the reason goes to the log. */
  #sendFailed(result: Result): Result {
    if (!result.ok) this.#ctx.log.warn(`messageChannelSend to "${this.id}" failed: ${result.reason}`);
    return result;
  }

  /** Called by the handle, which has marked itself `leaved`. */
  async leave(): Promise<Result> {
    // The app left a channel the login had dropped: its sends are no longer echoed.
    if (this.#gone) {
      this.#state = { kind: 'gone', dropped: false };
      return ok();
    }
    this.#detach();
    const left = this.#leaveRtm();
    this.#settling(left);
    await left;
    return ok();
  }

  /** Leaves RTM once any join of this membership has settled; never rejects. */
  async #leaveRtm(): Promise<void> {
    // Not joined yet (still waiting for an earlier membership): there is nothing to leave.
    if (!this.#joinAttempt) return;
    await this.#joinAttempt;
    // Logged out meanwhile: RTM's logout left the channel; nothing may call RTM now.
    if (!this.#ctx.live()) return;
    try {
      await this.#channel.leave();
    } catch (error) {
      // Legacy leave "succeeded" locally whatever the server said (docs/reference/legacy-web-sdk.md §11.6).
      this.#ctx.log.debug(`leave of "${this.id}" reported ${describeRtmError(error)}`);
    }
  }

  /**
   * The session lost the channel without leaving it (logout, re-login): forget it quietly. A join
   * still under way fails, so that its `channelJoin` is answered, as every legacy call was.
   */
  drop(): void {
    const joining = this.#state.kind === 'joining' || this.#state.kind === 'fetching';
    this.#detach(true);
    if (joining) this.#handle.emit('joinFailed', { code: LegacyCode.JOINCHANNEL_E_OTHER, reason: 'the login ended before the join completed' });
  }

  setAttr(name: string, value: string): Promise<Result> {
    // RTM rejects empty values; legacy set-to-empty behaves as a delete (docs/reference/mapping-decisions.md).
    return this.#submit(value === '' ? { kind: 'del', name } : { kind: 'set', name, value });
  }

  delAttr(name: string): Promise<Result> {
    return this.#submit({ kind: 'del', name });
  }

  clearAttr(): Promise<Result> {
    return this.#submit({ kind: 'clear' });
  }

  #submit(op: AttrOp): Promise<Result> {
    return new Promise((resolve) => {
      this.#attrs.submit(op, (failure) => {
        if (failure) this.#ctx.log.warn(`channel attribute update on "${this.id}" failed: ${failure.reason}`);
        this.#releaseHeld();
        resolve(resultOf(failure));
      });
    });
  }

  /** The attribute queue applied a batch: the setter sees its own change once, now. */
  applied(ops: AttrOp[]): void {
    if (this.#state.kind === 'fetching') {
      // The snapshot being fetched may predate these: they are applied on top of it.
      this.#state.early.ops.push(...ops);
      return;
    }
    if (this.#state.kind !== 'announced') return;
    const { after, changes } = changesOfOps(this.#attributes, ops);
    this.#attributes = after;
    this.#held?.ops.push(...ops);
    for (const change of changes) this.#handle.emit('attrUpdated', change);
    // After the events: an `_auto_update_num` update comes before the `_member_num` it starts.
    this.#configurePoll();
  }

  /** Once no own update is in flight, a held push brings in what others changed meanwhile. */
  #releaseHeld(): void {
    const held = this.#held;
    if (!held || !this.#attrs.idle) return;
    this.#held = undefined;
    if (!this.#gone) this.#updateAttributes(changesOfOps(held.push, held.ops).after);
  }

  /** Takes RTM's map as it is, before the join sequence (whose snapshot carries it). */
  #replaceAttributes(next: Map<string, string>): void {
    this.#attributes = next;
    this.#configurePoll();
  }

  /** Takes RTM's map and reports each change as a legacy per-key event. */
  #updateAttributes(next: Map<string, string>): void {
    const changes = diffAttributes(this.#attributes, next);
    this.#attributes = next;
    for (const change of changes) this.#handle.emit('attrUpdated', change);
    this.#configurePoll();
  }

  /**
   * Built-in `_auto_update_num` = N > 0: report `_member_num` every N s (bounded, see
   * `memberNumPeriod`) when it changed. The count is RTM's pushed `MemberCountUpdated`
   * (docs/reference/rtm1-web-sdk.md §4.11); RTM is asked only once, when reporting turns on before any push, so no
   * attribute value can make a member poll RTM.
   */
  #configurePoll(): void {
    const period = this.#gone ? undefined : memberNumPeriod(this.#attributes.get('_auto_update_num'));
    if (this.#poll && this.#poll.period !== period) {
      this.#ctx.clock.clearTimeout(this.#poll.timer);
      this.#poll = undefined;
    }
    if (period === undefined || this.#poll) return;
    const poll = { timer: undefined as TimerHandle, period };
    const tick = (): void => {
      if (this.#poll !== poll) return;
      this.#reportMemberNum();
      poll.timer = this.#ctx.clock.setTimeout(tick, period);
    };
    this.#poll = poll;
    if (this.#memberCount !== undefined) return tick();
    void this.#ctx.client.getChannelMemberCount([this.id]).then(
      (counts) => {
        const count = counts[this.id];
        if (this.#memberCount === undefined && typeof count === 'number') this.#memberCount = count;
        tick();
      },
      (error: unknown) => {
        this.#ctx.log.debug(`member count query failed: ${describeRtmError(error)}`);
        tick();
      },
    );
  }

  #reportMemberNum(): void {
    const count = this.#memberCount;
    if (!this.#poll || this.#state.kind !== 'announced' || count === undefined || count === this.#reportedCount) return;
    this.#reportedCount = count;
    this.#handle.emit('attrUpdated', { name: '_member_num', value: String(count), type: 'update' });
  }

  #onMemberCount = (count: number): void => {
    if (typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) this.#memberCount = count;
  };

  #detach(dropped = false): void {
    if (this.#gone) return;
    this.#state = { kind: 'gone', dropped };
    this.#configurePoll();
    this.#channel.removeAllListeners();
    this.#forget();
  }

  #onMemberJoined = (id: string): void => {
    if ('early' in this.#state) this.#state.early.left.delete(id);
    if (!this.#members.add(id) || this.#state.kind !== 'announced') return;
    const entry = this.#members.entry(id);
    if (!entry) return;
    this.#handle.emit('userJoined', entry[0], entry[1]);
  };

  #onMemberLeft = (id: string): void => {
    this.#members.remove(id);
    if ('early' in this.#state) {
      this.#state.early.left.add(id);
      return;
    }
    if (this.#state.kind !== 'announced') return;
    const entry = this.#members.entry(id);
    if (entry) this.#handle.emit('userLeft', entry[0], entry[1]);
  };

  #onMessage = (message: RtmMessage, memberId: string): void => {
    let payload: unknown = plainText(message);
    if (payload === undefined) {
      const decoded = decodeMessage(message);
      // Control messages are peer-to-peer only; an END_CALL-looking channel text is ordinary text (docs/reference/rtm1-web-sdk.md §4.9).
      if (decoded.kind === 'control') return;
      payload = decoded.kind === 'payload' ? decoded.payload : message.text;
    }
    const entry = this.#members.senderEntry(memberId);
    if (!entry) return;
    if (this.#state.kind === 'announced') this.#handle.emit('message', entry[0], entry[1], payload);
    else this.#holdMessage(entry, payload);
  };

  /**
   * A message that arrives during the join sequence waits for its end. Apart from `#onMessage`: a
   * closure there would make every message allocate what it captures.
   */
  #holdMessage(entry: MemberEntry, payload: unknown): void {
    if ('early' in this.#state) this.#state.early.messages.push(() => void this.#handle.emit('message', entry[0], entry[1], payload));
  }

  #onAttributes = (attributes: ChannelAttributes): void => {
    if (this.#state.kind !== 'announced') return this.#replaceAttributes(toMap(attributes));
    if (!this.#attrs.idle) {
      this.#held = { push: toMap(attributes), ops: [] };
      return;
    }
    this.#updateAttributes(toMap(attributes));
  };
}

/** RTM's pushed or fetched map as a `Map` (any key, `__proto__` included); malformed entries are skipped. */
function toMap(attributes: ChannelAttributes): Map<string, string> {
  const map = new Map<string, string>();
  if (typeof attributes !== 'object' || attributes === null) return map;
  for (const [key, props] of Object.entries(attributes)) {
    const value: unknown = (props as { value?: unknown } | null)?.value;
    if (typeof value === 'string') map.set(key, value);
  }
  return map;
}

/**
 * RTM 1.x records a channel ID when a join is sent and forgets it only when a joined channel
 * leaves or the client logs out, so after a failed join every later join of that ID in the same
 * login fails with 202 (docs/reference/rtm1-web-sdk.md §2.3). The shim never has two joins of one ID, so a 202
 * means exactly that; the reason says how to get in.
 */
function describeJoinError(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const reason = describeRtmError(error);
  if (name !== 'RtmInvalidStatusError' || code !== 202) return reason;
  return `${reason} (RTM refuses a channel for the rest of a login once a join of it failed; log out and in again to join it)`;
}
