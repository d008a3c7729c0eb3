/**
 * The string enums of the `AgoraRTM` namespace (docs/reference/rtm1-web-sdk.md §1.1): every value equals its key,
 * so `FakeRtm.ConnectionState.CONNECTED === 'CONNECTED'` exactly as in agora-rtm-sdk 1.6.0.
 */

import type {
  ConnectionChangeReason as ConnectionChangeReasonValue,
  ConnectionState as ConnectionStateValue,
  LocalInvitationFailureReason as LocalInvitationFailureReasonValue,
  LocalInvitationState as LocalInvitationStateValue,
  MessageType as MessageTypeValue,
  PeerOnlineState as PeerOnlineStateValue,
  RemoteInvitationFailureReason as RemoteInvitationFailureReasonValue,
  RemoteInvitationState as RemoteInvitationStateValue,
} from '../../rtm/types';

/** An enum object whose values equal their keys. */
export type StringEnum<K extends string> = { readonly [P in K]: P };

function stringEnum<const K extends string>(keys: readonly K[]): StringEnum<K> {
  return Object.freeze(Object.fromEntries(keys.map((key) => [key, key]))) as StringEnum<K>;
}

export const ConnectionState: StringEnum<ConnectionStateValue> = stringEnum([
  'DISCONNECTED',
  'CONNECTING',
  'CONNECTED',
  'RECONNECTING',
  'ABORTED',
]);

export const ConnectionChangeReason: StringEnum<ConnectionChangeReasonValue> = stringEnum([
  'LOGIN',
  'LOGIN_SUCCESS',
  'LOGIN_FAILURE',
  'LOGIN_TIMEOUT',
  'INTERRUPTED',
  'LOGOUT',
  'BANNED_BY_SERVER',
  'REMOTE_LOGIN',
  'TOKEN_EXPIRED',
]);

export const LocalInvitationState: StringEnum<LocalInvitationStateValue> = stringEnum([
  'IDLE',
  'SENT_TO_REMOTE',
  'RECEIVED_BY_REMOTE',
  'ACCEPTED_BY_REMOTE',
  'REFUSED_BY_REMOTE',
  'CANCELED',
  'FAILURE',
]);

export const RemoteInvitationState: StringEnum<RemoteInvitationStateValue> = stringEnum([
  'INVITATION_RECEIVED',
  'ACCEPT_SENT_TO_LOCAL',
  'REFUSED',
  'ACCEPTED',
  'CANCELED',
  'FAILURE',
]);

export const LocalInvitationFailureReason: StringEnum<LocalInvitationFailureReasonValue> = stringEnum([
  'UNKNOWN',
  'PEER_NO_RESPONSE',
  'INVITATION_EXPIRE',
  'PEER_OFFLINE',
  'NOT_LOGGEDIN',
]);

export const RemoteInvitationFailureReason: StringEnum<RemoteInvitationFailureReasonValue> = stringEnum([
  'UNKNOWN',
  'PEER_OFFLINE',
  'ACCEPT_FAILURE',
  'INVITATION_EXPIRE',
]);

export const PeerOnlineState: StringEnum<PeerOnlineStateValue> = stringEnum(['ONLINE', 'UNREACHABLE', 'OFFLINE']);

export const PeerSubscriptionOption: StringEnum<'ONLINE_STATUS'> = stringEnum(['ONLINE_STATUS']);

export const MessageType: StringEnum<MessageTypeValue> = stringEnum(['TEXT', 'RAW']);
