/**
 * The entry both the Web and the Server SDK shared: `Signal(appid)` / `new Signal(appid)`. `login`'s
 * third argument picks the dialect (an object: Server, `./server`; a number or nothing: Web, `./web`).
 */
import type { CompatOptions } from '../core/options';
import { configureProcessDefaults } from '../core/processDefaults';
import { everyBackend } from '../core/everyBackend';
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
import type { Session } from './web/Session';
import { WebSignalObject, type LoginContext } from './web/Signal';

/**
 * What `Signal(appId)` returns: the Web dialect's Signal object (`./web/Signal.ts`) with the Server
 * dialect's `login(account, token, callback)` and user-attribute and channel queries. Several Signal
 * objects, each with several sessions, are independent (docs/reference/legacy-usage.md §3.26).
 */
export class SignalObject extends WebSignalObject {
  #context: LoginContext;
  #server: ServerLogins;

  constructor(appId?: string, options?: CompatOptions) {
    let context!: LoginContext;
    super(appId, options, everyBackend, (shared) => {
      context = shared;
    });
    this.#context = context;
    this.#server = new ServerLogins(context.log);
  }

  /**
   * Web dialect: `login(account, token, reconnect_count, reconnect_time)` → a new Session at once
   * (`WebSignalObject.login`).
   *
   * Server dialect: `login(account, token, callback)` with a LoginCallback object → a new
   * `LoginSession` at once, its events to the callback (docs/reference/server-and-native-api.md §1).
   * @note compat: the Web and Server SDKs were both `new Signal(appid)`; the third argument tells
   * them apart (an object: Server; a number or nothing: Web).
   */
  override login(account: unknown, token: unknown, callback: LoginCallback): LoginSession;
  override login(account: unknown, token?: unknown, reconnectCount?: number, reconnectTime?: number): Session;
  override login(account: unknown, token?: unknown, reconnectCount?: unknown, reconnectTime?: unknown): Session | LoginSession {
    if (isCallbackObject(reconnectCount)) {
      const { log, options } = this.#context;
      return this.#server.login({ appId: this.appid, account, token, options: options(), log }, reconnectCount);
    }
    return super.login(account, token, reconnectCount, reconnectTime);
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
