import { SdkEmitter } from '../shared/SdkEmitter';
import type { RtmChannelEvents, RtmChannelLike, RtmMessage } from '../../rtm/types';
import type { ChannelEndpoint, JoinState } from './ChannelInstances';
import type { ClientCore } from './ClientCore';
import { invalidStatus, limitExceeded, RtmError, timeoutError, unknownError } from '../../rtm/rtm1/errors';
import { notLoggedIn } from '../rules/errors';
import { MAX_CHANNELS, TIMEOUTS } from '../../rtm/rtm1/limits';
import { MemberCountThrottle } from './MemberCountThrottle';
import { connectionCheck } from './outgoingMessages';
import {
  CHANNEL_MESSAGE_CODES,
  checkDestination,
  checkMessageShape,
  checkMessageSize,
  checkMessageType,
  defaultDescription,
  normalizeMessage,
} from '../../rtm/rtm1/validation';

/** The SDK's channel texts: 102 of join/leave/getMembers, and 5 of sendMessage/getMembers. */
const CHANNEL_NOT_LOGGED_IN = 'The client is not logged in. Cannot do the operation';
const NOT_JOINED = 'The channel does not join. Cannot do the operation';

/**
 * One `RtmChannel` instance (docs/reference/rtm1-web-sdk.md §1.3, §2.3, §4.5, §4.11). `createChannel` makes a
 * new one on every call; only one instance per channel ID may be joined or joining at a time.
 */
export class FakeChannel extends SdkEmitter<RtmChannelEvents> implements RtmChannelLike {
  readonly channelId: string;
  readonly #core: ClientCore;
  /** Holds the join state itself, a plain field the client's routing reads once per pushed message. */
  readonly #endpoint: ChannelEndpoint & { joinState: JoinState };
  readonly #memberCount: MemberCountThrottle;
  #joining: Promise<void> | undefined;

