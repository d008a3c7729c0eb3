import type { TimerHandle } from '../../rtm/clock';
import type { AttributesMap, ChannelAttributes, PeerOnlineState, RtmMessage } from '../../rtm/types';
import { unauthenticated, unavailable, unknownError } from '../../rtm/rtm1/errors';
import { ATTRIBUTES, MEMBERS_PAGE_SIZE, type RateLimit, SlidingWindow } from '../../rtm/rtm1/limits';
import { LARGE_CHANNEL_COUNT_MS, MEMBER_EVENTS_MAX_MEMBERS, OFFLINE_MEMBER_MS } from '../rules/limits';
import type { Network } from './Network';
import { checkAttributeMap, isValidId } from '../../rtm/rtm1/validation';
import { copyMessage } from './copyMessage';
import type { AbortReason, ClientPort, InvitationSignal, MemberNotice, SessionRestore } from './wire';

/** `FakeRtmOptions.validateToken`'s verdict on a token. */
export type TokenVerdict = 'valid' | 'invalid' | 'expired';

export type TokenValidator = (token: string | undefined, uid: string, appId: string) => TokenVerdict;

/** How an attribute write changes the stored map. */
export type AttributeWrite =
  | { op: 'set'; attributes: AttributesMap }
  | { op: 'addOrUpdate'; attributes: AttributesMap }
  | { op: 'delete'; keys: string[] }
  | { op: 'clear' };

export interface ServerOptions {
  validateToken: TokenValidator;
  channelAttributeOps: RateLimit | false;
}

interface ServerSession {
  readonly port: ClientPort;
  readonly channels: Set<string>;
  readonly subscriptions: Set<string>;
  readonly attributes: Map<string, string>;
  offlineTimer?: TimerHandle;
}

interface ChannelRecord {
  /** Insertion order = join order, which getMembers reports. */
  readonly members: Map<string, ServerSession>;
  attributes: ChannelAttributes;
  /** Above 512 members: the pending periodic count notice (docs/reference/rtm1-web-sdk.md §4.11). */
  countNotice?: TimerHandle;
}

/**
 * The RTM cloud of one App ID: who is logged in, channel membership and attributes, user
 * attributes and presence subscriptions. Every method runs "at the server", i.e. after a request
 * hop; what it pushes to clients travels one more hop and is lost when the receiver's connection
 * is cut.
 */
export class FakeServer {
  readonly appId: string;
  readonly #net: Network;
  readonly #options: ServerOptions;
  readonly #sessions = new Map<string, ServerSession>();
  readonly #channels = new Map<string, ChannelRecord>();
  readonly #attributeRates = new WeakMap<ClientPort, SlidingWindow>();
  /** peer uid → sessions subscribed to its online state. */
  readonly #subscribers = new Map<string, Set<ServerSession>>();
  /** Last presence state announced per uid, so subscribers hear only changes. */
  readonly #presence = new Map<string, PeerOnlineState>();

  constructor(appId: string, net: Network, options: ServerOptions) {
    this.appId = appId;
    this.#net = net;
    this.#options = options;
  }

  // -------------------------------------------------------------------------------------------
  // Sessions

  /**
   * docs/reference/rtm1-web-sdk.md §2.3 login check 5 (token) and docs/reference/rtm1-web-sdk.md §4.3: a second login of the same uid ends the first session
   * (ABORTED/REMOTE_LOGIN there; other members see MemberLeft, the docs/reference/rtm1-web-sdk.md §5 P0.3 default).
   */
  login(port: ClientPort, token: string | undefined): void {
    const verdict = this.#options.validateToken(token, port.uid, this.appId);
    if (verdict === 'invalid') throw unauthenticated(5, 'The token is invalid');
    if (verdict === 'expired') throw unauthenticated(6, 'The token has expired');
    const previous = this.#sessions.get(port.uid);
    if (previous?.port === port) return;
    if (previous) {
      this.#endSession(previous);
      this.#push(previous, (old) => old.abort('REMOTE_LOGIN'));
    }
    this.#sessions.set(port.uid, this.#newSession(port));
    this.#presenceChanged(port.uid);
  }

