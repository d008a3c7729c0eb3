import { SdkEmitter } from '../shared/SdkEmitter';
import type {
  AttributesMap,
  ChannelAttributeOptions,
  ChannelAttributes,
  ChannelMemberCountResult,
  ConnectionState,
  RtmConfigLike,
  PeersOnlineStatusResult,
  RtmClientEvents,
  RtmClientLike,
  RtmMessage,
  RtmMethodName,
} from '../../rtm/types';
import * as attributes from './attributeCalls';
import type { CallLedger } from '../server/CallLedger';
import { ClientCore } from './ClientCore';
import { invalidArgument } from '../../rtm/rtm1/errors';
import { FakeChannel } from './FakeChannel';
import { FakeLocalInvitation } from './FakeLocalInvitation';
import type { FakeServer } from '../server/FakeServer';
import type { InvitationTiming } from '../../rtm/rtm1/limits';
import type { Network } from '../server/Network';
import { type PeerMessageResult, sendMessageToPeer } from './peerMessageCall';
import * as presence from './presenceCalls';
import { isValidId } from '../../rtm/rtm1/validation';

/** @internal What `FakeRtm.createInstance` hands a new client. */
export interface FakeClientSetup {
  appId: string;
  server: FakeServer;
  net: Network;
  ledger: CallLedger;
  timing: InvitationTiming;
  endCallPrefix: string;
  config: RtmConfigLike;
}

/**
 * An in-memory `RtmClient` of agora-rtm-sdk 1.6.0 (docs/reference/rtm1-web-sdk.md §1.2). Every method keeps the
 * SDK's sync/async split: creators throw, everything returning a promise rejects.
 */
export class FakeClient extends SdkEmitter<RtmClientEvents> implements RtmClientLike {
  readonly #core: ClientCore;
  readonly #ledger: CallLedger;
  readonly #config: Record<string, unknown>;

  /** @internal Created by `FakeRtm.createInstance`. */
  constructor(setup: FakeClientSetup) {
    super();
    this.#ledger = setup.ledger;
    this.#config = { ...setup.config };
    // docs/reference/rtm1-web-sdk.md §1.2: the SDK raises a client's listener limit to 512.
    this.setMaxListeners(512);
    // The emitter's typed emit cannot take the event map's argument tuples generically.
    const emit = this.emit.bind(this) as (event: keyof RtmClientEvents, ...args: unknown[]) => void;
    this.#core = new ClientCore({ ...setup, emit: (event, ...args) => emit(event, ...args) });
  }

  /**
   * Undocumented in the SDK (and `setParameters`, its deprecated name): copies every non-null
   * entry of `config` into the client's config, with no key check. The fake has no logging,
   * upload or proxy, so the values change nothing else.
   */
  updateConfig(config: RtmConfigLike): void {
    for (const [key, value] of Object.entries(config)) if (value != null) this.#config[key] = value;
  }

  setParameters(config: RtmConfigLike): void {
    this.updateConfig(config);
  }

  /** Undocumented in the SDK: the current connection state, already updated when listeners run. */
  get connectionState(): ConnectionState {
    return this.#core.state;
  }

  /** docs/reference/rtm1-web-sdk.md §2.3/§4.1: CONNECTING/LOGIN synchronously, CONNECTED/LOGIN_SUCCESS before resolving. */
  login(options: { uid: string; token?: string }): Promise<void> {
    return this.#call('login', () => this.#core.login(options));
  }

  logout(): Promise<void> {
    return this.#call('logout', () => this.#core.logout());
  }

  renewToken(token: string): Promise<void> {
    return this.#call('renewToken', () => this.#core.renewToken(token));
  }

  sendMessageToPeer(message: RtmMessage, peerId: string): Promise<PeerMessageResult> {
    return this.#call('sendMessageToPeer', () => sendMessageToPeer(this.#core, message, peerId));
  }

