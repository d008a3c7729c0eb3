/**
 * The entry both the Web and the Server SDK shared: `Signal(appid)` / `new Signal(appid)`. `login`'s
 * third argument picks the dialect (an object: Server, `./server`; a number or nothing: Web, `./web`).
 */
import { Log } from '../core/log';
import type { CompatOptions } from '../core/options';
import { resolveOptions } from '../core/options';
import { configureProcessDefaults, readProcessDefaults } from '../core/processDefaults';
import {
  CallCallback,
  ChannelCallback,
  LoginCallback,
  MessageCallback,
  UserAttrCallback,
  isCallbackObject,
} from './server/callbacks';
import type { LoginSession } from './server/LoginSession';
import { ServerLogins } from './server/ServerLogins';
import { LEGACY_SDK_VERSION, LEGACY_SDK_VERSION_INT } from './version';
import { Session } from './web/Session';

const LOG_LEVELS = { DEBUG: 0, WARNING: 1, INFO: 2 } as const;

/**
 * What `Signal(appId)` returns. Several Signal objects, each with several sessions, are independent
 * (docs/reference/legacy-usage.md §3.26).
 */
export class SignalObject {
  readonly appid: string;
  readonly vid: string;
  /** Present once `setDoLog` was called, as in the legacy SDK. */
  isLogging?: unknown;
  loggingLevel?: number;
  #options: CompatOptions | undefined;
  #log: Log;
  #server: ServerLogins;

  constructor(appId?: string, options?: CompatOptions) {
    this.appid = appId as string;
    this.vid = appId as string;
    this.#options = options;
    this.#log = new Log(this.#resolved().logger, () => Boolean(this.isLogging) && this.loggingLevel === 0);
    this.#server = new ServerLogins(this.#log);
  }

  #resolved() {
    return resolveOptions(readProcessDefaults(), this.#options);
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
   *
   * Server dialect: `login(account, token, callback)` with a LoginCallback object → a new
   * `LoginSession` at once, its events to the callback (docs/reference/server-and-native-api.md §1).
   * @note compat: the Web and Server SDKs were both `new Signal(appid)`; the third argument tells
   * them apart (an object: Server; a number or nothing: Web).
   */
  login(account: unknown, token: unknown, callback: LoginCallback): LoginSession;
  login(account: unknown, token?: unknown, reconnectCount?: number, reconnectTime?: number): Session;
  login(account: unknown, token?: unknown, reconnectCount?: unknown, reconnectTime?: unknown): Session | LoginSession {
    if (isCallbackObject(reconnectCount)) {
      return this.#server.login({ appId: this.appid, account, token, options: this.#resolved(), log: this.#log }, reconnectCount);
    }
    return new Session({
      appId: this.appid,
      account,
      token,
      options: this.#resolved(),
      log: this.#log,
      reconnect: { count: Number(reconnectCount) || undefined, timeSeconds: Number(reconnectTime) || undefined },
    });
  }

  /**
   * Server: sets an attribute of the logged-in user → `cb.onUserSetAttr(err, ret)` with `err` `""`
   * and `ret` `'{"result":"ok","reason":""}'` on success. RTM: `addOrUpdateLocalUserAttributes`.
   * @note compat: acts through this Signal's most recent logged-in Server session; with none,
   * `err` is "not logged in…" and `ret` `{"result":"failed",…}`.
   */
  userSetAttr(name: string, value: string, cb: UserAttrCallback): void {
    this.#server.userSetAttr(name, value, cb);
  }

  /**
   * Server: one attribute of `account` → `cb.onUserGetAttr(err, ret)`, `ret`
   * `'{"result":"ok","account":…,"name":…,"value":…}'`. RTM: `getUserAttributesByKeys`.
   * @note compat: acts through this Signal's most recent logged-in Server session.
   */
  userGetAttr(account: string, name: string, cb: UserAttrCallback): void {
    this.#server.userGetAttr(account, name, cb);
  }

  /**
   * Server: every attribute of `account` → `cb.onUserGetAttrAll(err, ret)`, `ret`
   * `'{"result":"ok","account":…,"json":{…}}'`. RTM: `getUserAttributes`.
   * @note compat: acts through this Signal's most recent logged-in Server session.
   */
  userGetAttrAll(account: string, cb: UserAttrCallback): void {
    this.#server.userGetAttrAll(account, cb);
  }

  /**
   * Server: the member count of a channel → `cb.onChannelQueryUserNum(session, err, num)`. RTM:
   * `getChannelMemberCount`.
   * @note compat: acts through this Signal's most recent logged-in Server session; with none,
   * `onChannelQueryUserNum(null, "not logged in…", 0)`.
   */
  channelQueryUserNum(name: string, cb: ChannelCallback): void {
    this.#server.channelQueryUserNum(name, cb);
  }

  /**
   * Server: the status of this Signal's most recent Server session — 0 logged out, 1 connecting,
   * 2 logged in, 3 login failed, 4 initial (no Server session yet). Derived from RTM's connection state.
   */
  getStatus(): number {
    return this.#server.status();
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
  /** The Server SDK's callback base classes (`new Signal.LoginCallback()`, `extends Signal.LoginCallback`). */
  LoginCallback: typeof LoginCallback;
  ChannelCallback: typeof ChannelCallback;
  CallCallback: typeof CallCallback;
  MessageCallback: typeof MessageCallback;
  UserAttrCallback: typeof UserAttrCallback;
}

function createSignal(appId?: string, options?: CompatOptions): SignalObject {
  return new SignalObject(appId, options);
}

// One pure expression, so a bundler drops the whole shim from an app that imports only a constant
// such as `LegacyCode` (statements assigning to `Signal` would keep it alive).
export const Signal = /* @__PURE__ */ Object.assign(createSignal, {
  configure: configureProcessDefaults,
  LoginCallback,
  ChannelCallback,
  CallCallback,
  MessageCallback,
  UserAttrCallback,
}) as unknown as SignalFactory;