  /**
   * A client back from RECONNECTING (docs/reference/rtm1-web-sdk.md §4.4): its session continues, or is rebuilt if it expired
   * meanwhile. Either way the SDK re-sends its joins, user attributes and subscriptions, so the
   * session is brought in line with them (a leave sent while the connection was cut was lost).
   */
  resume(port: ClientPort, restore: SessionRestore): 'resumed' | 'kicked' {
    const current = this.#sessions.get(port.uid);
    if (current && current.port !== port) return 'kicked';
    const session = current ?? this.#newSession(port);
    this.#sessions.set(port.uid, session);
    session.attributes.clear();
    for (const [key, value] of restore.attributes) session.attributes.set(key, value);
    for (const channelId of [...session.channels]) {
      if (!restore.channels.includes(channelId)) this.#removeMember(session, channelId);
    }
    for (const channelId of restore.channels) this.join(port, channelId);
    this.unsubscribe(port, [...session.subscriptions].filter((peerId) => !restore.subscriptions.includes(peerId)));
    this.subscribe(port, restore.subscriptions);
    this.#presenceChanged(port.uid);
    return 'resumed';
  }

  logout(port: ClientPort): void {
    const session = this.#sessionOf(port);
    if (!session) return;
    this.#endSession(session);
    this.#presenceChanged(port.uid);
  }

