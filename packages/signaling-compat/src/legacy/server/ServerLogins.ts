import { Engine, type EngineInit } from '../../core/Engine';
import { legacyString } from '../../core/ids';
import { InOrder } from '../../core/InOrder';
import { LegacyCode } from '../../core/legacyCodes';
import type { Log } from '../../core/log';
import type { QueryResult } from '../../core/Queries';
import { err } from '../../core/result';
import { fire } from '../dispatch';
import { legacyReply, replyError, type LegacyReply } from '../reshape';
import { isCallbackObject, type ChannelCallback, type LoginCallback, type UserAttrCallback, type UserAttrReply } from './callbacks';
import { LoginSession, SERVER_STATUS } from './LoginSession';

/** Server `getStatus()` of a Signal that has no Server session yet. */
const STATUS_INITIAL = 4;

/**
 * The Java SDK's `JSONObject ret` (docs/reference/server-and-native-api.md §1, `UserAttrCallback`): the reply's fields as properties
 * (`ret.result`, `ret.value`, `ret.json.role`), a fresh object per callback. Its `toString()` is the
 * JSON text, so code that treated `ret` as a string (`JSON.parse(ret)`, `'' + ret`) still works.
 */
function jsonObject(reply: LegacyReply): UserAttrReply {
  const ret = JSON.parse(JSON.stringify(reply)) as UserAttrReply;
  const text = JSON.stringify(reply);
  Object.defineProperty(ret, 'toString', { value: () => text, enumerable: false });
  return ret;
}

const NO_SESSION: QueryResult = err(LegacyCode.GENERAL_E_NOT_LOGIN, 'not logged in: this Signal has no logged-in session');

/**
 * The Server-dialect side of one `Signal` object: its `LoginSession`s, and the Signal-level
 * `userSetAttr` / `userGetAttr` / `userGetAttrAll` / `channelQueryUserNum` / `getStatus`, which the
 * Server SDK put on `Signal` although they need a login.
 *
 * @note compat: the Signal-level queries act through the Signal's most recent logged-in session;
 * with none they fail through their callback (`err` "not logged in").
 */
export class ServerLogins {
  #log: Log;
  /** Sessions in login order, with their engines; ended sessions are dropped, except the latest. */
  #logins: Array<{ session: LoginSession; engine: Engine }> = [];
  /**
   * Signal-level answers in the order the calls were made, a "not logged in" included (each engine
   * orders its own; this orders them across sessions).
   */
  #answers = new InOrder();

  constructor(log: Log) {
    this.#log = log;
  }

  /** `login(account, token, callback)` → a new LoginSession at once (several may coexist). */
  login(init: Omit<EngineInit, 'account'> & { account: unknown }, callback: LoginCallback): LoginSession {
    const account = legacyString(init.account);
    const engine = new Engine({ ...init, account: account ?? '' });
    const session = new LoginSession(engine, isCallbackObject(callback) ? callback : {});
    this.#logins = this.#logins.filter((l) => l.engine.phase !== 'logged-out' && l.engine.phase !== 'failed');
    this.#logins.push({ session, engine });
    engine.start();
    return session;
  }

  /** The status of the most recent session: 0 logged out, 1 connecting, 2 logged in, 3 login failed, 4 none yet. */
  status(): number {
    const latest = this.#logins[this.#logins.length - 1];
    return latest ? SERVER_STATUS[latest.engine.phase] : STATUS_INITIAL;
  }

  #current(): { session: LoginSession; engine: Engine } | undefined {
    for (let i = this.#logins.length - 1; i >= 0; i--) if (this.#logins[i]!.engine.phase === 'logged-in') return this.#logins[i];
    return undefined;
  }

  #answer(cb: UserAttrCallback, name: keyof UserAttrCallback, run: (engine: Engine) => Promise<QueryResult>): void {
    const current = this.#current();
    void this.#answers.next(current ? run(current.engine) : Promise.resolve(NO_SESSION)).then((result) => {
      if (isCallbackObject(cb)) fire(cb, name, [replyError(result), jsonObject(legacyReply(result))], this.#log);
    });
  }

  userSetAttr(name: unknown, value: unknown, cb: UserAttrCallback): void {
    this.#answer(cb, 'onUserSetAttr', (engine) => engine.query('setUserAttr', name, value));
  }

  userGetAttr(account: unknown, name: unknown, cb: UserAttrCallback): void {
    this.#answer(cb, 'onUserGetAttr', (engine) => engine.query('getUserAttr', account, name));
  }

  userGetAttrAll(account: unknown, cb: UserAttrCallback): void {
    this.#answer(cb, 'onUserGetAttrAll', (engine) => engine.query('getUserAttrAll', account));
  }

  channelQueryUserNum(name: unknown, cb: ChannelCallback): void {
    const current = this.#current();
    void this.#answers.next(current ? current.engine.query('channelMemberCount', name) : Promise.resolve(NO_SESSION)).then((result) => {
      if (!isCallbackObject(cb)) return;
      const args = result.ok ? ['', Number(result.value.num)] : [result.reason, 0];
      // `onChannelQueryUserNumResult` when the app spelled it so (the dispatch alias table).
      fire(cb, 'onChannelQueryUserNum', [current?.session ?? null, ...args], this.#log);
    });
  }
}
