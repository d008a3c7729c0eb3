import { EventEmitter } from 'eventemitter3';
import {
  invalidArgument,
  invalidStatus,
  limitExceeded,
  RtmError,
  timeoutError,
  unavailable,
} from '../rtm/rtm1/errors';
import { LOGIN_SPACING_MS, MAX_COUNT_CHANNELS, MESSAGE_RATE, SlidingWindow, TIMEOUTS } from '../rtm/rtm1/limits';
import {
  checkDestination,
  checkMessageShape,
  checkMessageSize,
  checkMessageType,
  defaultDescription,
  isEncodable,
  isPlainObject,
  isValidId,
  normalizeMessage,
  parseEndCall,
  PEER_MESSAGE_CODES,
} from '../rtm/rtm1/validation';
import type { Clock, TimerHandle } from '../rtm/clock';
import type {
  AttributesMap,
  ChannelAttributeOptions,
  ChannelAttributes,
  ChannelMemberCountResult,
  ConnectionChangeReason,
  ConnectionState,
  PeerMessageSendResult,
  PeersOnlineStatusResult,
  RtmClientEvents,
  RtmClientLike,
  RtmMessage,
} from '../rtm/types';
import { Attributes } from './attributes';
import { RTM1_TIMEOUTS, type Rtm1Operation, rtm1Timeout, rtm2Code, toRtm1Error } from './errorMap';
import { InvitationHub, type SendOutcome } from './invitations/InvitationHub';
import { Rtm2LocalInvitation } from './invitations/Rtm2LocalInvitation';
import { OnlineStatus } from './OnlineStatus';
import { Rtm2Channel } from './Rtm2Channel';
import { linkFor, type LinkOwner, type Rtm2Link } from './Rtm2Link';
import type { AdapterSession } from './session';
import type {
  Rtm2ClientLike,
  Rtm2Config,
  Rtm2LinkStateEvent,
  Rtm2MessageEvent,
  Rtm2NamespaceLike,
  Rtm2PresenceEvent,
  Rtm2StorageEvent,
} from './types';
import { CUSTOM_TYPE, decodeMessage, encodeMessage, isRtm2Id, type Rtm2Payload } from './wire';

/** What `fromRtm2(...).createInstance` gives each client. */
export interface Rtm2ClientSetup {
  namespace: Rtm2NamespaceLike;
  appId: string;
  config: Rtm2Config;
  clock: Clock;
  loginTimeoutMs: number;
  onlineStatusPollMs: number;
  endCallPrefix: string;
  rateLimits?: Readonly<Record<string, number>>;
}

const RECEIVER_OFFLINE = -11033;

/**
 * A 1.x `RtmClient` (docs/reference/rtm1-web-sdk.md §1.2) over one 2.x `RTM` instance
 * (docs/reference/rtm2-web-sdk.md §5). The 1.x state machine, checks, errors, limits and timers
 * live here; 2.x is only the transport. 2.x is lenient where 1.x errs (login while connected,
 * logout while logged out), so the 1.x errors are raised before anything reaches 2.x.
 */
export class Rtm2Client extends EventEmitter<RtmClientEvents> implements RtmClientLike, LinkOwner, AdapterSession {
  readonly clock: Clock;
  /** @internal The joined and joining channel instances, by ID (1.x allows one per ID). */
  readonly channels = new Map<string, Rtm2Channel>();
  readonly #setup: Rtm2ClientSetup;
  #state: ConnectionState = 'DISCONNECTED';
  #link: Rtm2Link | undefined;
  #uid = '';
  #everStarted = false;
  #pendingLogin: Promise<void> | undefined;
  #lastLoginAt = Number.NEGATIVE_INFINITY;
  #token: string | undefined;
  #warnedToken: string | undefined | null = null;
  #tokenForReconnect: string | undefined;
  /** 2.x ended the session for an expired token while the link was down (see `#failed`). */
  #expiredWhileReconnecting = false;
  readonly #messages: SlidingWindow;
  readonly #attributes: Attributes;
  readonly #invitations: InvitationHub;
  readonly #online: OnlineStatus;
  #reconnectWaiters = new Set<(connected: boolean) => void>();

