import type { DifferenceKey } from './expectations';

/**
 * The 1.x contract on `fromRtm2(new FakeRtm2())`: where the 2.x adapter differs from RTM 1.x, each
 * with its reason (docs/reference/rtm2-web-sdk.md §5). `RTM2_DIFFERENCES` answers the open
 * questions of `KNOWN_DIFFERENCES` for the adapter (a key left out is expected as on FakeRtm);
 * `RTM2_KNOWN_FAILURES` lists whole cases that cannot pass on 2.x, by test name. A known failure
 * that starts passing fails the run, so this file stays true.
 */

export interface Rtm2Difference {
  value: boolean | 'undetermined';
  reason: string;
}

export const RTM2_DIFFERENCES: Partial<Record<DifferenceKey, Rtm2Difference>> = {
  getMembersIncludesSelf: {
    value: true,
    reason: 'docs/reference/rtm2-web-sdk.md §1.4: getMembers is presence.getOnlineUsers, which lists every member (FakeRtm2: the caller included, Q12).',
  },
  updaterGetsAttributesUpdated: {
    value: true,
    reason: 'docs/reference/rtm2-web-sdk.md §1.8: every withMetadata subscriber gets the storage event, the writer included (FakeRtm2, Q7).',
  },
  userAttributesClearedOnLogout: {
    value: true,
    reason: 'docs/reference/rtm2-web-sdk.md §1.5: 2.x keeps user metadata; the adapter removes what the session wrote before logging out.',
  },
  othersSeeMemberLeftOnRemoteLogin: {
    value: true,
    reason: 'docs/reference/rtm2-web-sdk.md §5 A1: the displaced client unsubscribes its channels from the shared 2.x instance.',
  },
  othersSeeMemberLeftOnLogout: {
    value: true,
    reason: 'docs/reference/rtm2-web-sdk.md §2.4: 2.x logout leaves every channel (REMOTE_LEAVE for the others).',
  },
};

export const RTM2_KNOWN_FAILURES: Readonly<Record<string, string>> = {
  'exposes VERSION and END_CALL_PREFIX':
    "VERSION is the 2.x SDK's (2.3.0): the namespace says what it runs on; END_CALL_PREFIX is 1.x's.",
  'accepts every ID form of the 1.x rule: spaces, punctuation, 64 characters, "NULL"':
    'docs/reference/rtm2-web-sdk.md §2.6: 2.x refuses ".", whitespace other than a space, and a leading "_" in user IDs; login fails with RtmInvalidArgumentError 3.',
  'checks type, peer ID, raw payload and size in that order once logged in':
    'docs/reference/rtm2-web-sdk.md §2.7: a RAW message with a description travels framed under customType rtm1.raw, and 2.x counts customType toward the 32 768 bytes, so one within 12 bytes of the limit fails with RtmLimitExceededError 7.',
  'AttributesUpdated carries the full map, only when asked, only to joined instances':
    'docs/reference/rtm2-web-sdk.md §1.8: 2.x notifies every withMetadata subscriber of every write; enableNotificationToChannelMembers: false cannot be honoured.',
  'subscribe resolves, then reports every subscribed peer once, then only changes':
    '2.x has no online-status subscription: the adapter re-checks subscribed peers every onlineStatusPollMs (10 s), so a change shows at the next check.',
  'others see MemberLeft after 30 s offline, and MemberJoined when it comes back':
    'Members match 1.x (presenceTimeout 30 s), but online status is polled: no UNREACHABLE, and OFFLINE/ONLINE show at the next check.',
};
