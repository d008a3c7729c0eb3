/**
 * RTM 1.x numbers (docs/reference/rtm1-web-sdk.md §1.3, §4) that only FakeRtm needs: they belong to the
 * server side it models, which the 2.x adapter leaves to 2.x.
 */

/** docs/reference/rtm1-web-sdk.md §1.3: MemberJoined / MemberLeft are not sent for channels above 512 members. */
export const MEMBER_EVENTS_MAX_MEMBERS = 512;

/** docs/reference/rtm1-web-sdk.md §4.11: above 512 members the server updates the member count only every 3 s. */
export const LARGE_CHANNEL_COUNT_MS = 3_000;

/** docs/reference/rtm1-web-sdk.md §4.4 / §1.3: remote members see MemberLeft after this long without a connection. */
export const OFFLINE_MEMBER_MS = 30_000;

/** docs/reference/rtm1-web-sdk.md §4.7: the caller resends an invite that got no answer at all after this long. */
export const INVITE_NO_ANSWER_RESEND_MS = 6_000;
