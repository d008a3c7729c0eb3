import type { Clock } from '../rtm/clock';
import type { RtmConfigLike, RtmNamespaceLike } from '../rtm/types';
import type { Rtm2NamespaceLike } from '../rtm2/types';
import type { BackendAdapter } from './backends';
import { everyBackend } from './everyBackend';
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
  /** Which namespaces this build accepts as the backend, and how they become the 1.x seam. */
  backends: BackendAdapter;
}

/** The options of a login in the package or the full script: RTM 1.x and 2.x backends. */
export function resolveOptions(...layers: Array<CompatOptions | undefined>): ResolvedOptions {
  return resolveOptionsFor(everyBackend, ...layers);
}

/** The options of a login in a build that accepts only the namespaces `backends` accepts. */
export function resolveOptionsFor(backends: BackendAdapter, ...layers: Array<CompatOptions | undefined>): ResolvedOptions {
  const merged: CompatOptions = Object.assign({}, ...layers.filter(Boolean));
  return {
    ...merged,
    backends,
    idCodec: merged.idCodec ?? 'strict',
    singleChannel: merged.singleChannel ?? true,
    echoOwnChannelMessages: merged.echoOwnChannelMessages ?? true,
    peerMessageSuccess: merged.peerMessageSuccess ?? 'accepted',
    transientJoins: merged.transientJoins ?? true,
  };
}

/**
 * Backend resolution order (DESIGN.md): the `rtm` option (already merged over `configure`) →
 * `globalThis.AgoraRTM` (the real SDK loaded by a script tag), made a 1.x seam by the build's
 * `backends` (the 2.x adapter where the build has it).
 */
export function resolveBackend(options: ResolvedOptions): RtmNamespaceLike | undefined {
  if (options.rtm) return options.backends(options.rtm) ?? (options.rtm as RtmNamespaceLike);
  return options.backends((globalThis as { AgoraRTM?: unknown }).AgoraRTM);
}
