/**
 * The Web SDK's `Signal(appid)` object (docs/reference/legacy-web-sdk.md §3): the SDK version,
 * `setDoLog`, `setup_debugging` and `login`, which makes a Web `Session`. The package's `Signal`
 * (`../Signal.ts`) extends it with the Server dialect; the Web-only script uses it alone.
 */
import { rtm1Backends, type BackendAdapter } from '../../core/backends';
import { Log } from '../../core/log';
import { resolveOptionsFor, type CompatOptions, type ResolvedOptions } from '../../core/options';
import { configureProcessDefaults, readProcessDefaults } from '../../core/processDefaults';
import { LEGACY_SDK_VERSION, LEGACY_SDK_VERSION_INT } from '../version';
import { Session } from './Session';

const LOG_LEVELS = { DEBUG: 0, WARNING: 1, INFO: 2 } as const;

/** What a dialect built on this object needs to log in: the log and the options in force. */
export interface LoginContext {
  log: Log;
  options(): ResolvedOptions;
}

/**
 * What `Signal(appId)` returns in the Web dialect. Several Signal objects, each with several
 * sessions, are independent (docs/reference/legacy-usage.md §3.26).
 */
export class WebSignalObject {
  readonly appid: string;
  readonly vid: string;
  /** Present once `setDoLog` was called, as in the legacy SDK. */
  isLogging?: unknown;
  loggingLevel?: number;
  #options: CompatOptions | undefined;
  #backends: BackendAdapter;
  #log: Log;

  /**
   * Only the `Signal` factories construct it: `backends` is what their build accepts as RTM, and
   * `share` hands a subclass the login context without putting it on the object.
   */
  constructor(appId: string | undefined, options: CompatOptions | undefined, backends: BackendAdapter, share?: (context: LoginContext) => void) {
    this.appid = appId as string;
    this.vid = appId as string;
    this.#options = options;
    this.#backends = backends;
    this.#log = new Log(this.#resolved().logger, () => Boolean(this.isLogging) && this.loggingLevel === 0);
    share?.({ log: this.#log, options: () => this.#resolved() });
  }

  #resolved(): ResolvedOptions {
    return resolveOptionsFor(this.#backends, readProcessDefaults(), this.#options);
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
   * makes an independent session: docs/reference/legacy-web-sdk.md §3). RTM: one `createInstance` + `login` per
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

/** The Web-only `Signal(appId, options?)`: callable and constructible, like the legacy factory. */
export interface WebSignalFactory {
  (appId?: string, options?: CompatOptions): WebSignalObject;
  new (appId?: string, options?: CompatOptions): WebSignalObject;
  /**
   * Process-wide default options, so unchanged `Signal(appid)` calls find their backend:
   * `Signal.configure({ rtm })`. Returns the options now in force; with no argument, changes nothing.
   */
  configure(options?: CompatOptions): CompatOptions;
}

function createWebSignal(appId?: string, options?: CompatOptions): WebSignalObject {
  return new WebSignalObject(appId, options, rtm1Backends);
}

/** The Web-only script's `Signal`: the Web dialect on agora-rtm-sdk 1.x (or `FakeRtm`). */
export const WebSignal = /* @__PURE__ */ Object.assign(createWebSignal, {
  configure: configureProcessDefaults,
}) as unknown as WebSignalFactory;
