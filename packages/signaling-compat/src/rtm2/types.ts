/**
 * The subset of agora-rtm-sdk 2.x (Web, 2.3.0, "Signaling 2.x") that the adapter uses, described
 * structurally (docs/reference/rtm2-web-sdk.md §1). The real namespace satisfies these types
 * (checked at compile time by `test/types/rtm2-conformance.test-d.ts`), and so does `FakeRtm2`.
 * Only what the adapter calls is listed; every other member of the SDK is left out on purpose.
 */

import type { Clock } from '../rtm/clock';

export type Rtm2ChannelType = 'MESSAGE' | 'STREAM' | 'USER';

export type Rtm2LinkState = 'IDLE' | 'CONNECTING' | 'CONNECTED' | 'DISCONNECTED' | 'SUSPENDED' | 'FAILED';

/** docs/reference/rtm2-web-sdk.md §1.2: the constructor options the adapter sets. */
export interface Rtm2Config {
  presenceTimeout?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'none';
  logUpload?: boolean;
  cloudProxy?: boolean;
}

export interface Rtm2Response {
  timestamp: number;
}

/** docs/reference/rtm2-web-sdk.md §1.8 `message`. USER messages carry the receiver's own ID as `channelName`. */
export interface Rtm2MessageEvent {
  channelType: Rtm2ChannelType;
  channelName: string;
  messageType: 'STRING' | 'BINARY';
  customType: string;
  message: string | Uint8Array;
  publisher: string;
  timestamp: number;
}

export interface Rtm2UserState {
  userId: string;
}

export interface Rtm2UserList {
  users: string[];
  userCount: number;
}

/** docs/reference/rtm2-web-sdk.md §1.8 `presence`; REMOTE_* never concern the local user. */
export interface Rtm2PresenceEvent {
  eventType: string;
  channelType: Rtm2ChannelType;
  channelName: string;
  publisher: string;
  interval: { join: Rtm2UserList; leave: Rtm2UserList; timeout: Rtm2UserList; totalOccupancy: number } | null;
  snapshot: Rtm2UserState[] | null;
  timestamp: number;
}

export interface Rtm2MetadataDetail {
  value: string;
  revision: number;
  updated: number;
  authorUid: string;
}

export interface Rtm2StorageData {
  totalCount: number;
  majorRevision: number;
  metadata: Record<string, Rtm2MetadataDetail>;
}

/** docs/reference/rtm2-web-sdk.md §1.8 `storage`: always the full data set; the first event per channel/user is SNAPSHOT. */
export interface Rtm2StorageEvent {
  channelType: Rtm2ChannelType;
  channelName: string;
  publisher: string;
  storageType: 'NONE' | 'USER' | 'CHANNEL';
  eventType: string;
  data: Rtm2StorageData;
  timestamp: number;
}

/** docs/reference/rtm2-web-sdk.md §1.8 `linkState`. */
export interface Rtm2LinkStateEvent {
  currentState: Rtm2LinkState;
  previousState: Rtm2LinkState;
  serviceType: string;
  operation: string;
  reason: string;
  reasonCode: string;
  affectedChannels: string[];
  isResumed: boolean;
  timestamp: number;
}

