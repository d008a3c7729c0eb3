import type { ClientPort, ServerRejectReason, ServiceEventMap } from './ClientPort';
import { MetadataStore, type MetadataWrite } from './MetadataStore';
import { type IntervalBatch, type Room as RoomType, Room, subscriptionOf, userState } from './Room';
import type { FakeRtm2Console, FakeRtm2Switches } from './switches';
import type {
  LockDetail,
  LockEvent,
  MetadataItem,
  MetadataOptions,
  PresenceEvent,
  PresenceEventType,
  StateDetail,
  StorageData,
  SubscribeOptions,
  UserState,
  WhereNowResponse,
} from '../types';
import type { Wire } from './Wire';

/** What a service call needs besides its arguments. */
export interface ServiceContext {
  readonly wire: Wire;
  readonly switches: FakeRtm2Switches;
  readonly console: FakeRtm2Console;
  /** Whether the user's link to the service is up (`FakeRtm2.disconnect/reconnect`). */
  isUp(userId: string): boolean;
  nextRevision(): number;
}

/** −11033 (ack 8): the receiver of a USER message is offline. */
export const RECEIVER_OFFLINE = 8;

/**
 * The in-memory Signaling 2.x service of one App ID (docs/reference/rtm2-web-sdk.md §1.8, §2.8–
 * §2.12): sessions, message channels with their subscribers, presence members, metadata and
 * locks, and user metadata. Every method runs "at the service" (the client hops to it); what it
 * pushes to clients travels one hop and is dropped for a client whose link is down.
 */
export class Service {
  readonly #ctx: ServiceContext;
  readonly #sessions = new Map<string, ClientPort>();
  readonly #rooms = new Map<string, RoomType>();
  readonly #userMetadata = new Map<string, MetadataStore>();
  /** user ID → the clients subscribed to that user's metadata. */
  readonly #userWatchers = new Map<string, Set<ClientPort>>();

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  // ---- sessions ------------------------------------------------------------------------------

