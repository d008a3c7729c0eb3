import type { TimerHandle } from '../rtm/clock';
import type { ChannelAttributes, RtmChannelLike, RtmMessage } from '../rtm/types';
import { changesOfOps, diffAttributes } from './attributeDiff';
import type { AttrOp, AttributeQueue } from './AttributeQueue';
import type { ChannelHandle, ChannelOps, MemberEntry } from './ChannelHandle';
import type { EngineContext } from './context';
import { accountUid } from './ids';
import { LegacyCode, describeRtmError, sendFailureCode } from './legacyCodes';
import { fail, succeed, type Outcome } from './outcome';
import { decodeMessage, encodePayload } from './payload';

/** Legacy user lists carried "the latest 200" members. */
const USER_LIST_LIMIT = 200;

/**
 * The session's membership of one RTM channel: the RTM channel object, a member cache (so a
 * re-join after a reconnect needs no RTM call), the attribute cache that turns RTM's full-map
 * pushes into legacy per-key events, and the `_auto_update_num` member-count poller.
 */
export class ChannelMembership implements ChannelOps {
  readonly id: string;
  #ctx: EngineContext;
  #channel: RtmChannelLike;
  #attrs: AttributeQueue;
  #members: string[] = [];
  #attributes = new Map<string, string>();
  #handle: ChannelHandle;
  #joined = false;
  /**
   * False until the join sequence (joined, user list, attributes) went out. Until then, what RTM
   * pushes belongs in that sequence: members go into the user list (never also as userJoined),
   * attribute changes into the snapshot, and channel messages wait until after it.
   */
  #announced = false;
  #leftEarly = new Set<string>();
  #earlyOps: AttrOp[] = [];
  #earlyMessages: Array<() => void> = [];
  /**
   * RTM may push this session's own attribute update before answering it. Pushes that arrive while
   * an own update is in flight wait for its answer (with the own operations applied since), so the
   * setter's events are its operations exactly as issued — a cleared single key is a `clear`.
   */
  #held: { push: Map<string, string>; ops: AttrOp[] } | undefined;
  #gone = false;
  #poll: { timer: TimerHandle; count: number | undefined } | undefined;
  #forget: () => void;

  constructor(ctx: EngineContext, id: string, handle: ChannelHandle, attrs: AttributeQueue, forget: () => void) {
    this.#ctx = ctx;
    this.id = id;
    this.#handle = handle;
    this.#attrs = attrs;
    this.#forget = forget;
    this.#channel = ctx.client.createChannel(id);
    this.#channel.on('MemberJoined', this.#onMemberJoined);
    this.#channel.on('MemberLeft', this.#onMemberLeft);
    this.#channel.on('ChannelMessage', this.#onMessage);
    this.#channel.on('AttributesUpdated', this.#onAttributes);
  }

  get joined(): boolean {
    return this.#joined;
  }

  get handle(): ChannelHandle {
    return this.#handle;
  }

