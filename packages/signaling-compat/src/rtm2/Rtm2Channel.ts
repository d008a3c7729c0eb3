import { EventEmitter } from 'eventemitter3';
import { invalidArgument, invalidStatus, limitExceeded, RtmError, timeoutError, unknownError } from '../rtm/rtm1/errors';
import { MAX_CHANNELS, MEMBERS_PAGE_SIZE } from '../rtm/rtm1/limits';
import {
  CHANNEL_MESSAGE_CODES,
  checkDestination,
  checkMessageShape,
  checkMessageSize,
  checkMessageType,
  defaultDescription,
  isEncodable,
  normalizeMessage,
} from '../rtm/rtm1/validation';
import type { ChannelAttributes, RtmChannelEvents, RtmChannelLike, RtmMessage } from '../rtm/types';
import { toChannelAttributes } from './attributes';
import { MemberCount } from './MemberCount';
import type { AdapterSession } from './session';
import type { Rtm2PresenceEvent, Rtm2StorageEvent } from './types';
import { encodeMessage, isRtm2Id } from './wire';

type JoinState = 'LEFT' | 'JOINING' | 'JOINED';

/** What a channel needs from its client beyond the session: the per-client channel registry and the send budget. */
export interface ChannelHost extends AdapterSession {
  readonly channels: Map<string, Rtm2Channel>;
  takeMessageSlot(): boolean;
  /**
   * docs/reference/rtm1-web-sdk.md §4.4: while RECONNECTING a send waits up to 9 s; `false` when the connection did
   * not come back.
   */
  waitWhileReconnecting(): Promise<boolean>;
}

/**
 * A 1.x `RtmChannel` over 2.x pub/sub (docs/reference/rtm2-web-sdk.md §2.10, §2.11): `join()` is
 * one `subscribe` with messages, presence and metadata; members come from presence events (the
 * first SNAPSHOT primes the set silently, as 1.x gave no list on join); attributes come from
 * `storage` events (the first SNAPSHOT swallowed, as 1.x emitted nothing on join). The 1.x rules
 * stay: joined to send, 20 channels, one joined instance per ID.
 */
export class Rtm2Channel extends EventEmitter<RtmChannelEvents> implements RtmChannelLike {
  readonly channelId: string;
  readonly #host: ChannelHost;
  #state: JoinState = 'LEFT';
  #joining: Promise<void> | undefined;
  #members = new Set<string>();
  #presencePrimed = false;
  #storagePrimed = false;
  readonly #count: MemberCount;

  constructor(host: ChannelHost, channelId: string) {
    super();
    this.#host = host;
    this.channelId = channelId;
    this.#count = new MemberCount(host.clock, (count) => this.emit('MemberCountUpdated', count));
  }