  /** A login reached the service; a second login of the same user ID kicks one of them (Q9). Returns false when the new one is refused. */
  login(port: ClientPort): boolean {
    const older = this.#sessions.get(port.userId);
    if (older && older !== port) {
      if (this.#ctx.switches.sameUserLoginKicks === 'newer') return false;
      this.endSession(older);
      this.#ctx.wire.hop(() => older.rejected('SAME_UID_LOGIN'));
    }
    this.#sessions.set(port.userId, port);
    return true;
  }



  /** Logout, kick or token expiry: the user leaves every channel (REMOTE_LEAVE) and drops its watches. */
  endSession(port: ClientPort): void {
    if (this.#sessions.get(port.userId) !== port) return;
    this.#sessions.delete(port.userId);
    this.#releaseLocksOf(port);
    for (const room of [...this.#rooms.values()]) {
      if (room.subscribers.get(port.userId)?.port === port) this.leave(port, room.name);
    }
    for (const [userId, watchers] of this.#userWatchers) {
      watchers.delete(port);
      if (watchers.size === 0) this.#userWatchers.delete(userId);
    }
  }

  /** The service kicks a session (test control). */
  reject(userId: string, reason: ServerRejectReason): boolean {
    const port = this.#sessions.get(userId);
    if (!port) return false;
    this.endSession(port);
    this.#ctx.wire.hop(() => port.rejected(reason));
    return true;
  }

  warnTokenExpiry(userId: string): boolean {
    const port = this.#sessions.get(userId);
    if (!port) return false;
    this.#ctx.wire.hop(() => port.tokenWillExpire());
    return true;
  }

  /** The user's link went down: its presence in every channel times out after its presenceTimeout (docs/reference/rtm2-web-sdk.md §2.11). */
  linkLost(userId: string): void {
    const port = this.#sessions.get(userId);
    if (!port) return;
    for (const room of this.#rooms.values()) {
      const member = room.members.get(userId);
      if (!member || member.timeout !== undefined) continue;
      member.timeout = this.#ctx.wire.later(port.presenceTimeoutS * 1_000, () => {
        member.timeout = undefined;
        room.members.delete(userId);
        room.subscribers.delete(userId);
        this.#presence(room, 'REMOTE_TIMEOUT', userId);
        this.#dropIfEmpty(room);
      });
    }
  }


  // ---- channels ------------------------------------------------------------------------------

  /**
   * Subscribes (or updates the options of) `port` to `channel` with its cached presence state.
   * Returns whether the user is newly present (a rejoin after a presence timeout needs a new SNAPSHOT).
   */
  join(port: ClientPort, channel: string, options: SubscribeOptions | undefined, states: StateDetail | undefined): boolean {
    const room = this.#room(channel);
    const existing = room.subscribers.get(port.userId);
    const subscription = subscriptionOf(port, options);
    room.subscribers.set(port.userId, subscription);
    const visible = !subscription.beQuiet || !this.#ctx.switches.quietSubscribersHidden;
    const member = room.members.get(port.userId);
    if (member?.timeout !== undefined) {
      this.#ctx.wire.cancel(member.timeout);
      member.timeout = undefined;
    }
    if (visible && !member) {
      room.members.set(port.userId, { states: { ...states } });
      this.#presence(room, 'REMOTE_JOIN', port.userId);
    } else if (!visible && member) {
      room.members.delete(port.userId);
      this.#presence(room, 'REMOTE_LEAVE', port.userId);
    }
    if (subscription.withLock && !existing?.withLock) {
      this.#send(port, 'lock', {
        channelType: 'MESSAGE',
        channelName: channel,
        eventType: 'SNAPSHOT',
        lockName: '',
        ttl: 0,
        publisher: '',
        snapshot: room.lockDetails(),
        owner: '',
        timestamp: this.#ctx.wire.clock.now(),
      });
    }
    const firstMetadata = subscription.withMetadata && !existing?.withMetadata;
    if (firstMetadata && (room.metadata.size > 0 || this.#ctx.switches.snapshotForEmptyMetadata)) {
      this.#send(port, 'storage', this.#channelStorageEvent(room, 'SNAPSHOT'));
    }
    return visible && !member;
  }

  /** After a reconnect: leaves the channels the client unsubscribed while its link was down. */
  keepOnly(port: ClientPort, channels: ReadonlySet<string>): void {
    for (const room of [...this.#rooms.values()]) {
      if (!channels.has(room.name) && room.subscribers.get(port.userId)?.port === port) this.leave(port, room.name);
    }
  }

  /** The presence SNAPSHOT for a new subscriber with presence (sent after subscribe resolves). */
  presenceSnapshot(port: ClientPort, channel: string): void {
    const room = this.#rooms.get(channel);
    const subscription = room?.subscribers.get(port.userId);
    if (!room || !subscription || subscription.port !== port || !subscription.withPresence) return;
    this.#send(port, 'presence', this.#presenceEvent(room, 'SNAPSHOT', '', {}, room.snapshot()));
  }

  leave(port: ClientPort, channel: string): void {
    const room = this.#rooms.get(channel);
    if (!room || room.subscribers.get(port.userId)?.port !== port) return;
    room.subscribers.delete(port.userId);
    const member = room.members.get(port.userId);
    if (member) {
      this.#ctx.wire.cancel(member.timeout);
      room.members.delete(port.userId);
      this.#presence(room, 'REMOTE_LEAVE', port.userId);
    }
    this.#dropIfEmpty(room);
  }

  publishChannel(port: ClientPort, channel: string, message: string | Uint8Array, customType: string): void {
    const room = this.#rooms.get(channel);
    if (!room) return;
    for (const subscription of room.subscribers.values()) {
      if (!subscription.withMessage) continue;
      if (subscription.port === port && !this.#ctx.switches.echoOwnChannelMessages) continue;
      this.#send(subscription.port, 'message', {
        channelType: 'MESSAGE',
        channelName: channel,
        topicName: '',
        messageType: typeof message === 'string' ? 'STRING' : 'BINARY',
        customType,
        message: copyMessage(message),
        publisher: port.userId,
        timestamp: 0,
      });
    }
  }