  /** Joins RTM, then fetches members and attributes in parallel and emits the legacy join sequence. */
  async join(): Promise<void> {
    try {
      await this.#channel.join();
    } catch (error) {
      this.#detach();
      const reason = describeJoinError(error);
      // Server and native onChannelJoinFailed carry only the code.
      this.#ctx.log.warn(`channelJoin of "${this.id}" failed: ${reason}`);
      this.#handle.emit('joinFailed', { code: LegacyCode.JOINCHANNEL_E_OTHER, reason });
      return;
    }
    if (this.#gone) return;
    this.#joined = true;
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
    for (const m of members) if (!this.#members.includes(m) && !this.#leftEarly.has(m)) this.#members.push(m);
    this.#setAttributes(changesOfOps(toMap(attributes), this.#earlyOps.splice(0)).after, false);
    this.#announced = true;
    this.#announce(this.#handle);
    for (const deliver of this.#earlyMessages.splice(0)) deliver();
  }

  /** A second `channelJoin` of a channel the session is still in: no RTM call, same sequence. */
  rejoin(handle: ChannelHandle): void {
    this.#handle = handle;
    handle.bind(this);
    if (this.#joined) queueMicrotask(() => this.#announce(handle));
  }

  #announce(handle: ChannelHandle): void {
    handle.state = 'joined';
    handle.emit('joined');
    handle.emit('userList', this.userList());
    for (const [name, value] of this.#attributes) handle.emit('attrUpdated', { name, value, type: 'update' });
  }

  /** `[[account, uid], …]` including this user, at most the latest 200. */
  userList(): MemberEntry[] {
    const ids = this.#members.includes(this.#ctx.selfId) ? this.#members : [...this.#members, this.#ctx.selfId];
    return ids.slice(-USER_LIST_LIMIT).map((id) => this.#entry(id));
  }

  #entry(id: string): MemberEntry {
    const account = this.#ctx.codec.decode(id);
    return [account, accountUid(account)];
  }

  /** Not `async`: on the message hot path one `then` costs less than an async function and its await. */
  send(payload: unknown): Promise<Outcome> {
    const encoded = encodePayload(payload);
    if (!('message' in encoded)) return Promise.resolve(this.#sendFailed(fail(LegacyCode.SENDMESSAGE_E_OTHER, encoded.why)));
    return this.sendEncoded(encoded.message, () => {
      if (this.#ctx.options.echoOwnChannelMessages && !this.#gone) {
        // Legacy Signaling echoed a channel message to its sender; RTM never does (mapping-decisions.md).
        this.#handle.emit('message', this.#ctx.account, this.#ctx.uid, payload);
      }
    });
  }

  /**
   * Sends through the session's pacer (RTM's 180 per 3 s limit). `sent` runs as RTM takes the
   * message, in the same step as the result (one promise less per message than chaining it).
   */
  sendEncoded(message: RtmMessage, sent?: () => void): Promise<Outcome> {
    if (!this.#joined) {
      return Promise.resolve(this.#sendFailed(fail(LegacyCode.SENDMESSAGE_E_OTHER, `not in channel "${this.id}"`)));
    }
    return this.#ctx.pacer.send(
      () =>
        this.#channel.sendMessage(message).then(
          () => {
            sent?.();
            return succeed();
          },
          (error: unknown) => this.#sendFailed(fail(sendFailureCode(error), describeRtmError(error))),
        ),
      () => fail(LegacyCode.SENDMESSAGE_E_OTHER, 'logged out before the message was sent'),
    );
  }

  /** Legacy send callbacks carry no reason (Web `cb()`), so the reason goes to the log. */
  #sendFailed(outcome: Outcome): Outcome {
    if (!outcome.ok) this.#ctx.log.warn(`messageChannelSend to "${this.id}" failed: ${outcome.failure.reason}`);
    return outcome;
  }

  async leave(handle: ChannelHandle): Promise<Outcome> {
    handle.state = 'leaved';
    if (this.#gone) return succeed();
    this.#detach();
    try {
      await this.#channel.leave();
    } catch (error) {
      // Legacy leave "succeeded" locally whatever the server said (legacy-web-sdk.md §11.6).
      this.#ctx.log.debug(`leave of "${this.id}" reported ${describeRtmError(error)}`);
    }
    return succeed();
  }

  /** The session lost the channel without leaving it (logout, re-login): forget it quietly. */
  drop(): void {
    this.#detach();
  }

  setAttr(name: string, value: string): Promise<Outcome> {
    // RTM rejects empty values; legacy set-to-empty behaves as a delete (mapping-decisions.md).
    return this.#submit(value === '' ? { kind: 'del', name } : { kind: 'set', name, value });
  }

  delAttr(name: string): Promise<Outcome> {
    return this.#submit({ kind: 'del', name });
  }

  clearAttr(): Promise<Outcome> {
    return this.#submit({ kind: 'clear' });
  }

  #submit(op: AttrOp): Promise<Outcome> {
    return new Promise((resolve) => {
      this.#attrs.submit(op, (failure) => {
        if (failure) this.#ctx.log.warn(`channel attribute update on "${this.id}" failed: ${failure.reason}`);
        this.#releaseHeld();
        resolve(failure ? { ok: false, failure } : succeed());
      });
    });
  }

  /** The attribute queue applied a batch: the setter sees its own change once, now. */
  applied(ops: AttrOp[]): void {
    if (!this.#joined || this.#gone) return;
    if (!this.#announced) {
      // The snapshot being fetched may predate these: they are applied on top of it.
      this.#earlyOps.push(...ops);
      return;
    }
    const { after, changes } = changesOfOps(this.#attributes, ops);
    this.#attributes = after;
    this.#configurePoll();
    for (const change of changes) this.#handle.emit('attrUpdated', change);
    this.#held?.ops.push(...ops);
  }

  /** Once no own update is in flight, a held push brings in what others changed meanwhile. */
  #releaseHeld(): void {
    const held = this.#held;
    if (!held || !this.#attrs.idle) return;
    this.#held = undefined;
    if (!this.#gone) this.#setAttributes(changesOfOps(held.push, held.ops).after, true);
  }

  #setAttributes(next: Map<string, string>, announce: boolean): void {
    const changes = diffAttributes(this.#attributes, next);
    this.#attributes = next;
    this.#configurePoll();
    if (announce) for (const change of changes) this.#handle.emit('attrUpdated', change);
  }

  /** Built-in `_auto_update_num` = N > 0: report `_member_num` every N s when it changes. */
  #configurePoll(): void {
    const seconds = Number(this.#attributes.get('_auto_update_num'));
    const active = Number.isFinite(seconds) && seconds > 0;
    if (!active || this.#gone) {
      if (this.#poll) this.#ctx.clock.clearTimeout(this.#poll.timer);
      this.#poll = undefined;
      return;
    }
    if (this.#poll) return;
    const tick = (): void => {
      void this.#ctx.client.getChannelMemberCount([this.id]).then(
        (counts) => {
          const count = counts[this.id];
          if (!this.#poll || this.#gone || count === undefined) return;
          if (count !== this.#poll.count) {
            this.#poll.count = count;
            this.#handle.emit('attrUpdated', { name: '_member_num', value: String(count), type: 'update' });
          }
        },
        (error: unknown) => this.#ctx.log.debug(`member count poll failed: ${describeRtmError(error)}`),
      );
      if (this.#poll) this.#poll.timer = this.#ctx.clock.setTimeout(tick, seconds * 1000);
    };
    this.#poll = { timer: undefined, count: undefined };
    tick();
  }

  #detach(): void {
    if (this.#gone) return;
    this.#gone = true;
    this.#joined = false;
    this.#configurePoll();
    this.#channel.removeAllListeners();
    this.#forget();
  }

  #onMemberJoined = (id: string): void => {
    this.#leftEarly.delete(id);
    if (this.#members.includes(id)) return;
    this.#members.push(id);
    if (!this.#announced) return;
    const [account, uid] = this.#entry(id);
    this.#handle.emit('userJoined', account, uid);
  };

  #onMemberLeft = (id: string): void => {
    this.#members = this.#members.filter((m) => m !== id);
    if (!this.#announced) {
      this.#leftEarly.add(id);
      return;
    }
    const [account, uid] = this.#entry(id);
    this.#handle.emit('userLeft', account, uid);
  };

  #onMessage = (message: RtmMessage, memberId: string): void => {
    const decoded = decodeMessage(message);
    // Control messages are peer-to-peer only; an END_CALL-looking channel text is ordinary text (§4.9).
    if (decoded.kind === 'control') return;
    const payload = decoded.kind === 'payload' ? decoded.payload : message.text;
    const [account, uid] = this.#entry(memberId);
    const deliver = (): void => void this.#handle.emit('message', account, uid, payload);
    if (this.#announced) deliver();
    else this.#earlyMessages.push(deliver);
  };

  #onAttributes = (attributes: ChannelAttributes): void => {
    if (this.#announced && !this.#attrs.idle) {
      this.#held = { push: toMap(attributes), ops: [] };
      return;
    }
    this.#setAttributes(toMap(attributes), this.#announced);
  };
}

function toMap(attributes: ChannelAttributes): Map<string, string> {
  return new Map(Object.entries(attributes).map(([k, v]) => [k, v.value]));
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
