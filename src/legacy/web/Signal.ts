import { Log } from '../../core/log';
import type { CompatOptions } from '../../core/options';
import { resolveOptions } from '../../core/options';
import { Session } from './Session';

/** The legacy Web SDK's version, which apps print and parse (legacy-web-sdk.md §3). */
export const LEGACY_SDK_VERSION = '1.4.0';
export const LEGACY_SDK_VERSION_INT = 1010400000;

const LOG_LEVELS = { DEBUG: 0, WARNING: 1, INFO: 2 } as const;

let processDefaults: CompatOptions = {};

/**
 * What `Signal(appId)` returns. Several Signal objects, each with several sessions, are independent
 * (legacy-usage.md §3.26).
 */
export class SignalObject {
  readonly appid: string;
  readonly vid: string;
  /** Present once `setDoLog` was called, as in the legacy SDK. */
  isLogging?: unknown;
  loggingLevel?: number;
  #options: CompatOptions | undefined;
  #log: Log;

  constructor(appId?: string, options?: CompatOptions) {
    this.appid = appId as string;
    this.vid = appId as string;
    this.#options = options;
    this.#log = new Log(this.#resolved().logger, () => Boolean(this.isLogging) && this.loggingLevel === 0);
  }

  #resolved() {
    return resolveOptions(processDefaults, this.#options);
  }

  /** `"1.4.0"`, the legacy version string. */
  getSDKVersion(): string {
    return LEGACY_SDK_VERSION;
  }

  /** Undocumented legacy numeric version. */
  getSDKVersion_int(): number {
    return LEGACY_SDK_VERSION_INT;
  }

  /**
   * Legacy `setDoLog(isEnabled = false, level = "DEBUG")`: an unknown level prints the legacy notice
   * and changes nothing; debug output needs `isEnabled` and level DEBUG.
   */
  setDoLog(isEnabled: unknown = false, level: unknown = 'DEBUG'): void {
    if (level && !(typeof level === 'string' && level in LOG_LEVELS)) {
      this.#log.warn('Only accept DEBUG / WARNING / INFO as the log level. The default level is DEBUG.');
      return;
    }
    this.isLogging = isEnabled;
    this.loggingLevel = level ? LOG_LEVELS[level as keyof typeof LOG_LEVELS] : undefined;
  }

  /**
   * Legacy debugging hook that pointed the SDK at other Signaling servers; RTM picks its own servers.
   * @note compat: accepted and ignored, with one warning.
   */
  setup_debugging(kind?: unknown): void {
    this.#log.warnOnce('setup_debugging', `setup_debugging(${String(kind)}) has no effect on RTM`);
  }

  /** Alias of `setup_debugging`, as in the legacy SDK. */
  setUpDebugging(kind?: unknown): void {
    this.setup_debugging(kind);
  }

  /**
   * `login(account, token, reconnect_count, reconnect_time)` → a new Session at once (every call
   * makes an independent session: legacy-web-sdk.md §3). RTM: one `createInstance` + `login` per
   * session. `reconnect_time` is in seconds, as documented.
   */
  login(account: unknown, token?: unknown, reconnectCount?: unknown, reconnectTime?: unknown): Session {
    return new Session({
      appId: this.appid,
      account,
      token,
      options: this.#resolved(),
      log: this.#log,
      reconnect: { count: Number(reconnectCount) || undefined, timeSeconds: Number(reconnectTime) || undefined },
    });
  }
}

/** `Signal(appId, options?)` — callable and constructible, like the legacy factory. */
export interface SignalFactory {
  (appId?: string, options?: CompatOptions): SignalObject;
  new (appId?: string, options?: CompatOptions): SignalObject;
  /**
   * Process-wide default options, so unchanged `Signal(appid)` calls find their backend:
   * `Signal.configure({ rtm })`. Returns the options now in force; with no argument, changes nothing.
   */
  configure(options?: CompatOptions): CompatOptions;
}

function createSignal(appId?: string, options?: CompatOptions): SignalObject {
  return new SignalObject(appId, options);
}

export const Signal = createSignal as unknown as SignalFactory;
Signal.configure = (options?: CompatOptions): CompatOptions => {
  if (options) processDefaults = { ...processDefaults, ...options };
  return { ...processDefaults };
};