  /** A new instance on every call, even for the same ID; throws RtmInvalidArgumentError 1 for a bad ID. */
  createChannel(channelId: string): FakeChannel {
    this.#ledger.count('createChannel');
    if (!isValidId(channelId)) throw invalidArgument(1, 'The channelId in the arguments is invalid');
    this.#throwFault('createChannel');
    return new FakeChannel(this.#core, channelId);
  }

  /** Does not need a login; throws RtmInvalidArgumentError 1 for a bad callee ID. */
  createLocalInvitation(calleeId: string): FakeLocalInvitation {
    this.#ledger.count('createLocalInvitation');
    if (!isValidId(calleeId)) throw invalidArgument(1, 'The calleeId in the arguments is invalid');
    this.#throwFault('createLocalInvitation');
    return new FakeLocalInvitation(this.#core, calleeId);
  }

  /** docs/reference/rtm1-web-sdk.md §1.2: returns its argument unchanged. */
  createMessage<T extends RtmMessage>(message: T): T {
    return message;
  }

  setLocalUserAttributes(map: AttributesMap): Promise<void> {
    return this.#call('setLocalUserAttributes', () => attributes.setLocalUserAttributes(this.#core, map));
  }

  addOrUpdateLocalUserAttributes(map: AttributesMap): Promise<void> {
    return this.#call('addOrUpdateLocalUserAttributes', () =>
      attributes.addOrUpdateLocalUserAttributes(this.#core, map),
    );
  }

  deleteLocalUserAttributesByKeys(attributeKeys: string[]): Promise<void> {
    return this.#call('deleteLocalUserAttributesByKeys', () =>
      attributes.deleteLocalUserAttributesByKeys(this.#core, attributeKeys),
    );
  }

  clearLocalUserAttributes(): Promise<void> {
    return this.#call('clearLocalUserAttributes', () => attributes.clearLocalUserAttributes(this.#core));
  }

  getUserAttributes(userId: string): Promise<AttributesMap> {
    return this.#call('getUserAttributes', () => attributes.getUserAttributes(this.#core, userId));
  }

  getUserAttributesByKeys(userId: string, attributeKeys: string[]): Promise<AttributesMap> {
    return this.#call('getUserAttributesByKeys', () =>
      attributes.getUserAttributesByKeys(this.#core, userId, attributeKeys),
    );
  }

  setChannelAttributes(channelId: string, map: AttributesMap, options?: ChannelAttributeOptions): Promise<void> {
    return this.#call('setChannelAttributes', () =>
      attributes.setChannelAttributes(this.#core, channelId, map, options),
    );
  }

  addOrUpdateChannelAttributes(
    channelId: string,
    map: AttributesMap,
    options?: ChannelAttributeOptions,
  ): Promise<void> {
    return this.#call('addOrUpdateChannelAttributes', () =>
      attributes.addOrUpdateChannelAttributes(this.#core, channelId, map, options),
    );
  }

  deleteChannelAttributesByKeys(
    channelId: string,
    attributeKeys: string[],
    options?: ChannelAttributeOptions,
  ): Promise<void> {
    return this.#call('deleteChannelAttributesByKeys', () =>
      attributes.deleteChannelAttributesByKeys(this.#core, channelId, attributeKeys, options),
    );
  }

  clearChannelAttributes(channelId: string, options?: ChannelAttributeOptions): Promise<void> {
    return this.#call('clearChannelAttributes', () =>
      attributes.clearChannelAttributes(this.#core, channelId, options),
    );
  }

  getChannelAttributes(channelId: string): Promise<ChannelAttributes> {
    return this.#call('getChannelAttributes', () => attributes.getChannelAttributes(this.#core, channelId));
  }

  getChannelAttributesByKeys(channelId: string, keys: string[]): Promise<ChannelAttributes> {
    return this.#call('getChannelAttributesByKeys', () =>
      attributes.getChannelAttributesByKeys(this.#core, channelId, keys),
    );
  }

  queryPeersOnlineStatus(peerIds: string[]): Promise<PeersOnlineStatusResult> {
    return this.#call('queryPeersOnlineStatus', () => presence.queryPeersOnlineStatus(this.#core, peerIds));
  }

  subscribePeersOnlineStatus(peerIds: string[]): Promise<void> {
    return this.#call('subscribePeersOnlineStatus', () => presence.subscribePeersOnlineStatus(this.#core, peerIds));
  }

  unsubscribePeersOnlineStatus(peerIds: string[]): Promise<void> {
    return this.#call('unsubscribePeersOnlineStatus', () =>
      presence.unsubscribePeersOnlineStatus(this.#core, peerIds),
    );
  }

  /** The locally cached subscribed peer IDs; the only option is `"ONLINE_STATUS"`. */
  queryPeersBySubscriptionOption(option: 'ONLINE_STATUS'): Promise<string[]> {
    return this.#call('queryPeersBySubscriptionOption', () =>
      presence.queryPeersBySubscriptionOption(this.#core, option),
    );
  }

  getChannelMemberCount(channelIds: string[]): Promise<ChannelMemberCountResult> {
    return this.#call('getChannelMemberCount', () => presence.getChannelMemberCount(this.#core, channelIds));
  }

  #call<T>(method: RtmMethodName | 'queryPeersBySubscriptionOption', run: () => Promise<T>): Promise<T> {
    this.#ledger.count(method);
    return run();
  }

  #throwFault(method: RtmMethodName): void {
    const fault = this.#ledger.takeFault(method);
    if (fault) throw fault;
  }
}
