/**
 * The RTM 2.x column of the mapping table, derived from the RTM 1.x column: the core always talks to the
 * RTM 1.x-shaped seam, and on `agora-rtm-sdk` 2.x an adapter carries each 1.x call and event over 2.x APIs
 * (docs/reference/mapping-decisions.md §9, docs/reference/rtm2-web-sdk.md §5). So a legacy member's 2.x route
 * is its 1.x route with every 1.x API replaced by what the adapter uses for it: peer messages publish on a
 * USER channel, channels subscribe and publish, members come from presence, channel and user attributes are
 * metadata in storage, online status is a probe message on the peer's USER channel, and invitations are the
 * adapter's protocol over USER messages between shim clients.
 */

const INVITATION_PROTOCOL = 'invitation protocol';
const OVER_USER_PUBLISH = 'RTMClient.publish (USER channel)';
const USER_MESSAGE = 'RTMClient "message" (USER channel)';

/**
 * Every RTM 1.x phrase the `rtm` column uses, with the 2.x route the adapter gives it. A phrase may carry the
 * qualifier the 1.x column adds (`(polled)`, `(notify members)`, …) when the qualifier changes on 2.x; the
 * longest phrase that matches wins.
 */
export const RTM2_ROUTES = {
  // Client lifecycle and connection
  'AgoraRTM (resolved at login)': 'AgoraRTM 2.x namespace with its RTM constructor (resolved at login)',
  'AgoraRTM.createInstance(appId)': 'new AgoraRTM.RTM(appId, userId)',
  'AgoraRTM.createInstance': 'new AgoraRTM.RTM(appId, userId), one per App ID and user, reused',
  'RtmClient.login uid': 'new AgoraRTM.RTM(appId, userId)',
  'RtmClient.login': 'RTMClient.login',
  'RtmClient.logout': 'RTMClient.logout',
  'RtmClient.removeAllListeners': 'RTMClient.removeEventListener',
  'RtmClient "ConnectionStateChanged" (CONNECTED after RECONNECTING)': 'RTMClient "linkState" (CONNECTED after DISCONNECTED)',
  'RtmClient "ConnectionStateChanged" (RECONNECTING)': 'RTMClient "linkState" (DISCONNECTED or SUSPENDED)',
  'RtmClient "ConnectionStateChanged"': 'RTMClient "linkState"',
  // Peer messages
  'RtmClient.sendMessageToPeer (END_CALL message)': `${INVITATION_PROTOCOL} end-call over ${OVER_USER_PUBLISH}`,
  'RtmClient.sendMessageToPeer (reserved message)': 'RTMClient.publish (USER channel, reserved message)',
  'RtmClient.sendMessageToPeer': OVER_USER_PUBLISH,
  'RtmClient "MessageFromPeer" (reserved DTMF message)': 'RTMClient "message" (USER channel, reserved DTMF message)',
  'RtmClient "MessageFromPeer"': USER_MESSAGE,
  // Channels and channel messages
  'RtmClient.createChannel': 'the adapter\'s channel object',
  'RtmChannel.join': 'RTMClient.subscribe',
  'RtmChannel.leave': 'RTMClient.unsubscribe',
  'RtmChannel.sendMessage': 'RTMClient.publish (MESSAGE channel)',
  'RtmChannel "ChannelMessage"': 'RTMClient "message" (MESSAGE channel, own messages dropped)',
  'RtmChannel.channelId': 'the subscribed channel name',
  // Members and presence
  'RtmChannel.getMembers (transient join when not in the channel)':
    'RTMClient.presence.getOnlineUsers (transient subscribe when not in the channel)',
  'RtmChannel.getMembers': 'RTMClient.presence.getOnlineUsers',
  'RtmChannel "MemberJoined"': 'RTMClient "presence" (REMOTE_JOIN, INTERVAL joins, SNAPSHOT diff)',
  'RtmChannel "MemberLeft"': 'RTMClient "presence" (REMOTE_LEAVE, REMOTE_TIMEOUT, INTERVAL leaves, SNAPSHOT diff)',
  'RtmClient.getChannelMemberCount (polled)': 'RTMClient.presence.getOnlineUsers occupancy (polled)',
  'RtmClient.getChannelMemberCount': 'RTMClient.presence.getOnlineUsers (occupancy only)',
  // Channel attributes: every 2.x metadata write notifies the channel's subscribers.
  'RtmClient.addOrUpdateChannelAttributes (notify members)': 'RTMClient.storage.setChannelMetadata',
  'RtmClient.deleteChannelAttributesByKeys (notify members)': 'RTMClient.storage.removeChannelMetadata (the keys)',
  'RtmClient.clearChannelAttributes (notify members)': 'RTMClient.storage.removeChannelMetadata (all keys)',
  'RtmClient.getChannelAttributes': 'RTMClient.storage.getChannelMetadata',
  'RtmChannel "AttributesUpdated"': 'RTMClient "storage" (CHANNEL; the first snapshot swallowed)',
  // User attributes
  'RtmClient.addOrUpdateLocalUserAttributes': 'RTMClient.storage.setUserMetadata',
  'RtmClient.getUserAttributesByKeys': 'RTMClient.storage.getUserMetadata (filtered by key)',
  'RtmClient.getUserAttributes': 'RTMClient.storage.getUserMetadata',
  // Online status
  'RtmClient.queryPeersOnlineStatus': 'RTMClient.publish (USER channel, online probe)',
  // Call invitations: 2.x has none; the adapter's protocol rebuilds both sides over USER messages.
  'RtmClient.createLocalInvitation': "the adapter's invitation object",
  'LocalInvitation.send': `${INVITATION_PROTOCOL} INVITE over ${OVER_USER_PUBLISH}`,
  'LocalInvitation.cancel (shim timer)': `${INVITATION_PROTOCOL} CANCEL over ${OVER_USER_PUBLISH} (shim timer)`,
  'LocalInvitation.cancel': `${INVITATION_PROTOCOL} CANCEL over ${OVER_USER_PUBLISH}`,
  'LocalInvitation "LocalInvitationReceivedByPeer"': `${INVITATION_PROTOCOL}: INVITE publish resolved`,
  'LocalInvitation "LocalInvitationAccepted"': `${INVITATION_PROTOCOL} ACCEPT over ${USER_MESSAGE}`,
  'LocalInvitation "LocalInvitationRefused"': `${INVITATION_PROTOCOL} REFUSE over ${USER_MESSAGE}`,
  'LocalInvitation "LocalInvitationCanceled"': `${INVITATION_PROTOCOL}: CANCEL sent`,
  'LocalInvitation "LocalInvitationFailure"': `${INVITATION_PROTOCOL} timers (no acknowledgement, expiry)`,
  'LocalInvitation.calleeId': `${INVITATION_PROTOCOL}: the user the INVITE is published to`,
  'LocalInvitation.channelId': `${INVITATION_PROTOCOL}: the channel field`,
  'LocalInvitation.content': `${INVITATION_PROTOCOL}: the content field`,
  'RtmClient "RemoteInvitationReceived"': `${INVITATION_PROTOCOL} INVITE over ${USER_MESSAGE}`,
  'RemoteInvitation.accept': `${INVITATION_PROTOCOL} ACCEPT over ${OVER_USER_PUBLISH}, resent until acknowledged`,
  'RemoteInvitation.refuse': `${INVITATION_PROTOCOL} REFUSE over ${OVER_USER_PUBLISH}`,
  'RemoteInvitation "RemoteInvitationCanceled"': `${INVITATION_PROTOCOL} CANCEL over ${USER_MESSAGE}`,
  'RemoteInvitation.callerId': `${INVITATION_PROTOCOL}: the message's publisher`,
  'RemoteInvitation.channelId': `${INVITATION_PROTOCOL}: the channel field`,
  'RemoteInvitation.content': `${INVITATION_PROTOCOL}: the content field`,
  'END_CALL peer message': `${INVITATION_PROTOCOL} end-call over ${USER_MESSAGE}`,
  'RTM API-call errors': `${INVITATION_PROTOCOL} and RTMClient API errors`,
} as const satisfies Readonly<Record<string, string>>;

/** An RTM 1.x phrase of the `rtm` column. */
export type Rtm1Phrase = keyof typeof RTM2_ROUTES;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** All phrases, longest first, so a qualified phrase wins over its bare API. */
const PHRASE = new RegExp(
  (Object.keys(RTM2_ROUTES) as Rtm1Phrase[])
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|'),
  'g',
);

/** How the `rtm` column joins several calls: `a + b` (both), `a | b` and `a / b` (either). */
const JOINER = / (\+|\||\/) /;

/**
 * The 2.x route of an RTM 1.x route: each 1.x phrase replaced by its 2.x counterpart; joining words
 * (`+`, `|`, `resolved`, `shim timers`, `—`) stay as they are. Where two 1.x alternatives become the same
 * 2.x route (the caller's and the callee's side of an invitation field), it is given once.
 */
export function rtm2Route(rtm: string): string {
  const [first = '', ...rest] = rtm.replace(PHRASE, (phrase) => RTM2_ROUTES[phrase as Rtm1Phrase]).split(JOINER);
  const seen = new Set([first]);
  let route = first;
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const part = rest[i + 1]!;
    if (seen.has(part)) continue;
    seen.add(part);
    route += ` ${rest[i]} ${part}`;
  }
  return route;
}
