/**
 * The RTM 1.x-shaped seam between the shim and its backend.
 *
 * This is the exact subset of agora-rtm-sdk 1.x (Web, 1.6.0) that the shim uses. The real SDK's
 * `AgoraRTM` namespace and `RtmClient` satisfy these types structurally (checked at compile time by
 * `test/types/rtm-conformance.test-d.ts`), and `FakeRtm` implements them in memory. Nothing under
 * `src/core` or `src/legacy` may import a backend: they see only these types.
 *
 * Enums are string unions whose values equal their names, exactly as the SDK's string enums.
 */

import type { Clock } from './clock';

export type ConnectionState = 'DISCONNECTED' | 'CONNECTING' | 'CONNECTED' | 'RECONNECTING' | 'ABORTED';

export type ConnectionChangeReason =
  | 'LOGIN'
  | 'LOGIN_SUCCESS'
  | 'LOGIN_FAILURE'
  | 'LOGIN_TIMEOUT'
  | 'INTERRUPTED'
  | 'LOGOUT'
  | 'BANNED_BY_SERVER'
  | 'REMOTE_LOGIN'
  | 'TOKEN_EXPIRED';

export type LocalInvitationState =
  | 'IDLE'
  | 'SENT_TO_REMOTE'
  | 'RECEIVED_BY_REMOTE'
  | 'ACCEPTED_BY_REMOTE'
  | 'REFUSED_BY_REMOTE'
  | 'CANCELED'
  | 'FAILURE';

export type RemoteInvitationState =
  | 'INVITATION_RECEIVED'
  | 'ACCEPT_SENT_TO_LOCAL'
  | 'REFUSED'
  | 'ACCEPTED'
  | 'CANCELED'
  | 'FAILURE';

export type LocalInvitationFailureReason =
  | 'UNKNOWN'
  | 'PEER_NO_RESPONSE'
  | 'INVITATION_EXPIRE'
  | 'PEER_OFFLINE'
  | 'NOT_LOGGEDIN';

export type RemoteInvitationFailureReason = 'UNKNOWN' | 'PEER_OFFLINE' | 'ACCEPT_FAILURE' | 'INVITATION_EXPIRE';

export type PeerOnlineState = 'ONLINE' | 'UNREACHABLE' | 'OFFLINE';

export type MessageType = 'TEXT' | 'RAW';

/** A TEXT message as sent or received. */
export interface RtmTextMessage {
  text: string;
  messageType?: 'TEXT';
  rawMessage?: never;
  description?: never;
}

/** A RAW message; `rawMessage.byteLength` + description bytes count toward the 32 KB limit. */
export interface RtmRawMessage {
  rawMessage: Uint8Array;
  description?: string;
  messageType?: 'RAW';
  text?: never;
}

export type RtmMessage = RtmTextMessage | RtmRawMessage;

export interface PeerMessageSendResult {
  hasPeerReceived: boolean;
}

export interface ReceivedMessageProperties {
  serverReceivedTs: number;
}

export interface AttributesMap {
  [key: string]: string;
}

export interface ChannelAttributeProperties {
  value: string;
  lastUpdateUserId: string;
  lastUpdateTs: number;
}

export interface ChannelAttributes {
  [key: string]: ChannelAttributeProperties;
}

export interface ChannelAttributeOptions {
  enableNotificationToChannelMembers?: boolean;
}

export interface PeersOnlineStatusResult {
  [peerId: string]: boolean;
}

export interface PeersOnlineStatusMap {
  [peerId: string]: PeerOnlineState;
}

export interface ChannelMemberCountResult {
  [channelId: string]: number;
}

/** The config keys `createInstance` accepts; any other key is rejected by the SDK. */
export interface RtmConfigLike {
  enableLogUpload?: boolean;
  logFilter?: unknown;
  enableCloudProxy?: boolean;
}

/** The `name` strings of the SDK's (non-exported) error classes. Branch on these and `code`. */
export type RtmErrorName =
  | 'RtmInvalidArgumentError'
  | 'RtmInvalidStatusError'
  | 'RtmLimitExceededError'
  | 'RtmInvokeTooOftenError'
  | 'RtmTimeoutError'
  | 'RtmUnavailableError'
  | 'RtmUnauthenticatedError'
  | 'RtmUnknownError'
  | 'RtmInternalError';

/** The shape of every error the SDK throws or rejects with. */
export interface RtmErrorLike extends Error {
  /** Numeric per-API code (docs/reference/rtm1-web-sdk.md §2.2); `undefined` for a few internal errors. */
  code?: number | string;
  serverCode?: number;
}

// ---------------------------------------------------------------------------------------------
// Event maps: property name = event name, function parameters = listener arguments.

export interface RtmClientEvents {
  ConnectionStateChanged: (newState: ConnectionState, reason: ConnectionChangeReason) => void;
  MessageFromPeer: (message: RtmMessage, peerId: string, messageProps: ReceivedMessageProperties) => void;
  RemoteInvitationReceived: (remoteInvitation: RemoteInvitationLike) => void;
  TokenExpired: () => void;
  TokenPrivilegeWillExpire: () => void;
  PeersOnlineStatusChanged: (status: PeersOnlineStatusMap) => void;
}

export interface RtmChannelEvents {
  ChannelMessage: (message: RtmMessage, memberId: string, messageProps: ReceivedMessageProperties) => void;
  MemberJoined: (memberId: string) => void;
  MemberLeft: (memberId: string) => void;
  AttributesUpdated: (attributes: ChannelAttributes) => void;
  MemberCountUpdated: (memberCount: number) => void;
}

