/**
 * `AgoraRTM.constantsType` of agora-rtm-sdk 2.3.0 (docs/reference/rtm2-web-sdk.md §1.1), with the
 * runtime values the bundle carries. `ChannelTypeEnum` and `LinkStateChangeReason4Report` are
 * numeric TypeScript enums there, so they carry the reverse mapping too.
 */

/** A TypeScript-style numeric enum object: names → numbers and numbers → names. */
function numericEnum<K extends string>(names: readonly K[], first = 0): Readonly<Record<K, number> & Record<number, K>> {
  const table: Record<string, string | number> = {};
  names.forEach((name, index) => {
    table[(table[name] = index + first)] = name;
  });
  return Object.freeze(table) as Record<K, number> & Record<number, K>;
}

export const AreaCode = Object.freeze({
  GLOBAL: 'GLOBAL',
  INDIA: 'INDIA',
  JAPAN: 'JAPAN',
  ASIA: 'ASIA',
  EUROPE: 'EUROPE',
  CHINA: 'CHINA',
  NORTH_AMERICA: 'NORTH_AMERICA',
} as const);

export const LegacyAreaCode = Object.freeze({
  CN: 'CN',
  NA: 'NA',
  EU: 'EU',
  AS: 'AS',
  JP: 'JP',
  IN: 'IN',
  GLOB: 'GLOB',
  OC: 'OC',
  SA: 'SA',
  AF: 'AF',
  KR: 'KR',
  US: 'US',
  OVS: 'OVS',
} as const);

export const ChannelTypeEnum = numericEnum(['MESSAGE', 'STREAM', 'USER'] as const, 1);

export const MessageType = Object.freeze({
  STRING: 'STRING',
  BINARY: 'BINARY',
} as const);

export const TokenEventReason = Object.freeze({
  WILL_EXPIRE: 'The token is about to expire',
  READ_PERMISSION_REVOKED: 'The token read permission is revoked',
} as const);

/** docs/reference/rtm2-web-sdk.md §1.9: reason code → the text `linkState.reason` carries. */
export const LinkStateChangeReasonDescription = Object.freeze({
  UNKNOWN: 'Unknown',
  LOGIN: 'Perform login operation',
  LOGIN_SUCCESS: 'Login success',
  LOGIN_TIMEOUT: 'Login timeout',
  LOGIN_NOT_AUTHORIZED: 'Login not authorized',
  LOGIN_REJECTED: 'Login rejected',
  RELOGIN: 'Perform login operation again',
  LOGOUT: 'Logout success',
  AUTO_RECONNECT: 'Reconnecting',
  RECONNECT_TIMEOUT: 'Reconnect timeout',
  RECONNECT_SUCCESS: 'Reconnect success',
  JOIN: 'Perform join operation',
  JOIN_SUCCESS: 'Join channel success',
  JOIN_FAILED: 'Join channel failed',
  REJOIN: 'Perform join operation again',
  LEAVE: 'Leave channel success',
  INVALID_TOKEN: 'Invalid token',
  TOKEN_EXPIRED: 'Token expired',
  INCONSISTENT_APP_ID: 'Inconsistent app ID',
  INVALID_CHANNEL_NAME: 'Invalid channel name',
  INVALID_USER_ID: 'Invalid user id',
  NOT_INITIALIZED: 'Not initialized',
  RTM_SERVICE_NOT_CONNECTED: 'RTM service not connected',
  CHANNEL_INSTANCE_EXCEED_LIMITATION: 'Channel instance exceed limitation',
  OPERATION_RATE_EXCEED_LIMITATION: 'Operation rate exceed limitation',
  CHANNEL_IN_ERROR_STATE: 'Channel in error state',
  PRESENCE_NOT_CONNECTED: 'Presence not connected',
  SAME_UID_LOGIN: 'The same uid login on another device',
  KICKED_OUT_BY_SERVER: 'Kicked out by server',
  KEEP_ALIVE_TIMEOUT: 'Keep alive timeout',
  CONNECTION_ERROR: 'Connection error',
  PRESENCE_NOT_READY: 'Presence not ready',
  NETWORK_CHANGE: 'Network change',
  SERVICE_NOT_SUPPORTED: 'Service not supported',
  STREAM_CHANNEL_NOT_AVAILABLE: 'Stream channel not available',
  STORAGE_NOT_AVAILABLE: 'Storage service is not available',
  LOCK_NOT_AVAILABLE: 'Lock service is not available',
  LOGIN_TOO_FREQUENT: 'Login operation is too frequent',
} as const);

export type LinkStateChangeReason = keyof typeof LinkStateChangeReasonDescription;

export const LinkStateChangeReason4Report = numericEnum(
  Object.keys(LinkStateChangeReasonDescription) as LinkStateChangeReason[],
);

export const subscribedState = Object.freeze({
  UNSUBSCRIBED: 'UNSUBSCRIBED',
  SUBSCRIBED: 'SUBSCRIBED',
} as const);

/** The namespace member `constantsType`, keys in the bundle order. */
export const constantsType = Object.freeze({
  AreaCode,
  ChannelTypeEnum,
  LegacyAreaCode,
  LinkStateChangeReason4Report,
  LinkStateChangeReasonDescription,
  MessageType,
  TokenEventReason,
  subscribedState,
});
