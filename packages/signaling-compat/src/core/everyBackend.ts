import type { RtmNamespaceLike } from '../rtm/types';
import { fromRtm2, isRtm2Namespace } from '../rtm2/fromRtm2';
import type { Rtm2NamespaceLike } from '../rtm2/types';
import { asRtm1Namespace, type BackendAdapter } from './backends';

/** One adapter per 2.x namespace, so every login on it shares the adapter's options and clock. */
const ADAPTED = new WeakMap<Rtm2NamespaceLike, RtmNamespaceLike>();

/**
 * The package's and the full script's backends: a 1.x namespace as it is, a 2.x one (an `RTM`
 * constructor, no `createInstance`) through `fromRtm2`.
 */
export const everyBackend: BackendAdapter = /* @__PURE__ */ Object.assign(
  (candidate: unknown): RtmNamespaceLike | undefined => {
    if (!isRtm2Namespace(candidate)) return asRtm1Namespace(candidate);
    let adapted = ADAPTED.get(candidate);
    if (!adapted) ADAPTED.set(candidate, (adapted = fromRtm2(candidate)));
    return adapted;
  },
  { accepts: "agora-rtm-sdk's AgoraRTM, 1.x or 2.x, or new FakeRtm() / new FakeRtm2() from 'signaling-compat/fake'" },
);
