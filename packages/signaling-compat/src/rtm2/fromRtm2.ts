import { invalidArgument } from '../rtm/rtm1/errors';
import { TIMEOUTS } from '../rtm/rtm1/limits';
import { isPlainObject, isValidAppId } from '../rtm/rtm1/validation';
import { systemClock, type Clock } from '../rtm/clock';
import type { RtmConfigLike, RtmNamespaceLike } from '../rtm/types';
import { Rtm2Client } from './Rtm2Client';
import type { Rtm2Config, Rtm2NamespaceLike } from './types';

/** Options of the 2.x adapter; every one is optional. */
export interface Rtm2AdapterOptions {
  /**
   * Seconds after which other members see a crashed client leave (2.x `presenceTimeout`, clamped
   * by 2.x to 5…300; default 30, near 1.x's 30 s; 2.x's own default is 300). It is the *departing*
   * client's setting, so every client of an app should use the same value.
   */
  presenceTimeout?: number;
  /** 1.x gave up a login after 12 s; 2.x never does on its own (default 12 000 ms). */
  loginTimeoutMs?: number;
  /** How often subscribed peers' online status is re-checked (default 10 000 ms; 1.x pushed it). */
  onlineStatusPollMs?: number;
  /** Time source of the adapter's timers; default the namespace's `clock`, else the host's timers. */
  clock?: Clock;
  /**
   * Calls per second the adapter lets through to 2.x, by 2.x bucket (`publish`, `subscribe`,
   * `whoNow`, `channelMetaModify`, …); set it when the app changes 2.x's `API_RATE_LIMIT`.
   */
  rateLimits?: Readonly<Record<string, number>>;
}

const END_CALL_PREFIX = 'AgoraRTMLegacyEndcallCompatibleMessagePrefix';
const RTM1_CONFIG_KEYS: ReadonlySet<string> = new Set(['enableLogUpload', 'logFilter', 'enableCloudProxy']);

/** A 2.x namespace: an `RTM` constructor and no `createInstance` (docs/reference/rtm2-web-sdk.md §1.1). */
export function isRtm2Namespace(value: unknown): value is Rtm2NamespaceLike {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const candidate = value as { RTM?: unknown; createInstance?: unknown };
  return typeof candidate.RTM === 'function' && typeof candidate.createInstance !== 'function';
}

/**
 * An RTM 1.x-shaped namespace (`createInstance`, `END_CALL_PREFIX`, `VERSION`) over an
 * agora-rtm-sdk 2.x namespace or `FakeRtm2`: legacy code and RTM 1.x code run on Signaling 2.x.
 * Clients of the same 2.x namespace share one 2.x instance per (App ID, user ID), as 2.x requires.
 */
export function fromRtm2(namespace: Rtm2NamespaceLike, options: Rtm2AdapterOptions = {}): RtmNamespaceLike {
  if (!isRtm2Namespace(namespace)) {
    throw new TypeError('fromRtm2: expected an agora-rtm-sdk 2.x namespace (an object with an RTM constructor)');
  }
  const clock = options.clock ?? namespace.clock ?? systemClock;
  return {
    END_CALL_PREFIX,
    VERSION: namespace.VERSION,
    clock: options.clock ?? namespace.clock,
    /** docs/reference/rtm1-web-sdk.md §1.1: the 1.x App ID and config checks, thrown. */
    createInstance(appId: string, config?: RtmConfigLike) {
      if (!isValidAppId(appId)) throw invalidArgument(1, 'The App ID is not valid');
      if (config !== undefined) {
        if (!isPlainObject(config)) throw invalidArgument(1, 'Invalid RTM config');
        const unknown = Object.keys(config).find((key) => !RTM1_CONFIG_KEYS.has(key));
        if (unknown !== undefined) throw invalidArgument(1, `Invalid RTM config: ${unknown}`);
      }
      return new Rtm2Client({
        namespace,
        appId,
        config: toRtm2Config(config, options),
        clock,
        loginTimeoutMs: options.loginTimeoutMs ?? TIMEOUTS.loginMs,
        onlineStatusPollMs: options.onlineStatusPollMs ?? 10_000,
        endCallPrefix: END_CALL_PREFIX,
        rateLimits: options.rateLimits,
      });
    },
  };
}

/** 1.x config → 2.x `RTMConfig` (docs/reference/rtm2-web-sdk.md §1.2); 2.x fixes these at construction. */
function toRtm2Config(config: RtmConfigLike | undefined, options: Rtm2AdapterOptions): Rtm2Config {
  const result: Rtm2Config = { presenceTimeout: options.presenceTimeout ?? 30 };
  if (config?.enableLogUpload !== undefined) result.logUpload = config.enableLogUpload;
  if (config?.enableCloudProxy !== undefined) result.cloudProxy = config.enableCloudProxy;
  return result;
}
