import type { RtmNamespaceLike } from '../rtm/types';

/**
 * Turns the namespace named as the backend (the `rtm` option, else `window.AgoraRTM`) into the RTM
 * 1.x-shaped seam the core runs on, or `undefined` when it is no RTM namespace at all. Which
 * namespaces a build accepts is chosen by its entry: the package and the full script accept 1.x and
 * 2.x (`everyBackend.ts`); the Web-only script accepts 1.x alone, so it carries no 2.x adapter.
 */
export interface BackendAdapter {
  (candidate: unknown): RtmNamespaceLike | undefined;
  /** The backends it accepts, for the reason a login with none configured fails with. */
  readonly accepts: string;
}

/** An agora-rtm-sdk 1.x-shaped namespace (`createInstance`), such as `FakeRtm`, as it is. */
export function asRtm1Namespace(candidate: unknown): RtmNamespaceLike | undefined {
  const rtm1 = candidate as Partial<RtmNamespaceLike> | null | undefined;
  return rtm1 && typeof rtm1.createInstance === 'function' ? (rtm1 as RtmNamespaceLike) : undefined;
}

/** Why the Web-only script cannot log in on agora-rtm-sdk 2.x (or `FakeRtm2`). */
export const RTM2_NEEDS_FULL_SCRIPT =
  'agora-rtm-sdk 2.x needs signaling-compat.global.js (every dialect, RTM 1.x and 2.x); ' +
  'signaling-compat-web.global.js runs on agora-rtm-sdk 1.x only';

/**
 * The Web-only script's backends: 1.x namespaces as they are. A 2.x namespace (an `RTM`
 * constructor, docs/reference/rtm2-web-sdk.md §1.1) becomes one whose `createInstance` throws, so
 * login ends through the legacy failure path (`onLoginFailed`) with a reason naming the full script.
 */
export const rtm1Backends: BackendAdapter = /* @__PURE__ */ Object.assign(
  (candidate: unknown): RtmNamespaceLike | undefined => {
    const rtm1 = asRtm1Namespace(candidate);
    if (rtm1 || typeof (candidate as { RTM?: unknown } | null | undefined)?.RTM !== 'function') return rtm1;
    return {
      END_CALL_PREFIX: '',
      VERSION: '',
      createInstance() {
        throw new Error(RTM2_NEEDS_FULL_SCRIPT);
      },
    };
  },
  { accepts: "agora-rtm-sdk 1.x's AgoraRTM or a FakeRtm" },
);
