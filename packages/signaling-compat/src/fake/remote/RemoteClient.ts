import { EventEmitter } from 'eventemitter3';
import type { FakeClient } from '../client/FakeClient';
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
  RtmConfigLike,
  RtmMessage,
} from '../../rtm/types';
import { RemoteChannel } from './RemoteChannel';
import type { RemoteContext } from './RemoteContext';
import { RemoteInvitation } from './RemoteInvitation';
import { RemoteLocalInvitation } from './RemoteLocalInvitation';
import type { RemoteTarget } from './RemoteTarget';
import { decodeValue, type ObjectState, type WireRemoteInvitation } from './wire';

/**
 * An `RtmClient` whose real counterpart is a FakeClient in the fake RTM server. Calls and
 * property reads behave as on FakeRtm; events and answers arrive one socket hop later.
 */
export class RemoteClient extends EventEmitter<RtmClientEvents> implements RtmClientLike, RemoteTarget {
  readonly handle: string;
  readonly underWay = false;
  readonly #context: RemoteContext;
  readonly #appId: string;
  #state: ConnectionState = 'DISCONNECTED';
  #probe: FakeClient | undefined;
  readonly #channels = new Set<RemoteChannel>();

  /** @internal Created by `connectFakeRtm(…).createInstance`. */
  constructor(context: RemoteContext, appId: string, config: RtmConfigLike | undefined) {
    super();
    this.#context = context;
    this.#appId = appId;
    this.handle = context.handle('c');
    context.register(this);
    context.declare('client', this.handle, undefined, config === undefined ? [appId] : [appId, config], true);
  }

  /** Undocumented in the SDK: the current connection state, already updated when listeners run. */
  get connectionState(): ConnectionState {
    return this.#state;
  }

  applyState(state: ObjectState): void {
    if (typeof state.connectionState === 'string') this.#state = state.connectionState as ConnectionState;
  }

