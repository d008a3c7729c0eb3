/**
 * Names with a meaning to the legacy service rather than to the SDK: call extra keys
 * (`docs/reference/legacy-web-sdk.md` §10, `docs/reference/server-and-native-api.md` §1), special channels and
 * built-in channel attributes (`docs/reference/legacy-usage.md` §2.11). They are the same in every dialect
 * and listed once, under the Web dialect.
 */

import { defineOwner } from './define';
import type { MappingEntry } from './types';

const SIP_HINT = 'A SIP/PSTN hint; SIP calls are not available on RTM. The key reaches the callee inside the extra like any other key, without effect.';

/** The call `extra` keys the legacy service read. */
export const EXTRA_KEY_MAPPING: readonly MappingEntry[] = defineOwner('web', 'extra', [
  ['extra-key', '_require_peer_online', 'RtmClient.queryPeersOnlineStatus + LocalInvitation.cancel', 'emulated',
    '1: the shim queries presence first and fires onInviteFailed at once when the peer is offline, sending nothing. 0 (default): if the peer has not received the invitation 20 s after sending, it is cancelled and onInviteFailed fires.'],
  ['extra-key', '_timeout', 'LocalInvitation.cancel (shim timer)', 'emulated',
    'N (0–30) seconds: the invitation is cancelled after N s if still unanswered, then onInviteFailed fires.'],
  ['extra-key', 'destMediaUid', '—', 'unsupported', SIP_HINT],
  ['extra-key', 'srcNum', '—', 'unsupported', SIP_HINT],
]);

const SPECIAL_CHANNEL = 'Special channels do not exist on RTM: joining fails through onChannelJoinFailed with one warning naming the limitation.';

/** The `__agora_*` channels the legacy service served. */
export const SPECIAL_CHANNEL_MAPPING: readonly MappingEntry[] = defineOwner('web', 'channel', [
  ['special-channel', '__agora_user_online', '—', 'unsupported',
    `${SPECIAL_CHANNEL} Follow presence with user_query_user_status (RTM: queryPeersOnlineStatus / subscribePeersOnlineStatus).`],
  ['special-channel', '__agora_channel_event', '—', 'unsupported',
    `${SPECIAL_CHANNEL} Membership events arrive per channel (onChannelUserJoined / onChannelUserLeaved).`],
]);

const NO_EFFECT = 'Accepted and stored as a plain channel attribute; it has no effect on RTM.';

/** The channel attributes the legacy service gave a meaning. */
export const BUILT_IN_ATTRIBUTE_MAPPING: readonly MappingEntry[] = defineOwner('web', 'attribute', [
  ['special-attribute', '_member_num', 'RtmClient.getChannelMemberCount (polled)', 'emulated',
    'While `_auto_update_num` = N > 0, the shim polls getChannelMemberCount every N s and emits onChannelAttrUpdated(\'_member_num\', count, \'update\') when the count changes.'],
  ['special-attribute', '_auto_update_num', 'RtmClient.getChannelMemberCount (polled)', 'emulated',
    'N > 0 starts polling the member count every N s into `_member_num`; 0 stops it.'],
  ['special-attribute', '_userNotification', '—', 'unsupported', NO_EFFECT],
  ['special-attribute', '_channel_ttl', '—', 'unsupported', NO_EFFECT],
  ['special-attribute', '_total_member_num', '—', 'unsupported', NO_EFFECT],
  ['special-attribute', '_auto_update_total_num', '—', 'unsupported', NO_EFFECT],
  ['special-attribute', '_sendmsg_limit', '—', 'unsupported', `${NO_EFFECT} Sends are paced to RTM's own limit instead.`],
  ['special-attribute', '_setattr_limit', '—', 'unsupported', `${NO_EFFECT} Attribute updates are coalesced under RTM's own limit instead.`],
]);

/** Call extra keys, special channels and built-in channel attributes. */
export const RESERVED_NAME_MAPPING: readonly MappingEntry[] = [
  ...EXTRA_KEY_MAPPING,
  ...SPECIAL_CHANNEL_MAPPING,
  ...BUILT_IN_ATTRIBUTE_MAPPING,
];