  /** @internal Created by `FakeClient.createChannel`. */
  constructor(core: ClientCore, channelId: string) {
    super();
    this.#core = core;
    this.channelId = channelId;
    this.#memberCount = new MemberCountThrottle(core.net, (count) => this.emit('MemberCountUpdated', count));
    this.#endpoint = {
      channelId,
      joinState: 'LEFT',
      receiveMessage: (message, from, props) => this.emit('ChannelMessage', message, from, props),
      receiveMemberNotice: (notice) => {
        try {
          // docs/reference/rtm1-web-sdk.md §4.11: a notice about the local user updates the count but never emits Joined/Left.
          if (notice.announce && notice.uid !== core.uid) {
            if (notice.kind === 'joined') this.emit('MemberJoined', notice.uid);
            else this.emit('MemberLeft', notice.uid);
          }
        } finally {
          this.#memberCount.update(notice.count);
        }
      },
      receiveAttributes: (attributes) => this.emit('AttributesUpdated', attributes),
      receiveMemberCount: (count) => this.#memberCount.update(count),
      dropMembership: () => this.#dropMembership(),
    };
  }

  /** Undocumented in the SDK: `"LEFT"`, `"JOINING"` or `"JOINED"`. */
  get joinState(): JoinState {
    return this.#endpoint.joinState;
  }

  /** Undocumented in the SDK: the latest member count received (0 when not joined). */
  get memberCount(): number {
    return this.#memberCount.count;
  }

  join(): Promise<void> {
    this.#core.ledger.count('channel.join');
    return this.#join();
  }

  leave(): Promise<void> {
    this.#core.ledger.count('channel.leave');
    return this.#leave();
  }

  sendMessage(message: RtmMessage): Promise<void> {
    this.#core.ledger.count('channel.sendMessage');
    return this.#sendMessage(message);
  }

  getMembers(): Promise<string[]> {
    this.#core.ledger.count('channel.getMembers');
    return this.#getMembers();
  }

  async #join(): Promise<void> {
    const core = this.#core;
    if (!core.everLoggedIn) throw notLoggedIn(CHANNEL_NOT_LOGGED_IN);
    if (this.#endpoint.joinState !== 'LEFT') {
      // @note compat: a second join() while the first is pending also resets joinState to LEFT (docs/reference/rtm1-web-sdk.md §2.3, V).
      if (this.#endpoint.joinState === 'JOINING') this.#endpoint.joinState = 'LEFT';
      throw invalidStatus(6, 'The channel has joined. Cannot rejoin');
    }
    if (core.channels.isUsed(this.channelId)) {
      throw invalidStatus(202, 'A channel of the same channel ID has already joined. Cannot rejoin');
    }
    if (core.channels.usedCount >= MAX_CHANNELS) {
      throw limitExceeded(5, `The joined channels has exceeded the limit of ${MAX_CHANNELS}`);
    }
    // @note compat: the ID is recorded before the join is sent, and a failed join (including
    // this 102) leaves it recorded (see ChannelInstances).
    core.channels.recordId(this.channelId);
    if (core.state !== 'CONNECTED') throw invalidStatus(102, 'Client is not logged in. Cannot join the channel');
    this.#endpoint.joinState = 'JOINING';
    core.channels.add(this.#endpoint);
    const joining = core.request({
      timeoutMs: TIMEOUTS.joinMs,
      timeout: () => timeoutError(4, 'Executing "RtmChannel.join" timed out after 10s'),
      fault: core.ledger.takeFault('channel.join'),
      serve: (server, port) => server.join(port, this.channelId),
      arrive: () => {
        if (core.channels.has(this.#endpoint)) this.#endpoint.joinState = 'JOINED';
      },
    });
    this.#joining = joining.catch(() => undefined);
    try {
      await joining;
    } catch (error) {
      // Read through the getter: the join may have completed while this call awaited.
      if (this.joinState !== 'JOINED') this.#dropMembership(false);
      throw error;
    }
  }

  /** docs/reference/rtm1-web-sdk.md §2.3: resolves without waiting for the server; waits for a pending join first. */
  async #leave(): Promise<void> {
    const core = this.#core;
    if (!core.everLoggedIn) throw notLoggedIn(CHANNEL_NOT_LOGGED_IN);
    // @note compat: after a logout this is 3, not 102: the SDK's session object survives (docs/reference/rtm1-web-sdk.md §2.3).
    if (this.#endpoint.joinState === 'LEFT') throw invalidStatus(3, 'The channel does not join. Cannot do the operation');
    const fault = core.ledger.takeFault('channel.leave');
    if (fault) throw fault;
    if (this.#endpoint.joinState === 'JOINING') await this.#joining;
    if (!core.channels.has(this.#endpoint)) return;
    this.#dropMembership();
    if (core.state !== 'ABORTED') core.fireAndForget((server, port) => server.leave(port, this.channelId));
  }

  async #sendMessage(message: unknown): Promise<void> {
    const core = this.#core;
    const codes = CHANNEL_MESSAGE_CODES;
    const shaped = checkMessageShape(message, codes);
    if (shaped instanceof RtmError) throw shaped;
    if (core.state === 'CONNECTED' && this.#endpoint.joinState !== 'JOINED') {
      throw invalidStatus(5, NOT_JOINED);
    }
    const reconnecting = connectionCheck(core, 'The client is not logged in. Cannot do the operation.');
    if (reconnecting) await reconnecting;
    if (!core.takeMessageSlot()) throw limitExceeded(3, 'Message sent failed, exceeded the 180 message in 3 seconds');
    const typeError = checkMessageType(shaped);
    if (typeError) throw typeError;
    defaultDescription(shaped);
    const late = checkDestination(shaped, this.channelId, codes) ?? checkMessageSize(shaped, codes);
    if (late) throw late;
    // A TEXT message whose text is no string fails on encoding: the generic channel send failure.
    if (typeof shaped.text !== 'string' && shaped.messageType === 'TEXT') {
      throw unknownError(1, 'The channel message send failure');
    }
    const outgoing = normalizeMessage(shaped);
    await core.request({
      timeoutMs: TIMEOUTS.messageMs,
      timeout: () => timeoutError(2, 'Executing "RtmChannel.sendMessage" timed out after 10s'),
      fault: core.ledger.takeFault('channel.sendMessage'),
      answerAfterPushes: true,
      serve: (server, port) => server.sendChannelMessage(port, this.channelId, outgoing),
    });
  }

  async #getMembers(): Promise<string[]> {
    const core = this.#core;
    if (core.state !== 'CONNECTED') throw notLoggedIn(CHANNEL_NOT_LOGGED_IN);
    if (this.#endpoint.joinState !== 'JOINED') throw invalidStatus(5, NOT_JOINED);
    return core.request({
      timeoutMs: TIMEOUTS.queryMs,
      // @note compat: code 4, the member-count timeout code the SDK reuses here (docs/reference/rtm1-web-sdk.md §2.3).
      timeout: () => timeoutError(4, 'Executing "RtmChannel.getMembers" timed out after 10s'),
      fault: core.ledger.takeFault('channel.getMembers'),
      serve: (server) => server.members(this.channelId),
    });
  }

  /** Leaves locally; `freeId` false after a failed join, whose ID stays recorded (SDK quirk). */
  #dropMembership(freeId = true): void {
    this.#endpoint.joinState = 'LEFT';
    this.#core.channels.remove(this.#endpoint, freeId);
    this.#memberCount.reset();
  }
}