export interface Rtm2EventMap {
  message: (event: Rtm2MessageEvent) => void;
  presence: (event: Rtm2PresenceEvent) => void;
  storage: (event: Rtm2StorageEvent) => void;
  linkState: (event: Rtm2LinkStateEvent) => void;
  tokenPrivilegeWillExpire: (channelName: string) => void;
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void
  ? I
  : never;

/**
 * One overload per event, so that the SDK's generic `addEventListener<EventName>(…)` (and
 * FakeRtm2's) is structurally assignable: TypeScript matches a generic source against each
 * concrete overload.
 */
export type Rtm2ListenerMethod = UnionToIntersection<
  { [E in keyof Rtm2EventMap]: (event: E, listener: Rtm2EventMap[E]) => void }[keyof Rtm2EventMap]
>;

export interface Rtm2SubscribeOptions {
  withMessage?: boolean;
  withPresence?: boolean;
  withMetadata?: boolean;
  withLock?: boolean;
  beQuiet?: boolean;
}

export interface Rtm2PublishOptions {
  channelType?: 'MESSAGE' | 'USER';
  customType?: string;
}

export interface Rtm2MetadataItem {
  key: string;
  value: string;
  revision?: number;
}

export interface Rtm2MetadataOptions {
  majorRevision?: number;
  addTimeStamp?: boolean;
  addUserId?: boolean;
}

export interface Rtm2MetadataResponse extends Rtm2Response {
  metadata: Record<string, Rtm2MetadataDetail>;
  majorRevision: number;
  totalCount: number;
}

export interface Rtm2WhoNowResponse extends Rtm2Response {
  totalOccupancy: number;
  occupants: Rtm2UserState[];
  nextPage: string;
}

export interface Rtm2Presence {
  getOnlineUsers(
    channelName: string,
    channelType: Rtm2ChannelType,
    options?: { includedUserId?: boolean; includedState?: boolean; page?: string },
  ): Promise<Rtm2WhoNowResponse>;
}

export interface Rtm2Storage {
  setChannelMetadata(
    channelName: string,
    channelType: Rtm2ChannelType,
    data: Rtm2MetadataItem[],
    options?: Rtm2MetadataOptions,
  ): Promise<Rtm2Response>;
  removeChannelMetadata(
    channelName: string,
    channelType: Rtm2ChannelType,
    options?: Rtm2MetadataOptions & { data?: Rtm2MetadataItem[] },
  ): Promise<Rtm2Response>;
  getChannelMetadata(channelName: string, channelType: Rtm2ChannelType): Promise<Rtm2MetadataResponse>;
  setUserMetadata(data: Rtm2MetadataItem[], options?: Rtm2MetadataOptions & { userId?: string }): Promise<Rtm2Response>;
  removeUserMetadata(options?: Rtm2MetadataOptions & { userId?: string; data?: Rtm2MetadataItem[] }): Promise<Rtm2Response>;
  getUserMetadata(options?: { userId?: string }): Promise<Rtm2MetadataResponse>;
}

/** docs/reference/rtm2-web-sdk.md §1.3: one `RTM` instance. Listeners only through `addEventListener` (docs/reference/rtm2-web-sdk.md §2.17). */
export interface Rtm2ClientLike {
  login(options?: { token?: string }): Promise<Rtm2Response>;
  logout(): Promise<Rtm2Response>;
  renewToken(token: string): Promise<Rtm2Response>;
  publish(channelName: string, message: string | Uint8Array, options?: Rtm2PublishOptions): Promise<Rtm2Response>;
  subscribe(channelName: string, options?: Rtm2SubscribeOptions): Promise<Rtm2Response>;
  unsubscribe(channelName: string): Promise<Rtm2Response>;
  addEventListener: Rtm2ListenerMethod;
  removeEventListener: Rtm2ListenerMethod;
  readonly presence: Rtm2Presence;
  readonly storage: Rtm2Storage;
}

/** docs/reference/rtm2-web-sdk.md §1.1: the `AgoraRTM` 2.x namespace (an `RTM` constructor, no `createInstance`). */
export interface Rtm2NamespaceLike {
  RTM: new (appId: string, userId: string, config?: Rtm2Config) => Rtm2ClientLike;
  readonly VERSION: string;
  /** Not part of the SDK: a backend on its own time source (FakeRtm2 on a ManualClock) exposes it. */
  readonly clock?: Clock;
}

/** The shape of every 2.x error (docs/reference/rtm2-web-sdk.md §1.10): `errorCode` is the numeric code. */
export interface Rtm2ErrorLike {
  name?: string;
  code?: number;
  errorCode?: number;
  reason?: string;
  operation?: string;
  message?: string;
}
