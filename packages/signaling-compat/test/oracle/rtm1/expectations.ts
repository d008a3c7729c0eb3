/**
 * Every probe on which FakeRtm is known to differ from agora-rtm-sdk 1.6.0, with the reason.
 * A probe listed here must still differ: once it agrees, the suite fails until the entry is
 * removed, so this file always states the truth (docs/fake.md lists the same differences).
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {};