  async join(): Promise<void> {
    const host = this.#host;
    if (!host.everStarted) throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
    if (this.#state !== 'LEFT') throw invalidStatus(6, 'The channel is joining or joined');
    const holder = host.channels.get(this.channelId);
    if (holder && holder !== this) throw invalidStatus(202, 'Another instance of this channel is joined or joining');
    if (host.channels.size >= MAX_CHANNELS) {
      throw limitExceeded(5, `The number of joined channels exceeds the limit of ${MAX_CHANNELS}`);
    }
    if (host.state !== 'CONNECTED') throw invalidStatus(102, 'Client is not logged in. Cannot join the channel');
    if (!isRtm2Id(this.channelId)) {
      throw invalidArgument(3, `"${this.channelId}" is not a valid RTM 2.x channel name (no ".", no leading "_")`);
    }
    this.#state = 'JOINING';
    host.channels.set(this.channelId, this);
    const subscribed = host.call('subscribe', 'channel.join', (rtm) =>
      // docs/reference/rtm2-web-sdk.md §5 A17: explicit options; metadata for AttributesUpdated, presence for members.
      rtm.subscribe(this.channelId, {
        withMessage: true,
        withPresence: true,
        withMetadata: true,
        withLock: false,
        beQuiet: false,
      }),
    );
    this.#joining = subscribed.then(
      () => undefined,
      () => undefined,
    );
    try {
      await subscribed;
    } catch (error) {
      if (this.#state === 'JOINING') this.reset();
      throw error;
    }
    if (this.#state !== 'JOINING') return;
    this.#state = 'JOINED';
    this.#joining = undefined;
    if (this.#presencePrimed) this.#count.update(this.#members.size + 1);
  }

  async leave(): Promise<void> {
    const host = this.#host;
    if (!host.everStarted) throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
    if (this.#state === 'LEFT') throw invalidStatus(3, 'The channel does not join. Cannot do the operation');
    if (this.#joining) {
      await this.#joining;
      if (this.#host.channels.get(this.channelId) !== this) return;
    }
    this.reset();
    // docs/reference/rtm2-web-sdk.md §2.1: unsubscribe resolves without waiting for the server, and is not rate-limited.
    void host.call('unsubscribe', 'channel.join', (rtm) => rtm.unsubscribe(this.channelId)).catch(() => undefined);
  }

  async sendMessage(message: RtmMessage): Promise<void> {
    const host = this.#host;
    const codes = CHANNEL_MESSAGE_CODES;
    const shaped = checkMessageShape(message, codes);
    if (shaped instanceof RtmError) throw shaped;
    if (host.state === 'CONNECTED' && this.#state !== 'JOINED') {
      throw invalidStatus(5, 'The channel is not joined. Cannot send the channel message');
    }
    if (host.state === 'RECONNECTING' && !(await host.waitWhileReconnecting())) {
      throw timeoutError(2, 'Executing "RtmClient.sendMessageToPeer" timed out while reconnecting');
    }
    if (host.state !== 'CONNECTED') throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
    if (!host.takeMessageSlot()) throw limitExceeded(3, 'Messages exceeded the limit of 180 per 3 seconds');
    const typeError = checkMessageType(shaped);
    if (typeError) throw typeError;
    defaultDescription(shaped);
    const late = checkDestination(shaped, this.channelId, codes) ?? checkMessageSize(shaped, codes);
    if (late) throw late;
    if (!isEncodable(shaped)) throw unknownError(1, 'Channel message send failure');
    const { message: body, customType } = encodeMessage(normalizeMessage(shaped));
    await host.call('publish', 'channel.sendMessage', (rtm) =>
      rtm.publish(this.channelId, body, customType ? { channelType: 'MESSAGE', customType } : { channelType: 'MESSAGE' }),
    );
  }

  /**
   * docs/reference/rtm1-web-sdk.md §1.3: page 0 of the members (200 at most), the caller included; needs this
   * instance joined.
   */
  async getMembers(): Promise<string[]> {
    const host = this.#host;
    if (host.state !== 'CONNECTED') throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
    if (this.#state !== 'JOINED') throw invalidStatus(5, 'The channel is not joined. Cannot get the members');
    const members: string[] = [];
    let page = '';
    do {
      const current = page;
      const result = await host.call('whoNow', 'channel.getMembers', (rtm) =>
        rtm.presence.getOnlineUsers(this.channelId, 'MESSAGE', {
          includedUserId: true,
          includedState: false,
          ...(current ? { page: current } : {}),
        }),
      );
      for (const occupant of result.occupants ?? []) {
        if (typeof occupant?.userId === 'string') members.push(occupant.userId);
      }
      page = typeof result.nextPage === 'string' ? result.nextPage : '';
    } while (page && members.length < MEMBERS_PAGE_SIZE);
    return members.slice(0, MEMBERS_PAGE_SIZE);
  }

  /** @internal A channel message from another member. */
  receive(message: RtmMessage, publisher: string, serverReceivedTs: number): void {
    // 1.x emits a message that comes while join() is still settling (the core holds it until its join sequence).
    if (this.#state !== 'LEFT') this.emit('ChannelMessage', message, publisher, { serverReceivedTs });
  }

  /** @internal docs/reference/rtm2-web-sdk.md §2.11 presence → MemberJoined/MemberLeft, diffing every snapshot after the first. */
  presence(event: Rtm2PresenceEvent): void {
    if (this.#state === 'LEFT') return;
    const self = this.#host.uid;
    const join = (id: unknown): void => {
      if (typeof id !== 'string' || id === self || this.#members.has(id)) return;
      this.#members.add(id);
      this.emit('MemberJoined', id);
    };
    const leave = (id: unknown): void => {
      if (typeof id !== 'string' || !this.#members.delete(id)) return;
      this.emit('MemberLeft', id);
    };
    switch (event.eventType) {
      case 'SNAPSHOT': {
        const ids = new Set(
          (Array.isArray(event.snapshot) ? event.snapshot : [])
            .map((state) => state?.userId)
            .filter((id): id is string => typeof id === 'string' && id !== self),
        );
        if (!this.#presencePrimed) {
          this.#presencePrimed = true;
          this.#members = ids;
        } else {
          for (const id of [...this.#members]) if (!ids.has(id)) leave(id);
          for (const id of ids) join(id);
        }
        break;
      }
      case 'REMOTE_JOIN':
        join(event.publisher);
        break;
      case 'REMOTE_LEAVE':
      case 'REMOTE_TIMEOUT':
        leave(event.publisher);
        break;
      case 'INTERVAL': {
        // Above the Console threshold joins and leaves come in batches (docs/reference/rtm2-web-sdk.md §2.11).
        const interval = event.interval;
        const users = (list: unknown): unknown[] =>
          Array.isArray((list as { users?: unknown })?.users) ? (list as { users: unknown[] }).users : [];
        for (const id of users(interval?.join)) join(id);
        for (const id of users(interval?.leave)) leave(id);
        for (const id of users(interval?.timeout)) leave(id);
        break;
      }
      default:
        return;
    }
    if (this.#state === 'JOINED' && this.#presencePrimed) this.#count.update(this.#members.size + 1);
  }

  /** @internal docs/reference/rtm2-web-sdk.md §1.8 storage: the full map after every change; the first snapshot is the state at join. */
  storage(event: Rtm2StorageEvent): void {
    if (this.#state === 'LEFT') return;
    const first = !this.#storagePrimed;
    this.#storagePrimed = true;
    if (first && event.eventType === 'SNAPSHOT') return;
    if (this.#state !== 'JOINED') return;
    const attributes: ChannelAttributes = toChannelAttributes(event.data?.metadata);
    this.emit('AttributesUpdated', attributes);
  }

  /** @internal Left without a word (logout, kick, leave). */
  reset(): void {
    if (this.#host.channels.get(this.channelId) === this) this.#host.channels.delete(this.channelId);
    this.#state = 'LEFT';
    this.#joining = undefined;
    this.#members = new Set();
    this.#presencePrimed = false;
    this.#storagePrimed = false;
    this.#count.stop();
  }
}