  constructor(setup: Rtm2ClientSetup) {
    super();
    const client = this;
    this.#setup = setup;
    this.clock = setup.clock;
    this.#messages = new SlidingWindow(setup.clock, MESSAGE_RATE);
    this.#attributes = new Attributes(this);
    this.#online = new OnlineStatus(this, setup.onlineStatusPollMs, (status) =>
      this.emit('PeersOnlineStatusChanged', status),
    );
    this.#invitations = new InvitationHub({
      clock: setup.clock,
      get state() {
        return client.#state;
      },
      get everStarted() {
        return client.#everStarted;
      },
      sendEnvelope: (peerId, text) => this.#sendEnvelope(peerId, text),
      received: (invitation) => this.emit('RemoteInvitationReceived', invitation),
    });
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** Undocumented in 1.x but present: the current connection state. */
  get connectionState(): ConnectionState {
    return this.#state;
  }

  get uid(): string {
    return this.#uid;
  }

  get everStarted(): boolean {
    return this.#everStarted;
  }

  // ---- login, logout, tokens ----------------------------------------------------------------

  /**
   * docs/reference/rtm1-web-sdk.md §2.3: the 1.x checks, CONNECTING/LOGIN inside the call, CONNECTED/LOGIN_SUCCESS
   * before resolving.
   */
  async login(options: { uid: string; token?: string }): Promise<void> {
    if (!isPlainObject(options) || !isValidId(options.uid)) throw invalidArgument(3, 'not a valid user id');
    const { uid, token } = options;
    if (token !== undefined && token !== null && typeof token !== 'string') {
      throw invalidArgument(3, 'The token is not valid');
    }
    if (this.clock.now() - this.#lastLoginAt < LOGIN_SPACING_MS) {
      throw new RtmError('RtmInvokeTooOftenError', 10, 'login exceeds the limit of 2 queries per second');
    }
    if (this.#state !== 'DISCONNECTED') throw invalidStatus(8, 'The client is already logged in or logging in');
    this.#lastLoginAt = this.clock.now();
    if (!isRtm2Id(uid)) {
      throw invalidArgument(3, `"${uid}" is not a valid RTM 2.x user ID (no ".", no leading "_", no tabs)`);
    }
    this.#everStarted = true;
    this.#setState('CONNECTING', 'LOGIN');
    const pending = this.#connect(uid, token ?? undefined);
    this.#pendingLogin = pending;
    try {
      await pending;
    } finally {
      if (this.#pendingLogin === pending) this.#pendingLogin = undefined;
    }
  }

  async #connect(uid: string, token: string | undefined): Promise<void> {
    const setup = this.#setup;
    let link: Rtm2Link;
    try {
      link = linkFor(setup.namespace, setup.appId, uid, setup.config, this.clock, setup.rateLimits);
    } catch (error) {
      this.#setState('DISCONNECTED', 'LOGIN_FAILURE');
      throw toRtm1Error('login', error);
    }
    // docs/reference/rtm2-web-sdk.md §5 A1: two 1.x clients of one user share the one 2.x instance; the newer one
    // takes it over.
    const previous = link.owner;
    if (previous && previous !== this && previous instanceof Rtm2Client) previous.#displaced();
    link.owner = this;
    this.#link = link;
    this.#uid = uid;
    let timer: TimerHandle | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = this.clock.setTimeout(() => resolve('timeout'), setup.loginTimeoutMs);
    });
    // docs/reference/rtm2-web-sdk.md §5 A4: 2.x login never gives up on an unreachable network; the adapter owns
    // 1.x's 12 s.
    const loggedIn = link.rtm.login(token === undefined || token === '' ? {} : { token }).then(
      () => 'ok' as const,
      (error: unknown) => ({ error }),
    );
    const outcome = await Promise.race([loggedIn, timedOut]);
    this.clock.clearTimeout(timer);
    if (outcome === 'ok') {
      this.#token = token;
      this.#warnedToken = null;
      this.#setState('CONNECTED', 'LOGIN_SUCCESS');
      return;
    }
    this.#release();
    if (outcome === 'timeout') {
      // Ends the 2.x login loop (its login then rejects −10023, which nobody waits for).
      void link.rtm.logout().catch(() => undefined);
      this.#setState('DISCONNECTED', 'LOGIN_TIMEOUT');
      throw timeoutError(9, `Executing "RtmClient.login" timed out after ${Math.round(setup.loginTimeoutMs / 1000)}s`);
    }
    const error = toRtm1Error('login', outcome.error);
    this.#setState('DISCONNECTED', error.code === 9 ? 'LOGIN_TIMEOUT' : 'LOGIN_FAILURE');
    throw error;
  }

  /**
   * docs/reference/rtm1-web-sdk.md §2.3: waits for an in-flight login (and fails with its error); from ABORTED it is
   * local.
   */
  async logout(): Promise<void> {
    if (this.#pendingLogin) await this.#pendingLogin;
    if (this.#state === 'DISCONNECTED') {
      throw invalidStatus(102, 'Logout failure. The client has already been logged out');
    }
    const link = this.#link;
    const owner = link?.owner === this;
    this.#teardown();
    if (link && owner) {
      await this.#attributes.clearOnLogout();
      // Released first: the 2.x IDLE/LOGOUT that follows is this logout's, not news.
      this.#release();
      const loggedOut = link.rtm.logout().catch(() => undefined);
      link.gate.close(() => invalidStatus(102, 'The client is not logged in. Cannot do the operation'), loggedOut);
      await loggedOut;
    }
    this.#release();
    this.#setState('DISCONNECTED', 'LOGOUT');
  }

  async renewToken(token: string): Promise<void> {
    if (typeof token !== 'string' || token === '') throw invalidArgument(2, 'The token is not valid');
    // docs/reference/rtm1-web-sdk.md §2.3: in ABORTED, 1.x never settles the promise.
    if (this.#state === 'ABORTED') return new Promise<void>(() => undefined);
    if (this.#state === 'RECONNECTING') {
      if (this.#expiredWhileReconnecting) return this.#reloginWith(token);
      this.#tokenForReconnect = token;
      return;
    }
    if (this.#state !== 'CONNECTED') throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
    await this.call('renewToken', 'renewToken', (rtm) => rtm.renewToken(token));
    this.#token = token;
  }

  // ---- messages -------------------------------------------------------------------------------

  /**
   * docs/reference/rtm1-web-sdk.md §2.3 order: shape, RECONNECTING wait, 102, end-call format, 180/3 s, type, peer,
   * payload, size.
   */
  async sendMessageToPeer(message: RtmMessage, peerId: string): Promise<PeerMessageSendResult & { hasReSent?: boolean }> {
    const codes = PEER_MESSAGE_CODES;
    const shaped = checkMessageShape(message, codes);
    if (shaped instanceof RtmError) throw shaped;
    if (this.#state === 'RECONNECTING' && !(await this.waitWhileReconnecting())) {
      throw timeoutError(2, 'Executing "RtmClient.sendMessageToPeer" timed out while reconnecting');
    }
    if (this.#state !== 'CONNECTED') {
      throw invalidStatus(102, 'Failed to send the peer-to-peer message. The client is not logged in');
    }
    const prefix = this.#setup.endCallPrefix;
    const endCall =
      shaped.messageType === 'TEXT' && typeof shaped.text === 'string' ? parseEndCall(shaped.text, prefix) : undefined;
    if (endCall === 'invalid') throw invalidArgument(7, 'Message is not valid');
    if (!this.takeMessageSlot()) throw limitExceeded(5, 'Messages exceeded the limit of 180 per 3 seconds');
    const typeError = checkMessageType(shaped);
    if (typeError) throw typeError;
    defaultDescription(shaped);
    // Deliberately unlike 1.x, which sends an end-call message as a signal without looking at the
    // peer ID or the size (docs/reference/rtm1-web-sdk.md §4.9): the adapter publishes it to the
    // peer as text, so it needs a valid peer ID and a message 2.x accepts.
    const late = checkDestination(shaped, peerId, codes) ?? checkMessageSize(shaped, codes);
    if (late) throw late;
    if (!isEncodable(shaped)) throw unavailable(1, 'Peer-to-peer message send failure');
    if (!isRtm2Id(peerId)) throw invalidArgument(6, `"${peerId}" is not a valid RTM 2.x user ID`);
    // docs/reference/rtm1-web-sdk.md §4.9: an end-call message travels as the text 1.x receivers got: prefix,
    // channel, first info piece.
    const outgoing: RtmMessage = endCall
      ? { text: `${prefix}_${endCall.channelId}_${endCall.info}`, messageType: 'TEXT' }
      : normalizeMessage(shaped);
    const hasPeerReceived = await this.publishToUser(peerId, encodeMessage(outgoing), 'sendMessageToPeer');
    return endCall ? { hasPeerReceived, hasReSent: false } : { hasPeerReceived };
  }

  createChannel(channelId: string): Rtm2Channel {
    if (!isValidId(channelId)) throw invalidArgument(1, 'The channel ID is not valid');
    return new Rtm2Channel(this, channelId);
  }

  createLocalInvitation(calleeId: string): Rtm2LocalInvitation {
    if (!isValidId(calleeId)) throw invalidArgument(1, 'The callee ID is not valid');
    return new Rtm2LocalInvitation(this.#invitations, calleeId);
  }

  // ---- attributes -----------------------------------------------------------------------------

  setLocalUserAttributes(attributes: AttributesMap): Promise<void> {
    return this.#attributes.setUser(attributes);
  }

  addOrUpdateLocalUserAttributes(attributes: AttributesMap): Promise<void> {
    return this.#attributes.addOrUpdateUser(attributes);
  }

  deleteLocalUserAttributesByKeys(attributeKeys: string[]): Promise<void> {
    return this.#attributes.deleteUserKeys(attributeKeys);
  }

  clearLocalUserAttributes(): Promise<void> {
    return this.#attributes.clearUser();
  }

  getUserAttributes(userId: string): Promise<AttributesMap> {
    return this.#attributes.getUser(userId, (id) => this.#online.isOnline(id));
  }

  getUserAttributesByKeys(userId: string, attributeKeys: string[]): Promise<AttributesMap> {
    return this.#attributes.getUserByKeys(userId, attributeKeys, (id) => this.#online.isOnline(id));
  }

  /**
   * 2.x notifies every `withMetadata` subscriber of every write, so
   * `enableNotificationToChannelMembers: false` cannot be honoured (docs/reference/rtm2-web-sdk.md §1.8).
   */
  setChannelAttributes(channelId: string, attributes: AttributesMap, _options?: ChannelAttributeOptions): Promise<void> {
    return this.#attributes.setChannel(channelId, attributes);
  }

  addOrUpdateChannelAttributes(
    channelId: string,
    attributes: AttributesMap,
    _options?: ChannelAttributeOptions,
  ): Promise<void> {
    return this.#attributes.addOrUpdateChannel(channelId, attributes);
  }

  deleteChannelAttributesByKeys(channelId: string, keys: string[], _options?: ChannelAttributeOptions): Promise<void> {
    return this.#attributes.deleteChannelKeys(channelId, keys);
  }

  clearChannelAttributes(channelId: string, _options?: ChannelAttributeOptions): Promise<void> {
    return this.#attributes.clearChannel(channelId);
  }

  getChannelAttributes(channelId: string): Promise<ChannelAttributes> {
    return this.#attributes.getChannel(channelId);
  }

  getChannelAttributesByKeys(channelId: string, keys: string[]): Promise<ChannelAttributes> {
    return this.#attributes.getChannelByKeys(channelId, keys);
  }

  // ---- queries --------------------------------------------------------------------------------

  queryPeersOnlineStatus(peerIds: string[]): Promise<PeersOnlineStatusResult> {
    return this.#online.query(peerIds);
  }

  subscribePeersOnlineStatus(peerIds: string[]): Promise<void> {
    return this.#online.subscribe(peerIds);
  }

  unsubscribePeersOnlineStatus(peerIds: string[]): Promise<void> {
    return this.#online.unsubscribe(peerIds);
  }

  /** docs/reference/rtm1-web-sdk.md §2.3: ≤ 32 IDs; on 2.x one `getOnlineUsers` per channel (`totalOccupancy` only). */
  async getChannelMemberCount(channelIds: string[]): Promise<ChannelMemberCountResult> {
    if (this.#state !== 'CONNECTED') throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
    const bad = (): RtmError => invalidArgument(2, 'The channel IDs are not valid');
    if (!Array.isArray(channelIds) || channelIds.length === 0) throw bad();
    if (channelIds.some((id) => typeof id !== 'string')) throw bad();
    if (channelIds.length > MAX_COUNT_CHANNELS) throw invalidArgument(5, `At most ${MAX_COUNT_CHANNELS} channel IDs per call`);
    if (!channelIds.every(isValidId)) throw bad();
    const counts = await Promise.all(
      channelIds.map(async (id) => {
        if (!isRtm2Id(id)) return 0;
        const result = await this.call('whoNow', 'query', (rtm) =>
          rtm.presence.getOnlineUsers(id, 'MESSAGE', { includedUserId: false, includedState: false }),
        );
        return typeof result.totalOccupancy === 'number' ? result.totalOccupancy : 0;
      }),
    );
    return Object.fromEntries(channelIds.map((id, i) => [id, counts[i]]));
  }

  // ---- the session seam (channels, attributes, invitations) ----------------------------------

  /** @internal */
  call<T>(bucket: string, operation: Rtm1Operation, run: (rtm: Rtm2ClientLike) => Promise<T>): Promise<T> {
    const link = this.#link;
    if (!link || link.owner !== this || this.#state !== 'CONNECTED') {
      return Promise.reject(invalidStatus(102, 'The client is not logged in. Cannot do the operation'));
    }
    const answered = link.gate.run(bucket, () => run(link.rtm)).catch((error: unknown) => {
      throw toRtm1Error(operation, error);
    });
    if (operation === 'login') return answered;
    // 1.x's request timeouts: a late 2.x answer is ignored.
    return new Promise<T>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => reject(rtm1Timeout(operation)), RTM1_TIMEOUTS[operation][1] * 1_000);
      answered.then(
        (value) => {
          this.clock.clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          this.clock.clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /**
   * @internal A USER publish: `true` when delivered, `false` when 2.x says the receiver is offline
   * (docs/reference/rtm2-web-sdk.md §5 A11).
   */
  publishToUser(peerId: string, payload: Rtm2Payload, operation: Rtm1Operation): Promise<boolean> {
    const options = payload.customType
      ? { channelType: 'USER' as const, customType: payload.customType }
      : { channelType: 'USER' as const };
    return this.call('publish', operation, (rtm) =>
      rtm.publish(peerId, payload.message, options).then(
        () => true,
        (error: unknown) => {
          if (rtm2Code(error) === RECEIVER_OFFLINE) return false;
          throw error;
        },
      ),
    );
  }

  /** @internal */
  takeMessageSlot(): boolean {
    return this.#messages.tryTake();
  }

  /** @internal docs/reference/rtm1-web-sdk.md §4.4: a send made while RECONNECTING waits up to 9 s. */
  waitWhileReconnecting(): Promise<boolean> {
    if (this.#state !== 'RECONNECTING') return Promise.resolve(this.#state === 'CONNECTED');
    return new Promise<boolean>((resolve) => {
      const done = (connected: boolean): void => {
        this.clock.clearTimeout(timer);
        this.#reconnectWaiters.delete(done);
        resolve(connected);
      };
      const timer = this.clock.setTimeout(() => done(false), TIMEOUTS.reconnectWaitMs);
      this.#reconnectWaiters.add(done);
    });
  }

  async #sendEnvelope(peerId: string, text: string): Promise<SendOutcome> {
    if (this.#state !== 'CONNECTED') return 'failed';
    try {
      const delivered = await this.publishToUser(peerId, { message: text, customType: CUSTOM_TYPE.invitation }, 'query');
      return delivered ? 'delivered' : 'offline';
    } catch {
      return 'failed';
    }
  }

  // ---- 2.x events ----------------------------------------------------------------------------

  /**
   * @internal Link states → 1.x states (docs/reference/rtm2-web-sdk.md §1.9); during login and while ABORTED the
   * adapter drives.
   */
  onLinkState(event: Rtm2LinkStateEvent): void {
    if (event.serviceType === 'STREAM') return;
    const state = this.#state;
    if (state !== 'CONNECTED' && state !== 'RECONNECTING') return;
    switch (event.currentState) {
      case 'DISCONNECTED':
      case 'SUSPENDED':
      case 'CONNECTING':
        if (state === 'CONNECTED') this.#setState('RECONNECTING', 'INTERRUPTED');
        return;
      case 'CONNECTED':
        if (state === 'RECONNECTING') this.#reconnected();
        return;
      case 'FAILED':
        return this.#failed(event.reasonCode);
      case 'IDLE':
        this.#teardown();
        this.#release();
        this.#setState('DISCONNECTED', 'LOGOUT');
        return;
    }
  }

  /** @internal */
  onMessage(event: Rtm2MessageEvent): void {
    if (this.#state !== 'CONNECTED' && this.#state !== 'RECONNECTING') return;
    const publisher = event?.publisher;
    // docs/reference/rtm2-web-sdk.md §5 A13: 2.x does not drop the local user's own messages; 1.x never delivered them.
    if (typeof publisher !== 'string' || publisher === this.#uid) return;
    if (event.channelType === 'USER') {
      if (event.customType === CUSTOM_TYPE.invitation) return this.#invitations.receive(publisher, event.message);
      const message = decodeMessage(event.message, event.customType);
      if (message) this.emit('MessageFromPeer', message, publisher, { serverReceivedTs: timestampOf(event) });
      return;
    }
    if (event.channelType !== 'MESSAGE') return;
    const channel = this.channels.get(event.channelName);
    const message = decodeMessage(event.message, event.customType);
    if (channel && message) channel.receive(message, publisher, timestampOf(event));
  }

  /** @internal */
  onPresence(event: Rtm2PresenceEvent): void {
    if (event?.channelType !== 'MESSAGE') return;
    this.channels.get(event.channelName)?.presence(event);
  }

  /** @internal */
  onStorage(event: Rtm2StorageEvent): void {
    if (event?.storageType !== 'CHANNEL') return;
    this.channels.get(event.channelName)?.storage(event);
  }

  /** @internal docs/reference/rtm1-web-sdk.md §4.2: one warning per token value. */
  onTokenWillExpire(): void {
    if (this.#state !== 'CONNECTED' && this.#state !== 'RECONNECTING') return;
    if (this.#warnedToken === this.#token) return;
    this.#warnedToken = this.#token;
    this.emit('TokenPrivilegeWillExpire');
  }

  // ---- internals ------------------------------------------------------------------------------

  #reconnected(): void {
    if (this.#state !== 'RECONNECTING') return;
    this.#expiredWhileReconnecting = false;
    this.#setState('CONNECTED', 'LOGIN_SUCCESS');
    for (const waiter of [...this.#reconnectWaiters]) waiter(true);
    const token = this.#tokenForReconnect;
    this.#tokenForReconnect = undefined;
    if (token !== undefined) void this.renewToken(token).catch(() => undefined);
    this.#online.refresh();
  }

  #failed(reasonCode: string): void {
    // docs/reference/rtm1-web-sdk.md §4.2: a token that expires while RECONNECTING gives only
    // TokenExpired, and the reconnection waits for renewToken; 2.x ends the session (FAILED), so
    // renewToken logs in again with the new token (docs/reference/rtm2-web-sdk.md §2.4).
    if (reasonCode === 'TOKEN_EXPIRED' && this.#state === 'RECONNECTING') {
      this.#expiredWhileReconnecting = true;
      this.emit('TokenExpired');
      return;
    }
    const reason: ConnectionChangeReason =
      reasonCode === 'SAME_UID_LOGIN'
        ? 'REMOTE_LOGIN'
        : reasonCode === 'TOKEN_EXPIRED'
          ? 'TOKEN_EXPIRED'
          : reasonCode === 'KICKED_OUT_BY_SERVER'
            ? 'BANNED_BY_SERVER'
            : 'INTERRUPTED';
    this.#abort(reason);
    if (reason === 'TOKEN_EXPIRED') this.emit('TokenExpired');
  }

  /** 1.x's renewToken resolves before the service confirms; the re-login's outcome shows in the state. */
  #reloginWith(token: string): void {
    const link = this.#link;
    if (!link) return;
    this.#expiredWhileReconnecting = false;
    this.#token = token;
    link.rtm.login({ token }).then(
      () => this.#reconnected(),
      () => {
        if (this.#state === 'RECONNECTING' && this.#link === link) this.#abort('TOKEN_EXPIRED');
      },
    );
  }

  /** Another 1.x client logged in as this user on the same 2.x instance: 1.x's REMOTE_LOGIN. */
  #displaced(): void {
    const link = this.#link;
    for (const channel of [...this.channels.values()]) {
      void link?.rtm.unsubscribe(channel.channelId).catch(() => undefined);
    }
    this.#link = undefined;
    this.#abort('REMOTE_LOGIN');
  }

  #abort(reason: ConnectionChangeReason): void {
    this.#teardown();
    this.#setState('ABORTED', reason);
  }

  /** Channels left silently, calls and subscriptions ended, waits released: nothing outlives the session. */
  #teardown(): void {
    for (const channel of [...this.channels.values()]) channel.reset();
    this.channels.clear();
    this.#invitations.close();
    this.#online.close();
    for (const waiter of [...this.#reconnectWaiters]) waiter(false);
    this.#tokenForReconnect = undefined;
  }

  #release(): void {
    if (this.#link?.owner === this) this.#link.owner = undefined;
    this.#link = undefined;
  }

  #setState(state: ConnectionState, reason: ConnectionChangeReason): void {
    this.#state = state;
    this.emit('ConnectionStateChanged', state, reason);
  }
}

function timestampOf(event: { timestamp?: unknown }): number {
  return typeof event.timestamp === 'number' ? event.timestamp : 0;
}
