/**
 * What travels between the in-memory server and a client session: the notices a server pushes,
 * and the invitation signals (docs/reference/rtm1-web-sdk.md §4.7 "wire model": invite, accept, accept-ack,
 * reject, cancel, each carrying a callId).
 */

import type {
  ChannelAttributes,
  ConnectionChangeReason,
  PeerOnlineState,
  ReceivedMessageProperties,
  RtmMessage,
} from '../../rtm/types';

export type InvitationSignal =
  | { kind: 'invite'; callId: string; channelId: string; content: string }
  | { kind: 'accept'; callId: string; response: string }
  | { kind: 'acceptAck'; callId: string }
  | { kind: 'refuse'; callId: string; response: string }
  | { kind: 'cancel'; callId: string; channelId: string; content: string };

/** A membership change in a channel, sent to every member (the subject included: docs/reference/rtm1-web-sdk.md §4.11). */
export interface MemberNotice {
  kind: 'joined' | 'left';
  uid: string;
  /** Channel size after the change. */
  count: number;
  /** False above 512 members, where the server sends counts only (docs/reference/rtm1-web-sdk.md §1.3, §4.11). */
  announce: boolean;
}

export type AbortReason = Extract<ConnectionChangeReason, 'REMOTE_LOGIN' | 'BANNED_BY_SERVER' | 'TOKEN_EXPIRED'>;

/**
 * One login session of a client as the server sees it. The client makes a new port per login
 * and ignores pushes to a port it no longer uses, so late deliveries to an old session vanish.
 */
export interface ClientPort {
  readonly uid: string;
  deliverPeerMessage(message: RtmMessage, from: string, props: ReceivedMessageProperties): void;
  deliverSignal(signal: InvitationSignal, from: string, props: ReceivedMessageProperties): void;
  deliverChannelMessage(channelId: string, message: RtmMessage, from: string, props: ReceivedMessageProperties): void;
  deliverMemberNotice(channelId: string, notice: MemberNotice): void;
  /** The periodic member count of a channel above 512 members (docs/reference/rtm1-web-sdk.md §4.11). */
  deliverMemberCount(channelId: string, count: number): void;
  deliverAttributes(channelId: string, attributes: ChannelAttributes): void;
  deliverPeerStatus(peerId: string, state: PeerOnlineState): void;
  abort(reason: AbortReason): void;
  tokenWillExpire(): void;
}

/** What a reconnecting client asks the server to restore when its old session has expired (docs/reference/rtm1-web-sdk.md §4.4). */
export interface SessionRestore {
  channels: string[];
  attributes: Map<string, string>;
  subscriptions: string[];
}