export interface LocalInvitationEvents {
  LocalInvitationReceivedByPeer: () => void;
  LocalInvitationAccepted: (response: string) => void;
  LocalInvitationRefused: (response: string) => void;
  LocalInvitationCanceled: () => void;
  LocalInvitationFailure: (reason: LocalInvitationFailureReason) => void;
}

export interface RemoteInvitationEvents {
  RemoteInvitationAccepted: () => void;
  RemoteInvitationRefused: () => void;
  RemoteInvitationCanceled: (content: string) => void;
  RemoteInvitationFailure: (reason: RemoteInvitationFailureReason) => void;
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void
  ? I
  : never;

/**
 * One overload per event, so that the SDK's generic `on<EventName>(…)` is structurally assignable
 * (TypeScript matches a generic source against each concrete overload).
 */
export type ListenerMethod<Events, Self> = UnionToIntersection<
  { [E in keyof Events]: (event: E, listener: Events[E]) => Self }[keyof Events]
>;

/** The listener methods the shim uses, typed by an event map. */
export interface RtmEmitterLike<Events> {
  on: ListenerMethod<Events, this>;
  off: ListenerMethod<Events, this>;
  removeAllListeners(event?: keyof Events): this;
}

// ---------------------------------------------------------------------------------------------
// Objects

export interface LocalInvitationLike extends RtmEmitterLike<LocalInvitationEvents> {
  readonly calleeId: string;
  content: string;
  /** Writable only while IDLE; the SDK silently ignores later writes. */
  channelId: string;
  readonly response: string;
  readonly state: LocalInvitationState;
  /** Synchronous; throws on API misuse (ALREADY_SENT 5, ALREADY_END 3, INVALID_ARGUMENT 1). */
  send(): void;
  /** Synchronous; emits LocalInvitationCanceled before returning. */
  cancel(): void;
}

export interface RemoteInvitationLike extends RtmEmitterLike<RemoteInvitationEvents> {
  readonly callerId: string;
  readonly channelId: string;
  readonly content: string;
  response: string;
  readonly state: RemoteInvitationState;
  accept(): void;
  /** Synchronous; emits RemoteInvitationRefused before returning. */
  refuse(): void;
}

export interface RtmChannelLike extends RtmEmitterLike<RtmChannelEvents> {
  readonly channelId: string;
  join(): Promise<void>;
  leave(): Promise<void>;
  sendMessage(message: RtmMessage): Promise<void>;
  getMembers(): Promise<string[]>;
}

export interface RtmClientLike extends RtmEmitterLike<RtmClientEvents> {
  login(options: { uid: string; token?: string }): Promise<void>;
  logout(): Promise<void>;
  renewToken(token: string): Promise<void>;

  sendMessageToPeer(message: RtmMessage, peerId: string): Promise<PeerMessageSendResult>;

  createChannel(channelId: string): RtmChannelLike;
  createLocalInvitation(calleeId: string): LocalInvitationLike;

  setLocalUserAttributes(attributes: AttributesMap): Promise<void>;
  addOrUpdateLocalUserAttributes(attributes: AttributesMap): Promise<void>;
  deleteLocalUserAttributesByKeys(attributeKeys: string[]): Promise<void>;
  clearLocalUserAttributes(): Promise<void>;
  getUserAttributes(userId: string): Promise<AttributesMap>;
  getUserAttributesByKeys(userId: string, attributeKeys: string[]): Promise<AttributesMap>;

  setChannelAttributes(channelId: string, attributes: AttributesMap, options?: ChannelAttributeOptions): Promise<void>;
  addOrUpdateChannelAttributes(
    channelId: string,
    attributes: AttributesMap,
    options?: ChannelAttributeOptions,
  ): Promise<void>;
  deleteChannelAttributesByKeys(
    channelId: string,
    attributeKeys: string[],
    options?: ChannelAttributeOptions,
  ): Promise<void>;
  clearChannelAttributes(channelId: string, options?: ChannelAttributeOptions): Promise<void>;
  getChannelAttributes(channelId: string): Promise<ChannelAttributes>;
  getChannelAttributesByKeys(channelId: string, keys: string[]): Promise<ChannelAttributes>;

  queryPeersOnlineStatus(peerIds: string[]): Promise<PeersOnlineStatusResult>;
  subscribePeersOnlineStatus(peerIds: string[]): Promise<void>;
  unsubscribePeersOnlineStatus(peerIds: string[]): Promise<void>;
  getChannelMemberCount(channelIds: string[]): Promise<ChannelMemberCountResult>;
}

/** The `AgoraRTM` namespace shape: what the `rtm` option accepts. */
export interface RtmNamespaceLike {
  createInstance(appId: string, config?: RtmConfigLike): RtmClientLike;
  readonly END_CALL_PREFIX: string;
  readonly VERSION: string;
  /**
   * Not part of RTM: a backend that runs on its own time source (FakeRtm with a ManualClock)
   * exposes it here so the shim's timers follow the same clock. The real SDK has none.
   */
  readonly clock?: Clock;
}

/** The RTM method names the shim may call on a client or channel (used by stats and failNext). */
export type RtmMethodName =
  | Exclude<keyof RtmClientLike, keyof RtmEmitterLike<RtmClientEvents> | 'createChannel' | 'createLocalInvitation'>
  | 'createChannel'
  | 'createLocalInvitation'
  | `channel.${Exclude<keyof RtmChannelLike, keyof RtmEmitterLike<RtmChannelEvents> | 'channelId'>}`
  | 'invitation.send'
  | 'invitation.cancel'
  | 'invitation.accept'
  | 'invitation.refuse';
