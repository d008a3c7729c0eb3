/**
 * The public shapes of agora-rtm-sdk 2.3.0 that FakeRtm2 reproduces (docs/reference/rtm2-web-sdk.md
 * §1): config, options, results and event payloads, named as in the SDK's typings.
 */

export type ChannelType = 'MESSAGE' | 'USER' | 'STREAM';
export type RTMLinkState = 'IDLE' | 'CONNECTING' | 'CONNECTED' | 'DISCONNECTED' | 'SUSPENDED' | 'FAILED';
export type LinkOperation =
  | 'LOGIN'
  | 'LOGOUT'
  | 'JOIN'
  | 'LEAVE'
  | 'SERVER_REJECT'
  | 'AUTO_RECONNECT'
  | 'RECONNECTED'
  | 'HEARTBEAT_TIMEOUT'
  | 'SERVER_TIMEOUT'
  | 'NETWORK_CHANGE';

export interface RTMConfig {
  token?: string;
  encryptionMode?: 'NONE' | 'AES_128_GCM' | 'AES_256_GCM';
  cipherKey?: string;
  salt?: Uint8Array;
  useStringUserId?: boolean;
  presenceTimeout?: number;
  heartbeatInterval?: number;
  logUpload?: boolean;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'none';
  cloudProxy?: boolean;
  privateConfig?: { serviceType?: string[]; accessPointHosts?: string[] };
}

export interface LoginOptions {
  token?: string;
}

export interface PublishOptions {
  channelType?: 'MESSAGE' | 'USER';
  customType?: string;
  storeInHistory?: boolean;
}

export interface SubscribeOptions {
  withMessage?: boolean;
  withPresence?: boolean;
  beQuiet?: boolean;
  withMetadata?: boolean;
  withLock?: boolean;
}

export interface BaseResponse {
  timestamp: number;
}

export interface ChannelResponse extends BaseResponse {
  channelName: string;
}

export interface StateDetail {
  [key: string]: string;
}

export interface UserState {
  userId: string;
  states: StateDetail;
  statesCount: number;
}

export interface WhoNowResponse extends BaseResponse {
  totalOccupancy: number;
  occupants: UserState[];
  nextPage: string;
}

export interface WhereNowResponse extends BaseResponse {
  channels: Array<{ channelName: string; channelType: ChannelType }>;
  totalChannel: number;
}

export interface GetStateResponse extends BaseResponse, UserState {}

export interface MetadataItem {
  key: string;
  value: string;
  revision?: number;
}

export interface MetadataOptions {
  majorRevision?: number;
  lockName?: string;
  addTimeStamp?: boolean;
  addUserId?: boolean;
}

export interface MetaDataDetail {
  value: string;
  revision: number;
  updated: number;
  authorUid: string;
}

export interface Metadata {
  [key: string]: MetaDataDetail;
}

export interface StorageData {
  totalCount: number;
  majorRevision: number;
  metadata: Metadata;
}

export interface LinkStateEvent {
  currentState: RTMLinkState;
  previousState: RTMLinkState;
  serviceType: 'MESSAGE' | 'STREAM';
  operation: LinkOperation;
  reason: string;
  reasonCode: string;
  affectedChannels: string[];
  unrestoredChannels: string[];
  timestamp: number;
  isResumed: boolean;
}

export interface MessageEvent {
  channelType: ChannelType;
  channelName: string;
  topicName: string;
  messageType: 'STRING' | 'BINARY';
  customType: string;
  message: string | Uint8Array;
  publisher: string;
  timestamp: number;
}

export type PresenceEventType =
  | 'SNAPSHOT'
  | 'INTERVAL'
  | 'REMOTE_JOIN'
  | 'REMOTE_LEAVE'
  | 'REMOTE_TIMEOUT'
  | 'REMOTE_STATE_CHANGED';

export interface IntervalDetail {
  join: { users: string[]; userCount: number };
  leave: { users: string[]; userCount: number };
  timeout: { users: string[]; userCount: number };
  userStateList: Array<{ userId: string; states: StateDetail }>;
  totalOccupancy: number;
}

export interface PresenceEvent {
  eventType: PresenceEventType;
  channelType: ChannelType;
  channelName: string;
  publisher: string;
  stateChanged: StateDetail;
  interval: IntervalDetail | null;
  snapshot: UserState[];
  timestamp: number;
}

export interface StorageEvent {
  channelType: ChannelType;
  channelName: string;
  publisher: string;
  storageType: 'CHANNEL' | 'USER';
  eventType: 'SNAPSHOT' | 'UPDATE';
  data: StorageData;
  timestamp: number;
}

export interface LockDetail {
  lockName: string;
  owner: string;
  ttl: number;
}

export interface LockEvent {
  channelType: ChannelType;
  channelName: string;
  eventType: 'SNAPSHOT' | 'SET' | 'REMOVED' | 'ACQUIRED' | 'RELEASED' | 'EXPIRED';
  lockName: string;
  ttl: number;
  publisher: string;
  snapshot: LockDetail[];
  owner: string;
  timestamp: number;
}

export interface TokenEvent {
  eventType: 'WILL_EXPIRE' | 'READ_PERMISSION_REVOKED';
  reason: string;
  affectedResources: { messageChannels: string[] };
  timestamp: number;
}

/** Event name → payload for `addEventListener`. */
export interface RTMEventMap {
  linkState: LinkStateEvent;
  message: MessageEvent;
  presence: PresenceEvent;
  storage: StorageEvent;
  lock: LockEvent;
  token: TokenEvent;
  tokenPrivilegeWillExpire: string;
  topic: unknown;
}