  /**
   * `FakeRtm.disconnect/reconnect`: a cut connection makes the user UNREACHABLE to subscribers
   * and, after 30 s, ends the session (MemberLeft for the others, docs/reference/rtm1-web-sdk.md §4.4); a restored one within
   * the window just continues.
   */
  linkChanged(uid: string, up: boolean): void {
    const session = this.#sessions.get(uid);
    if (!session) return;
    this.#net.cancel(session.offlineTimer);
    session.offlineTimer = undefined;
    if (!up) {
      session.offlineTimer = this.#net.later(OFFLINE_MEMBER_MS, () => {
        this.#endSession(session);
        this.#presenceChanged(uid);
      });
    }
    this.#presenceChanged(uid);
  }

  /**
   * `FakeRtm.kick/expireToken('expire')`: the server drops the session and tells the client,
   * whether or not its connection is up (the control stands for the outcome).
   */
  abort(uid: string, reason: AbortReason): boolean {
    const session = this.#sessions.get(uid);
    if (!session) return false;
    this.#endSession(session);
    this.#presenceChanged(uid);
    this.#net.soon(() => session.port.abort(reason));
    return true;
  }

  /** `FakeRtm.expireToken('warn')`. */
  warnTokenExpiry(uid: string): boolean {
    const session = this.#sessions.get(uid);
    if (!session) return false;
    this.#net.soon(() => session.port.tokenWillExpire());
    return true;
  }

  /** docs/reference/rtm1-web-sdk.md §2.3 renewToken: the access point's verdict (invalid → 6, expired → 5, RenewTokenError). */
  checkRenewedToken(uid: string, token: string): void {
    const verdict = this.#options.validateToken(token, uid, this.appId);
    if (verdict === 'invalid') throw unauthenticated(6, 'The token is invalid');
    if (verdict === 'expired') throw unauthenticated(5, 'The token has expired');
  }

  // -------------------------------------------------------------------------------------------
  // Messages and signals

  /** docs/reference/rtm1-web-sdk.md §4.6: delivered (and acked true) only when the peer has a session with a live connection. */
  sendPeerMessage(port: ClientPort, peerId: string, message: RtmMessage): boolean {
    this.#requireSession(port);
    const props = { serverReceivedTs: this.#net.clock.now() };
    return this.#toUser(peerId, (peer) => peer.deliverPeerMessage(copyMessage(message), port.uid, props));
  }

  /** Invitation signals and end-call messages travel as peer messages (docs/reference/rtm1-web-sdk.md §4.7 wire model). */
  sendSignal(port: ClientPort, peerId: string, signal: InvitationSignal): boolean {
    if (!this.#sessionOf(port)) return false;
    const props = { serverReceivedTs: this.#net.clock.now() };
    return this.#toUser(peerId, (peer) => peer.deliverSignal(signal, port.uid, props));
  }

  /** docs/reference/rtm1-web-sdk.md §4.5: to every other member; the sender's own copy is never sent. */
  sendChannelMessage(port: ClientPort, channelId: string, message: RtmMessage): void {
    const session = this.#requireSession(port);
    const record = this.#channels.get(channelId);
    if (!record || record.members.get(port.uid) !== session) {
      throw unknownError(1, 'Channel message send failure');
    }
    const props = { serverReceivedTs: this.#net.clock.now() };
    const from = port.uid;
    // The members at the time of sending, the sender taken out: a spread of the map is allocated
    // at its size at once, where pushing 50,000 members would grow an array some twenty times.
    const receivers = [...record.members.values()];
    receivers.splice(receivers.indexOf(session), 1);
    const net = this.#net;
    net.hopEach(receivers, (member) => {
      if (net.isUp(member.port.uid)) member.port.deliverChannelMessage(channelId, copyMessage(message), from, props);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Channels

  join(port: ClientPort, channelId: string): void {
    const session = this.#requireSession(port);
    const record = this.#channel(channelId);
    if (record.members.get(port.uid) === session) return;
    record.members.set(port.uid, session);
    session.channels.add(channelId);
    this.#announce(channelId, record, 'joined', port.uid);
  }

  leave(port: ClientPort, channelId: string): void {
    const session = this.#sessionOf(port);
    if (session) this.#removeMember(session, channelId);
  }

  /** docs/reference/rtm1-web-sdk.md §1.3 / §6.4: page 0 of 200, in join order, the caller included. */
  members(channelId: string): string[] {
    const page: string[] = [];
    for (const uid of this.#channels.get(channelId)?.members.keys() ?? []) {
      if (page.length === MEMBERS_PAGE_SIZE) break;
      page.push(uid);
    }
    return page;
  }

  memberCounts(channelIds: string[]): Record<string, number> {
    return Object.fromEntries(channelIds.map((id) => [id, this.#channels.get(id)?.members.size ?? 0]));
  }

  // -------------------------------------------------------------------------------------------
  // Channel attributes (docs/reference/rtm1-web-sdk.md §4.12)

  /**
   * Stores the write with `lastUpdateUserId`/`lastUpdateTs` per written key and, when asked,
   * pushes the complete map to every member; the updater's own joined instances included
   * (docs/reference/rtm1-web-sdk.md §6.2: the SDK does not filter it, so the fake's server does not either). Server-side
   * refusals (a rate limit when enabled, an overflow of the merged map, a bad channel ID)
   * surface as RtmUnavailableError 2 (docs/reference/rtm1-web-sdk.md §3.5, §6.8).
   */
  writeChannelAttributes(port: ClientPort, channelId: string, write: AttributeWrite, notify: boolean): ChannelAttributes {
    this.#requireSession(port);
    if (!isValidId(channelId)) throw unavailable(2, 'The channel ID is not valid');
    const rate = this.#attributeRate(port);
    if (rate && !rate.tryTake()) throw unavailable(2, 'Channel attribute operations are too frequent');
    const record = this.#channel(channelId);
    const stamp = { lastUpdateUserId: port.uid, lastUpdateTs: this.#net.clock.now() };
    // Null prototype: `__proto__` is an attribute name like any other; `Object.assign` onto it
    // defines own properties.
    const next: ChannelAttributes = Object.create(null) as ChannelAttributes;
    if (write.op !== 'set' && write.op !== 'clear') Object.assign(next, record.attributes);
    if (write.op === 'set' || write.op === 'addOrUpdate') {
      for (const [key, value] of Object.entries(write.attributes)) next[key] = { value, ...stamp };
    } else if (write.op === 'delete') {
      for (const key of write.keys) delete next[key];
    }
    const values = Object.fromEntries(Object.entries(next).map(([key, { value }]) => [key, value]));
    if (Object.keys(values).length > 0 && checkAttributeMap(values, ATTRIBUTES.maxChannelTotalBytes)) {
      throw unavailable(2, 'The channel attributes exceed the server limit');
    }
    record.attributes = next;
    if (notify) {
      for (const member of record.members.values()) {
        this.#push(member, (peer) => peer.deliverAttributes(channelId, copyAttributes(next)));
      }
    }
    return copyAttributes(next);
  }

  readChannelAttributes(channelId: string, keys?: string[]): ChannelAttributes {
    const stored = this.#channels.get(channelId)?.attributes ?? {};
    const picked = keys ? Object.entries(stored).filter(([key]) => keys.includes(key)) : Object.entries(stored);
    return copyAttributes(Object.fromEntries(picked));
  }

  // -------------------------------------------------------------------------------------------
  // User attributes (docs/reference/rtm1-web-sdk.md §4.13; cleared with the session, the docs/reference/rtm1-web-sdk.md §6.9 choice)

  writeUserAttributes(port: ClientPort, write: AttributeWrite): void {
    const { attributes } = this.#requireSession(port);
    if (write.op === 'set' || write.op === 'clear') attributes.clear();
    if (write.op === 'set' || write.op === 'addOrUpdate') {
      for (const [key, value] of Object.entries(write.attributes)) attributes.set(key, value);
    } else if (write.op === 'delete') {
      for (const key of write.keys) attributes.delete(key);
    }
  }

  /** docs/reference/rtm1-web-sdk.md §4.13: a user without a session is "not online" (server 10008 → RtmUnavailableError 6). */
  readUserAttributes(uid: string, keys?: string[]): AttributesMap {
    const session = this.#sessions.get(uid);
    if (!session) throw unavailable(6, 'The user requested is not online');
    const entries = [...session.attributes].filter(([key]) => !keys || keys.includes(key));
    return Object.fromEntries(entries);
  }

  // -------------------------------------------------------------------------------------------
  // Presence (docs/reference/rtm1-web-sdk.md §4.10)

  /** Online = a session with a live connection. */
  isOnline(uid: string): boolean {
    return this.#sessions.has(uid) && this.#net.isUp(uid);
  }

  subscribe(port: ClientPort, peerIds: string[]): void {
    const session = this.#requireSession(port);
    for (const peerId of peerIds) {
      session.subscriptions.add(peerId);
      const subscribers = this.#subscribers.get(peerId) ?? new Set();
      subscribers.add(session);
      this.#subscribers.set(peerId, subscribers);
    }
  }

  unsubscribe(port: ClientPort, peerIds: string[]): void {
    const session = this.#sessionOf(port);
    if (!session) return;
    for (const peerId of peerIds) {
      session.subscriptions.delete(peerId);
      this.#unsubscribeOne(session, peerId);
    }
  }

  #unsubscribeOne(session: ServerSession, peerId: string): void {
    const subscribers = this.#subscribers.get(peerId);
    subscribers?.delete(session);
    if (subscribers?.size === 0) this.#subscribers.delete(peerId);
  }

  // -------------------------------------------------------------------------------------------

  #newSession(port: ClientPort): ServerSession {
    return { port, channels: new Set(), subscriptions: new Set(), attributes: new Map() };
  }

  #sessionOf(port: ClientPort): ServerSession | undefined {
    const session = this.#sessions.get(port.uid);
    return session?.port === port ? session : undefined;
  }

  #requireSession(port: ClientPort): ServerSession {
    const session = this.#sessionOf(port);
    if (!session) throw unavailable(1, 'The session is not valid');
    return session;
  }

  #endSession(session: ServerSession): void {
    this.#net.cancel(session.offlineTimer);
    for (const channelId of [...session.channels]) this.#removeMember(session, channelId);
    for (const peerId of session.subscriptions) this.#unsubscribeOne(session, peerId);
    session.subscriptions.clear();
    if (this.#sessions.get(session.port.uid) === session) this.#sessions.delete(session.port.uid);
  }

  /**
   * docs/reference/rtm1-web-sdk.md §3.5: the documented channel-attribute write limit is per client, across all its channels
   * (one window per login session of a client). `undefined` when the limit is off.
   */
  #attributeRate(port: ClientPort): SlidingWindow | undefined {
    const limit = this.#options.channelAttributeOps;
    if (!limit) return undefined;
    let rate = this.#attributeRates.get(port);
    if (!rate) {
      rate = new SlidingWindow(this.#net.clock, limit);
      this.#attributeRates.set(port, rate);
    }
    return rate;
  }

  #channel(channelId: string): ChannelRecord {
    let record = this.#channels.get(channelId);
    if (!record) {
      record = { members: new Map(), attributes: Object.create(null) as ChannelAttributes };
      this.#channels.set(channelId, record);
    }
    return record;
  }

  #removeMember(session: ServerSession, channelId: string): void {
    session.channels.delete(channelId);
    const record = this.#channels.get(channelId);
    if (record?.members.get(session.port.uid) !== session) return;
    record.members.delete(session.port.uid);
    this.#announce(channelId, record, 'left', session.port.uid);
    this.#forgetIfEmpty(channelId, record);
  }

  /**
   * A channel nobody is in and that holds no attributes keeps nothing worth remembering; dropping
   * its record keeps a long-lived fake from growing with every channel ever visited.
   */
  #forgetIfEmpty(channelId: string, record: ChannelRecord): void {
    if (record.members.size > 0) return;
    this.#net.cancel(record.countNotice);
    record.countNotice = undefined;
    if (Object.keys(record.attributes).length > 0) return;
    if (this.#channels.get(channelId) === record) this.#channels.delete(channelId);
  }

  /**
   * docs/reference/rtm1-web-sdk.md §4.11 and §3.4: up to 512 members every member hears each change with the new size
   * (MemberJoined/MemberLeft); above 512 the server stops those events and updates the count only
   * every 3 s. The member who joins still hears of its own join with the count, so its first count
   * comes promptly; the others get the periodic count notice. This keeps a join O(1) in a large
   * channel instead of a notice to every member.
   */
  #announce(channelId: string, record: ChannelRecord, kind: MemberNotice['kind'], uid: string): void {
    const count = record.members.size;
    if (count > MEMBER_EVENTS_MAX_MEMBERS) {
      const subject = kind === 'joined' ? record.members.get(uid) : undefined;
      if (subject) this.#push(subject, (peer) => peer.deliverMemberNotice(channelId, { kind, uid, count, announce: false }));
      this.#scheduleCountNotice(channelId, record);
      return;
    }
    // A per-change notice carries the count, so a periodic one still pending has nothing to add.
    this.#net.cancel(record.countNotice);
    record.countNotice = undefined;
    const notice: MemberNotice = { kind, uid, count, announce: true };
    for (const member of record.members.values()) {
      this.#push(member, (peer) => peer.deliverMemberNotice(channelId, { ...notice }));
    }
  }

  /** At most one count notice per 3 s per channel, carrying the size when it is sent. */
  #scheduleCountNotice(channelId: string, record: ChannelRecord): void {
    if (record.countNotice !== undefined) return;
    record.countNotice = this.#net.later(LARGE_CHANNEL_COUNT_MS, () => {
      record.countNotice = undefined;
      const count = record.members.size;
      for (const member of record.members.values()) {
        this.#push(member, (peer) => peer.deliverMemberCount(channelId, count));
      }
    });
  }

  #presenceChanged(uid: string): void {
    const state: PeerOnlineState = !this.#sessions.has(uid)
      ? 'OFFLINE'
      : this.#net.isUp(uid)
        ? 'ONLINE'
        : 'UNREACHABLE';
    if ((this.#presence.get(uid) ?? 'OFFLINE') === state) return;
    // OFFLINE is the default: remembering it for every uid ever seen would only grow.
    if (state === 'OFFLINE') this.#presence.delete(uid);
    else this.#presence.set(uid, state);
    for (const subscriber of this.#subscribers.get(uid) ?? []) {
      this.#push(subscriber, (peer) => peer.deliverPeerStatus(uid, state));
    }
  }

  #toUser(uid: string, deliver: (port: ClientPort) => void): boolean {
    const session = this.#sessions.get(uid);
    if (!session || !this.#net.isUp(uid)) return false;
    this.#push(session, deliver);
    return true;
  }

  /** One hop down to a session; lost if its connection is cut when it arrives. */
  #push(session: ServerSession, deliver: (port: ClientPort) => void): void {
    this.#net.hop(() => {
      if (this.#net.isUp(session.port.uid)) deliver(session.port);
    });
  }
}

function copyAttributes(attributes: ChannelAttributes): ChannelAttributes {
  return Object.fromEntries(Object.entries(attributes).map(([key, props]) => [key, { ...props }]));
}
