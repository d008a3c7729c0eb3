/**
 * Every probe on which FakeRtm is known to differ from agora-rtm-sdk 1.6.0, with the reason.
 * A probe listed here must still differ: once it agrees, the suite fails until the entry is
 * removed, so this file always states the truth. docs/fake.md lists the same differences.
 */

/**
 * One in-page FakeRtm serves every frame of a page (an iframe or a jsdom window loading its own
 * shim), so it takes an ordinary object of any realm as a plain object. The real SDK is loaded
 * once per frame and only ever sees its own frame's objects, which it alone accepts; an app
 * cannot hand it another realm's object without reaching into a different frame.
 */
const CROSS_REALM =
  'A plain object from another realm: the shared in-page fake accepts it (each frame has its own real SDK, which sees only its own realm).';

export const KNOWN_DIFFERENCES: Record<string, string> = {
  'message/peer/connected/cross-realm': CROSS_REALM,
  'message/peer/idle/cross-realm': CROSS_REALM,
  'message/channel/joined/cross-realm': CROSS_REALM,
  'message/channel/idle/cross-realm': CROSS_REALM,
  'message/mutation/cross-realm': CROSS_REALM,
  'attributes/setLocalUserAttributes/connected/cross-realm': CROSS_REALM,
  'attributes/setLocalUserAttributes/idle/cross-realm': CROSS_REALM,
  'attributes/addOrUpdateLocalUserAttributes/connected/cross-realm': CROSS_REALM,
  'attributes/addOrUpdateLocalUserAttributes/idle/cross-realm': CROSS_REALM,
  'attributes/setChannelAttributes/connected/cross-realm': CROSS_REALM,
  'attributes/setChannelAttributes/idle/cross-realm': CROSS_REALM,
  'attributes/addOrUpdateChannelAttributes/connected/cross-realm': CROSS_REALM,
  'attributes/addOrUpdateChannelAttributes/idle/cross-realm': CROSS_REALM,
};