  /** A USER message; returns the service's ack code (0 delivered, 8 receiver offline). */
  publishUser(port: ClientPort, to: string, message: string | Uint8Array, customType: string): number {
    if (to === port.userId && this.#ctx.switches.userMessageToSelf === 'offline') return RECEIVER_OFFLINE;
    const receiver = this.#sessions.get(to);
    if (!receiver || !this.#ctx.isUp(to)) return RECEIVER_OFFLINE;
    this.#send(receiver, 'message', {
      channelType: 'USER',
      channelName: to,
      topicName: '',
      messageType: typeof message === 'string' ? 'STRING' : 'BINARY',
      customType,
      message: copyMessage(message),
      publisher: port.userId,
      timestamp: 0,
    });
    return 0;
  }

  // ---- presence ------------------------------------------------------------------------------

  whoNow(channel: string): UserState[] {
    return this.#rooms.get(channel)?.snapshot() ?? [];
  }

  whereNow(userId: string): WhereNowResponse {
    const channels = [...this.#rooms.values()]
      .filter((room) => room.members.has(userId))
      .map((room) => ({ channelName: room.name, channelType: 'MESSAGE' as const }));
    return { timestamp: 0, channels, totalChannel: channels.length };
  }

  /** Another member's state, or undefined when the user is not present in the channel (−13011). */
  getState(userId: string, channel: string): UserState | undefined {
    const member = this.#rooms.get(channel)?.members.get(userId);
    return member && userState(userId, member.states);
  }

  /** A present member's state changed (setState/removeState while subscribed). */
  setState(port: ClientPort, channel: string, states: StateDetail): void {
    const room = this.#rooms.get(channel);
    const member = room?.members.get(port.userId);
    if (!room || !member || room.subscribers.get(port.userId)?.port !== port) return;
    member.states = { ...states };
    this.#presence(room, 'REMOTE_STATE_CHANGED', port.userId);
  }

  // ---- storage -------------------------------------------------------------------------------

  channelMetadata(channel: string): StorageData {
    return (this.#rooms.get(channel)?.metadata ?? new MetadataStore()).snapshot();
  }

  writeChannelMetadata(
    port: ClientPort,
    channel: string,
    kind: MetadataWrite,
    items: MetadataItem[] | undefined,
    options: MetadataOptions,
    now: number,
  ): number {
    const room = this.#room(channel);
    const code = room.metadata.write(kind, items, options, port.userId, now, () => this.#ctx.nextRevision());
    if (code === 0) {
      for (const subscription of room.subscribers.values()) {
        if (!subscription.withMetadata) continue;
        if (subscription.port === port && !this.#ctx.switches.storageEventToWriter) continue;
        this.#send(subscription.port, 'storage', this.#channelStorageEvent(room, 'UPDATE'));
      }
    }
    this.#dropIfEmpty(room);
    return code;
  }

  userMetadata(userId: string): StorageData {
    return (this.#userMetadata.get(userId) ?? new MetadataStore()).snapshot();
  }

  writeUserMetadata(
    port: ClientPort,
    userId: string,
    kind: MetadataWrite,
    items: MetadataItem[] | undefined,
    options: MetadataOptions,
    now: number,
  ): number {
    const store = this.#userMetadata.get(userId) ?? new MetadataStore();
    this.#userMetadata.set(userId, store);
    const code = store.write(kind, items, options, port.userId, now, () => this.#ctx.nextRevision());
    if (code === 0) {
      for (const watcher of this.#userWatchers.get(userId) ?? []) {
        if (watcher === port && !this.#ctx.switches.storageEventToWriter) continue;
        this.#send(watcher, 'storage', this.#userStorageEvent(userId, 'UPDATE'));
      }
    }
    return code;
  }

  watchUser(port: ClientPort, userId: string): void {
    const watchers = this.#userWatchers.get(userId) ?? new Set<ClientPort>();
    this.#userWatchers.set(userId, watchers);
    if (watchers.has(port)) return;
    watchers.add(port);
    this.#send(port, 'storage', this.#userStorageEvent(userId, 'SNAPSHOT'));
  }

  unwatchUser(port: ClientPort, userId: string): void {
    const watchers = this.#userWatchers.get(userId);
    watchers?.delete(port);
    if (watchers?.size === 0) this.#userWatchers.delete(userId);
  }

  // ---- locks ---------------------------------------------------------------------------------

  lockDetails(channel: string): LockDetail[] {
    return this.#rooms.get(channel)?.lockDetails() ?? [];
  }

  /** −14004 when the lock exists. */
  setLock(channel: string, lockName: string, ttl: number): number {
    const room = this.#room(channel);
    if (room.locks.has(lockName)) return -14004;
    room.locks.set(lockName, { owner: '', ttl });
    this.#lockEvent(room, 'SET', lockName, '');
    return 0;
  }

  /** −14008 when the lock does not exist. */
  removeLock(channel: string, lockName: string): number {
    const room = this.#rooms.get(channel);
    if (!room?.locks.delete(lockName)) return -14008;
    this.#lockEvent(room, 'REMOVED', lockName, '');
    this.#dropIfEmpty(room);
    return 0;
  }

  /** −14008 no such lock, −14003 already held by the caller, −14007 held by another user. */
  acquireLock(port: ClientPort, channel: string, lockName: string): number {
    const lock = this.#rooms.get(channel)?.locks.get(lockName);
    if (!lock) return -14008;
    if (lock.owner === port.userId) return -14003;
    if (lock.owner !== '') return -14007;
    lock.owner = port.userId;
    this.#lockEvent(this.#room(channel), 'ACQUIRED', lockName, port.userId);
    return 0;
  }

  /** Release (owner = caller) or revoke (owner = another user): −14008 no lock, −14006 not held by `owner`. */
  releaseLock(port: ClientPort, channel: string, lockName: string, owner: string): number {
    const room = this.#rooms.get(channel);
    const lock = room?.locks.get(lockName);
    if (!room || !lock) return -14008;
    if (lock.owner !== owner || owner === '') return -14006;
    lock.owner = '';
    this.#lockEvent(room, 'RELEASED', lockName, owner);
    return 0;
  }

  #releaseLocksOf(port: ClientPort): void {
    for (const room of this.#rooms.values()) {
      for (const [lockName, lock] of room.locks) {
        if (lock.owner !== port.userId) continue;
        lock.owner = '';
        this.#lockEvent(room, 'RELEASED', lockName, port.userId);
      }
    }
  }

  #lockEvent(room: RoomType, eventType: LockEvent['eventType'], lockName: string, owner: string): void {
    const lock = room.locks.get(lockName);
    for (const subscription of room.subscribers.values()) {
      if (!subscription.withLock) continue;
      this.#send(subscription.port, 'lock', {
        channelType: 'MESSAGE',
        channelName: room.name,
        eventType,
        lockName,
        ttl: lock?.ttl ?? 0,
        publisher: '',
        snapshot: [],
        owner,
        timestamp: this.#ctx.wire.clock.now(),
      });
    }
  }

  // ---- internals -----------------------------------------------------------------------------

  #room(channel: string): RoomType {
    let room = this.#rooms.get(channel);
    if (!room) {
      room = new Room(channel);
      this.#rooms.set(channel, room);
    }
    return room;
  }

  /** Metadata is stored permanently (docs/reference/rtm2-web-sdk.md §3 Q7); a room without anything else is forgotten. */
  #dropIfEmpty(room: RoomType): void {
    if (!room.isEmpty) return;
    this.#ctx.wire.cancel(room.batch?.timer);
    this.#rooms.delete(room.name);
  }

  #send<E extends keyof ServiceEventMap>(port: ClientPort, event: E, payload: ServiceEventMap[E]): void {
    this.#ctx.wire.hop(() => {
      if (this.#sessions.get(port.userId) === port && this.#ctx.isUp(port.userId)) port.receive(event, payload);
    });
  }

  /**
   * A member joined, left, timed out or changed state. Below the Console occupancy threshold the
   * other presence subscribers get REMOTE_*; at or above it the change goes into the next INTERVAL
   * event instead (docs/reference/rtm2-web-sdk.md §2.11). Never sent to the member itself.
   */
  #presence(room: RoomType, type: Exclude<PresenceEventType, 'SNAPSHOT' | 'INTERVAL'>, userId: string): void {
    const occupancy = this.#ctx.console.presenceOccupancy;
    if (room.members.size >= occupancy || room.batch?.timer !== undefined) {
      this.#batch(room, type, userId);
      return;
    }
    const stateChanged = type === 'REMOTE_STATE_CHANGED' ? { ...room.members.get(userId)?.states } : {};
    for (const subscription of room.subscribers.values()) {
      if (!subscription.withPresence || subscription.port.userId === userId) continue;
      this.#send(subscription.port, 'presence', this.#presenceEvent(room, type, userId, stateChanged, []));
    }
  }

  #batch(room: RoomType, type: Exclude<PresenceEventType, 'SNAPSHOT' | 'INTERVAL'>, userId: string): void {
    const batch: IntervalBatch = (room.batch ??= { join: new Set(), leave: new Set(), timeout: new Set(), states: new Map() });
    if (type === 'REMOTE_JOIN') {
      batch.leave.delete(userId);
      batch.timeout.delete(userId);
      batch.join.add(userId);
    } else if (type === 'REMOTE_LEAVE' || type === 'REMOTE_TIMEOUT') {
      batch.join.delete(userId);
      batch.states.delete(userId);
      (type === 'REMOTE_LEAVE' ? batch.leave : batch.timeout).add(userId);
    } else {
      batch.states.set(userId, { ...room.members.get(userId)?.states });
    }
    if (batch.timer === undefined) this.#scheduleInterval(room);
  }

  #scheduleInterval(room: RoomType): void {
    const batch = room.batch;
    if (!batch) return;
    batch.timer = this.#ctx.wire.later(this.#ctx.console.presenceIntervalS * 1_000, () => {
      batch.timer = undefined;
      const interval = room.takeInterval();
      if (!interval) {
        // Nothing changed for a whole period: back to real-time events below the threshold.
        room.batch = undefined;
        this.#dropIfEmpty(room);
        return;
      }
      for (const subscription of room.subscribers.values()) {
        if (!subscription.withPresence) continue;
        const event = this.#presenceEvent(room, 'INTERVAL', '', {}, []);
        event.interval = interval;
        this.#send(subscription.port, 'presence', event);
      }
      if (room.subscribers.size > 0) this.#scheduleInterval(room);
      else room.batch = undefined;
    });
  }

  #presenceEvent(room: RoomType, eventType: PresenceEventType, publisher: string, stateChanged: StateDetail, snapshot: UserState[]): PresenceEvent {
    return {
      eventType,
      channelType: 'MESSAGE',
      channelName: room.name,
      publisher,
      stateChanged,
      interval: null,
      snapshot,
      timestamp: this.#ctx.wire.clock.now(),
    };
  }

  #channelStorageEvent(room: RoomType, eventType: 'SNAPSHOT' | 'UPDATE') {
    return {
      channelType: 'MESSAGE' as const,
      channelName: room.name,
      publisher: '',
      storageType: 'CHANNEL' as const,
      eventType,
      data: room.metadata.snapshot(),
      timestamp: this.#ctx.wire.clock.now(),
    };
  }

  #userStorageEvent(userId: string, eventType: 'SNAPSHOT' | 'UPDATE') {
    return {
      channelType: 'USER' as const,
      channelName: '',
      publisher: userId,
      storageType: 'USER' as const,
      eventType,
      data: this.userMetadata(userId),
      timestamp: this.#ctx.wire.clock.now(),
    };
  }
}

function copyMessage(message: string | Uint8Array): string | Uint8Array {
  return typeof message === 'string' ? message : new Uint8Array(message);
}
