/**
 * What the server exposes of each FakeRtm object kind: the methods a client may call, the
 * properties it may write, the events forwarded to it, and the state snapshot sent with them.
 * Anything not listed here is refused, so the wire can reach nothing but the RTM API.
 */
import { type FakeChannel, type FakeClient, type FakeLocalInvitation, type FakeRemoteInvitation, fakeRtmWire } from 'signaling-compat/fake';

export type HostedKind = 'client' | 'channel' | 'invitation' | 'remoteInvitation';
export type HostedObject = FakeClient | FakeChannel | FakeLocalInvitation | FakeRemoteInvitation;
export type Snapshot = Record<string, string | number | boolean>;

interface KindSpec {
  /** Methods that return a promise. */
  async: readonly string[];
  /** Synchronous methods: the client has already applied them (docs/reference/rtm1-web-sdk.md §2.4). */
  sync: readonly string[];
  writable: readonly string[];
  events: readonly string[];
  snapshot(object: HostedObject): Snapshot;
}

/** The snapshot of a kind: these properties of the object, in this order. */
function snapshotOf<T extends HostedObject>(...keys: Array<keyof T & string>): (object: HostedObject) => Snapshot {
  return (object) => Object.fromEntries(keys.map((key) => [key, (object as T)[key]])) as Snapshot;
}

export const KINDS: Record<HostedKind, KindSpec> = {
  client: {
    async: [
      'login',
      'logout',
      'renewToken',
      'sendMessageToPeer',
      'setLocalUserAttributes',
      'addOrUpdateLocalUserAttributes',
      'deleteLocalUserAttributesByKeys',
      'clearLocalUserAttributes',
      'getUserAttributes',
      'getUserAttributesByKeys',
      'setChannelAttributes',
      'addOrUpdateChannelAttributes',
      'deleteChannelAttributesByKeys',
      'clearChannelAttributes',
      'getChannelAttributes',
      'getChannelAttributesByKeys',
      'queryPeersOnlineStatus',
      'subscribePeersOnlineStatus',
      'unsubscribePeersOnlineStatus',
      'queryPeersBySubscriptionOption',
      'getChannelMemberCount',
    ],
    sync: [],
    writable: [],
    events: [
      'ConnectionStateChanged',
      'MessageFromPeer',
      'RemoteInvitationReceived',
      'TokenExpired',
      'TokenPrivilegeWillExpire',
      'PeersOnlineStatusChanged',
    ],
    snapshot: snapshotOf<FakeClient>('connectionState'),
  },
  channel: {
    async: ['join', 'leave', 'sendMessage', 'getMembers'],
    sync: [],
    writable: [],
    events: ['ChannelMessage', 'MemberJoined', 'MemberLeft', 'AttributesUpdated', 'MemberCountUpdated'],
    snapshot: snapshotOf<FakeChannel>('joinState', 'memberCount'),
  },
  invitation: {
    async: [],
    sync: ['send', 'cancel'],
    writable: ['content', 'channelId'],
    events: [
      'LocalInvitationReceivedByPeer',
      'LocalInvitationAccepted',
      'LocalInvitationRefused',
      'LocalInvitationCanceled',
      'LocalInvitationFailure',
    ],
    snapshot: snapshotOf<FakeLocalInvitation>('state', 'response'),
  },
  remoteInvitation: {
    async: [],
    sync: ['accept', 'refuse'],
    writable: ['response'],
    events: ['RemoteInvitationAccepted', 'RemoteInvitationRefused', 'RemoteInvitationCanceled', 'RemoteInvitationFailure'],
    snapshot: snapshotOf<FakeRemoteInvitation>('state', 'content', 'callerId', 'channelId'),
  },
};

/** The message argument of the two send methods, whose normalisation the sender's object shows. */
export const MESSAGE_ARGUMENT: Readonly<Record<string, number>> = { sendMessageToPeer: 0, sendMessage: 0 };

/**
 * The FakeRtm2 object kinds (namespace `rtm2`): an `RTMClient` and its four parts, declared by the
 * client under handles of their own, with the methods the wire carries for each
 * (`fakeRtmWire.RTM2_METHODS`). Events reach `addEventListener` listeners only, so only clients
 * have events.
 */
export type Rtm2Kind = keyof typeof fakeRtmWire.RTM2_METHODS;

export interface Rtm2KindSpec {
  methods: readonly string[];
  /** `addEventListener` event names forwarded to the client. */
  events: readonly string[];
}

const { RTM2_METHODS, RTM2_EVENTS } = fakeRtmWire;

export const RTM2_KINDS: Record<Rtm2Kind, Rtm2KindSpec> = {
  client: { methods: RTM2_METHODS.client, events: RTM2_EVENTS },
  presence: { methods: RTM2_METHODS.presence, events: [] },
  storage: { methods: RTM2_METHODS.storage, events: [] },
  lock: { methods: RTM2_METHODS.lock, events: [] },
  history: { methods: RTM2_METHODS.history, events: [] },
};