  receive(event: string, args: unknown[], state: ObjectState | undefined): void {
    if (event === 'ConnectionStateChanged') {
      const [next, reason] = args as [ConnectionState, ConnectionChangeReason];
      // A drop the link already reported as RECONNECTING comes back from the server once more.
      if (next === this.#state && next === 'RECONNECTING') return;
      this.#state = next;
      this.emit('ConnectionStateChanged', next, reason);
      return;
    }
    if (state) this.applyState(state);
    if (event === 'RemoteInvitationReceived') {
      const wire = args[0] as WireRemoteInvitation;
      this.emit('RemoteInvitationReceived', new RemoteInvitation(this.#context, wire.$invitation, wire.state));
      return;
    }
    const decoded = args.map(decodeValue) as never[];
    (this.emit as (event: string, ...rest: unknown[]) => boolean)(event, ...decoded);
  }

  /** The link dropped: the SDK's view of a lost transport (docs/reference/rtm1-web-sdk.md §4.1), until the server is back. */
  linkDropped(): void {
    if (this.#state !== 'CONNECTED') return;
    this.#state = 'RECONNECTING';
    this.emit('ConnectionStateChanged', 'RECONNECTING', 'INTERRUPTED');
  }

  /** The server's session is gone: a logged-in client is aborted, its channels left. */
  sessionLost(): void {
    for (const channel of this.#channels) channel.sessionLost();
    if (this.#state === 'DISCONNECTED' || this.#state === 'ABORTED') return;
    this.#state = 'ABORTED';
    this.emit('ConnectionStateChanged', 'ABORTED', 'INTERRUPTED');
  }

  /** True when the server has nothing to tell this client that the app waits for. */
  get idle(): boolean {
    return this.#state === 'DISCONNECTED' || this.#state === 'ABORTED';
  }

  login(options: { uid: string; token?: string }): Promise<void> {
    return this.#call('login', [options]);
  }

  logout(): Promise<void> {
    return this.#call('logout', []);
  }

  renewToken(token: string): Promise<void> {
    return this.#call('renewToken', [token]);
  }

  sendMessageToPeer(message: RtmMessage, peerId: string): Promise<PeerMessageSendResult> {
    return this.#context.call(this, 'sendMessageToPeer', [message, peerId], message);
  }

  /** A new instance on every call; a bad ID throws RtmInvalidArgumentError 1 at once, as on FakeRtm. */
  createChannel(channelId: string): RemoteChannel {
    const handle = this.#context.handle('h');
    try {
      this.#probeClient().createChannel(channelId);
    } catch (error) {
      this.#context.declare('channel', handle, this.handle, [channelId], false);
      throw error;
    }
    const channel = new RemoteChannel(this.#context, handle, this.handle, channelId);
    this.#channels.add(channel);
    return channel;
  }

  /** Does not need a login; a bad callee ID throws RtmInvalidArgumentError 1 at once. */
  createLocalInvitation(calleeId: string): RemoteLocalInvitation {
    const handle = this.#context.handle('l');
    try {
      this.#probeClient().createLocalInvitation(calleeId);
    } catch (error) {
      this.#context.declare('invitation', handle, this.handle, [calleeId], false);
      throw error;
    }
    return new RemoteLocalInvitation(this.#context, handle, this.handle, calleeId, this.#probeClient());
  }

  /** docs/reference/rtm1-web-sdk.md §1.2: returns its argument unchanged. */
  createMessage<T extends RtmMessage>(message: T): T {
    return message;
  }

  setLocalUserAttributes(map: AttributesMap): Promise<void> {
    return this.#call('setLocalUserAttributes', [map]);
  }

  addOrUpdateLocalUserAttributes(map: AttributesMap): Promise<void> {
    return this.#call('addOrUpdateLocalUserAttributes', [map]);
  }

  deleteLocalUserAttributesByKeys(attributeKeys: string[]): Promise<void> {
    return this.#call('deleteLocalUserAttributesByKeys', [attributeKeys]);
  }

  clearLocalUserAttributes(): Promise<void> {
    return this.#call('clearLocalUserAttributes', []);
  }

  getUserAttributes(userId: string): Promise<AttributesMap> {
    return this.#call('getUserAttributes', [userId]);
  }

  getUserAttributesByKeys(userId: string, attributeKeys: string[]): Promise<AttributesMap> {
    return this.#call('getUserAttributesByKeys', [userId, attributeKeys]);
  }

  setChannelAttributes(channelId: string, map: AttributesMap, options?: ChannelAttributeOptions): Promise<void> {
    return this.#call('setChannelAttributes', [channelId, map, options]);
  }

  addOrUpdateChannelAttributes(channelId: string, map: AttributesMap, options?: ChannelAttributeOptions): Promise<void> {
    return this.#call('addOrUpdateChannelAttributes', [channelId, map, options]);
  }

  deleteChannelAttributesByKeys(
    channelId: string,
    attributeKeys: string[],
    options?: ChannelAttributeOptions,
  ): Promise<void> {
    return this.#call('deleteChannelAttributesByKeys', [channelId, attributeKeys, options]);
  }

  clearChannelAttributes(channelId: string, options?: ChannelAttributeOptions): Promise<void> {
    return this.#call('clearChannelAttributes', [channelId, options]);
  }

  getChannelAttributes(channelId: string): Promise<ChannelAttributes> {
    return this.#call('getChannelAttributes', [channelId]);
  }

  getChannelAttributesByKeys(channelId: string, keys: string[]): Promise<ChannelAttributes> {
    return this.#call('getChannelAttributesByKeys', [channelId, keys]);
  }

  queryPeersOnlineStatus(peerIds: string[]): Promise<PeersOnlineStatusResult> {
    return this.#call('queryPeersOnlineStatus', [peerIds]);
  }

  subscribePeersOnlineStatus(peerIds: string[]): Promise<void> {
    return this.#call('subscribePeersOnlineStatus', [peerIds]);
  }

  unsubscribePeersOnlineStatus(peerIds: string[]): Promise<void> {
    return this.#call('unsubscribePeersOnlineStatus', [peerIds]);
  }

  queryPeersBySubscriptionOption(option: 'ONLINE_STATUS'): Promise<string[]> {
    return this.#call('queryPeersBySubscriptionOption', [option]);
  }

  getChannelMemberCount(channelIds: string[]): Promise<ChannelMemberCountResult> {
    return this.#call('getChannelMemberCount', [channelIds]);
  }

  #call<T>(method: string, args: unknown[]): Promise<T> {
    return this.#context.call(this, method, args);
  }

  /** A never-logged-in client of the local probe fake, for the creators' argument checks. */
  #probeClient(): FakeClient {
    this.#probe ??= this.#context.probe.createInstance(this.#appId);
    return this.#probe;
  }
}
