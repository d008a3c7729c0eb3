import type { Clock } from '../rtm/clock';
import type { RtmConfigLike, RtmNamespaceLike } from '../rtm/types';
import { fromRtm2, isRtm2Namespace } from '../rtm2/fromRtm2';
import type { Rtm2NamespaceLike } from '../rtm2/types';
import type { IdCodecName } from './ids';

/** Where the shim writes what it has to say. Any subset of `console` works. */
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

/** Supplies an RTM token for an account, at login and whenever RTM says the token will expire. */
export type TokenProvider = (account: string) => string | undefined | Promise<string | undefined>;

/**
 * Options of `Signal(appId, options)`, `Signal.configure(options)`, `new Signal(appId, options)` and
 * `AgoraAPI.getInstance(appId, options)`. Every option is optional.
 */
export interface CompatOptions {
  /**
   * The RTM backend: agora-rtm-sdk 1.x's `AgoraRTM` namespace or a `FakeRtm`, or agora-rtm-sdk
   * 2.x's namespace or a `FakeRtm2` (run through `fromRtm2`).
   */
  rtm?: RtmNamespaceLike | Rtm2NamespaceLike;
  /** Passed to `createInstance(appId, rtmConfig)`. */
  rtmConfig?: RtmConfigLike;
  /** Supplies RTM tokens; legacy Signaling tokens are never sent to RTM. */
  tokenProvider?: TokenProvider;
  /** `'strict'` (default): names outside RTM's ID rule fail; `'escape'`: a reversible escaping. */
  idCodec?: IdCodecName;
  /** Legacy Web/Server sessions are in one channel at a time (default `true`). */
  singleChannel?: boolean;
  /** Deliver the sender's own channel messages back to it, as legacy Signaling did (default `true`). */
  echoOwnChannelMessages?: boolean;
  /** `'accepted'` (default): a p2p send succeeds when RTM took it; `'delivered'`: only when the peer got it. */
  peerMessageSuccess?: 'accepted' | 'delivered';
  /** Join a channel briefly for queries/sends about channels the session is not in (default `true`). */
  transientJoins?: boolean;
  /** Where warnings and (with `setDoLog(true)`) debug output go; default `console`. */
  logger?: Logger;
  /** Time source for the shim's timers; default the backend's `clock`, else the host's timers. */
  clock?: Clock;
}

/** Options with defaults applied (backend and clock are resolved at login). */
export interface ResolvedOptions extends CompatOptions {
  idCodec: IdCodecName;
  singleChannel: boolean;
  echoOwnChannelMessages: boolean;
  peerMessageSuccess: 'accepted' | 'delivered';
  transientJoins: boolean;
}

export function resolveOptions(...layers: Array<CompatOptions | undefined>): ResolvedOptions {
  const merged: CompatOptions = Object.assign({}, ...layers.filter(Boolean));
  return {
    ...merged,
    idCodec: merged.idCodec ?? 'strict',
    singleChannel: merged.singleChannel ?? true,
    echoOwnChannelMessages: merged.echoOwnChannelMessages ?? true,
    peerMessageSuccess: merged.peerMessageSuccess ?? 'accepted',
    transientJoins: merged.transientJoins ?? true,
  };
}

/**
 * Backend resolution order (DESIGN.md): the `rtm` option (already merged over `configure`) →
 * `globalThis.AgoraRTM` (the real SDK loaded by a script tag). A 2.x namespace (an `RTM`
 * constructor, no `createInstance`) is accepted wherever a 1.x one is, through `fromRtm2`.
 */
export function resolveBackend(options: CompatOptions): RtmNamespaceLike | undefined {
  if (options.rtm) return asRtm1(options.rtm) ?? (options.rtm as RtmNamespaceLike);
  return asRtm1((globalThis as { AgoraRTM?: unknown }).AgoraRTM);
}

/** One adapter per 2.x namespace, so every login on it shares the adapter's options and clock. */
const ADAPTED = new WeakMap<Rtm2NamespaceLike, RtmNamespaceLike>();

function asRtm1(candidate: unknown): RtmNamespaceLike | undefined {
  if (isRtm2Namespace(candidate)) {
    let adapted = ADAPTED.get(candidate);
    if (!adapted) ADAPTED.set(candidate, (adapted = fromRtm2(candidate)));
    return adapted;
  }
  const rtm1 = candidate as Partial<RtmNamespaceLike> | undefined;
  return rtm1 && typeof rtm1.createInstance === 'function' ? (rtm1 as RtmNamespaceLike) : undefined;
}
