import type { AttrOp } from './AttributeQueue';
import type { Channels } from './Channels';
import type { EngineContext } from './context';
import { accountUid, legacyString } from './ids';
import { attributeValue } from './legacyValues';
import { LegacyCode, describeRtmError } from './legacyCodes';
import { err, ok, type Result } from './result';
import { INVOKE_PREFIX } from '../mapping/invokePrefix';
import { StatusBatcher } from './StatusBatcher';
import { safeText } from './untrusted';

/**
 * A successful legacy RPC reply, `{result: 'ok', …fields}` (docs/reference/legacy-web-sdk.md §6); a
 * failed one is the failure of its `Result`, whose reason the dialects put into `{result: 'failed', reason}`.
 */
export type QueryReply = { result: 'ok'; [field: string]: unknown };

export type QueryResult = Result<QueryReply>;

/** The queries a dialect may ask its Engine for (`Engine.query`). */
export type QueryName =
  | 'invoke'
  | 'userStatus'
  | 'setUserAttr'
  | 'getUserAttr'
  | 'getUserAttrAll'
  | 'channelMemberCount'
  | 'channelUserIsIn'
  | 'channelAttr';



/**
 * The legacy query and user-attribute RPCs on RTM (docs/reference/mapping-decisions.md, "User attributes and
 * `invoke`"). Every dialect's queries land here: Web `invoke`, Server `userGetAttr` & co., native
 * `getAttr`, `queryUserStatus`, `channelQueryUserNum`, `invoke`.
 */
export class Queries {
  #ctx: EngineContext;
  #channels: Channels;
  #status: StatusBatcher;
  /** Queries waiting for RTM. */
  #running = 0;
  /** The user attributes this login set, as RTM confirmed them (made at the first write). */
  #own: Map<string, string> | undefined;

  constructor(ctx: EngineContext, channels: Channels) {
    this.#ctx = ctx;
    this.#channels = channels;
    this.#status = new StatusBatcher(ctx);
  }

  /**
   * After an RTM logout and login the app does not see (a token expiry's, or the one that clears a
   * failed join): RTM 1.x dropped the user's attributes at its logout, so the ones this login set
   * are set again. Never rejects; a failure goes to the log.
   */
  async restoreOwnAttributes(): Promise<void> {
    if (!this.#own || this.#own.size === 0) return;
    try {
      await this.#ctx.client.setLocalUserAttributes(Object.fromEntries(this.#own));
    } catch (error) {
      this.#ctx.log.warn(`user attributes could not be set again after the re-login: ${describeRtmError(error)}`);
    }
  }

  /**
   * `invoke(func, args)`: only `io.agora.signal.*` names; unknown names get a failure reply, and
   * arguments that cannot be read (a throwing getter or Proxy) a failure reply too, never a rejection.
   */
  async invoke(func: unknown, args: unknown): Promise<QueryResult> {
    try {
      return await this.#invoke(func, args);
    } catch (error) {
      return this.#failed(`the invoke arguments cannot be read: ${describeRtmError(error)}`);
    }
  }

  #invoke(func: unknown, args: unknown): Promise<QueryResult> {
    if (typeof func !== 'string' || !func.startsWith(INVOKE_PREFIX)) {
      return Promise.resolve(this.#failed(`unknown invoke function "${safeText(func)}": only ${INVOKE_PREFIX}* functions exist`));
    }
    const name = func.split('.')[3] ?? '';
    const a = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
    switch (name) {
      case 'user_query_user_status':
        return this.userStatus(a.account);
      case 'user_set_attr':
        return this.setUserAttr(a.name, a.value);
      case 'user_get_attr':
        return this.getUserAttr(a.account, a.name);
      case 'user_get_attr_all':
        return this.getUserAttrAll(a.account);
      case 'channel_query_num':
        return this.channelMemberCount(a.name);
      case 'channel_query_user_isin':
        return this.channelUserIsIn(a.name, a.account);
      case 'channel_query_userlist':
      case 'channel_query_userlist_all':
        return this.channelUserList(a.name);
      case 'channel_set_attr':
        return this.channelAttr(a.channel, { kind: 'set', name: String(a.name ?? ''), value: attributeValue(a.value) });
      case 'channel_del_attr':
        return this.channelAttr(a.channel, { kind: 'del', name: String(a.name ?? '') });
      case 'channel_clear_attr':
        return this.channelAttr(a.channel, { kind: 'clear' });
      default:
        return Promise.resolve(this.#failed(`invoke function "${func}" has no RTM counterpart`));
    }
  }

  /** A legacy name argument and its RTM ID, or the failed query it makes. */
  #id(value: unknown, what: string): Result<{ id: string; legacy: string }> {
    const legacy = legacyString(value);
    if (legacy === undefined) return this.#failed(`${what} is missing`);
    const encoded = this.#ctx.codec.encode(legacy);
    return 'id' in encoded ? ok({ id: encoded.id, legacy }) : this.#failed(encoded.why);
  }

  async #guard(run: () => Promise<QueryResult>): Promise<QueryResult> {
    if (!this.#ctx.connected()) return this.#failed('not logged in');
    this.#running++;
    try {
      return await run();
    } catch (error) {
      return this.#failed(describeRtmError(error));
    } finally {
      this.#running--;
    }
  }

  /**
   * A failed query: 1001, or 1003 when the login is not logged in by the time it answers (the native
   * `onError(name, ecode, desc)` reports the difference; docs/reference/server-and-native-api.md §2).
   */
  #failed<T = QueryReply>(reason: string): Result<T> {
    return err(this.#ctx.connected() ? LegacyCode.GENERAL_E_FAILED : LegacyCode.GENERAL_E_NOT_LOGIN, reason);
  }

  /** `#guard` for a query about a legacy name, run with its RTM ID; a name with none fails at once. */
  #withId(
    value: unknown,
    what: string,
    run: (target: { id: string; legacy: string }) => Promise<QueryResult>,
  ): Promise<QueryResult> {
    const target = this.#id(value, what);
    return target.ok ? this.#guard(() => run(target.value)) : Promise.resolve(target);
  }

  get busy(): boolean {
    return this.#running > 0;
  }

  // Answers are read from RTM's results by type (`=== true`, a string, a number): a name such as
  // `constructor` or `__proto__` then cannot read Object.prototype's entry (an offline `__proto__`
  // reported online, a function as an attribute value).

  userStatus(account: unknown): Promise<QueryResult> {
    return this.#withId(account, 'account', async (target) => {
      const online = await this.#status.query(target.id);
      return ok<QueryReply>({ result: 'ok', account: target.legacy, status: online[target.id] === true ? 1 : 0 });
    });
  }

  setUserAttr(name: unknown, value: unknown): Promise<QueryResult> {
    const key = legacyString(name) ?? '';
    const text = attributeValue(value);
    return this.#guard(async () => {
      // RTM rejects empty values: setting "" removes the attribute.
      const own = (this.#own ??= new Map());
      if (text === '') {
        await this.#ctx.client.deleteLocalUserAttributesByKeys([key]);
        own.delete(key);
      } else {
        await this.#ctx.client.addOrUpdateLocalUserAttributes({ [key]: text });
        own.set(key, text);
      }
      return ok<QueryReply>({ result: 'ok', reason: '' });
    });
  }

  getUserAttr(account: unknown, name: unknown): Promise<QueryResult> {
    const key = legacyString(name) ?? '';
    return this.#withId(account, 'account', async (target) => {
      const attrs = await this.#ctx.client.getUserAttributesByKeys(target.id, [key]);
      const value: unknown = attrs[key];
      return ok<QueryReply>({ result: 'ok', account: target.legacy, name: key, value: typeof value === 'string' ? value : '' });
    });
  }

  getUserAttrAll(account: unknown): Promise<QueryResult> {
    return this.#withId(account, 'account', async (target) => {
      const attrs = await this.#ctx.client.getUserAttributes(target.id);
      return ok<QueryReply>({ result: 'ok', account: target.legacy, json: { ...attrs } });
    });
  }

  channelMemberCount(name: unknown): Promise<QueryResult> {
    return this.#withId(name, 'channel name', async (channel) => {
      const counts = await this.#ctx.client.getChannelMemberCount([channel.id]);
      const num: unknown = counts[channel.id];
      return ok<QueryReply>({ result: 'ok', name: channel.legacy, num: typeof num === 'number' ? num : 0 });
    });
  }

  channelUserIsIn(name: unknown, account: unknown): Promise<QueryResult> {
    const who = legacyString(account) ?? '';
    return this.#withId(name, 'channel name', async (channel) => {
      const members = await this.#channels.members(channel.id);
      if (!members.ok) return this.#failed(members.reason);
      return ok<QueryReply>({ result: 'ok', name: channel.legacy, account: who, isin: members.value.includes(who) ? 1 : 0 });
    });
  }

  channelUserList(name: unknown): Promise<QueryResult> {
    return this.#withId(name, 'channel name', async (channel) => {
      const members = await this.#channels.members(channel.id);
      if (!members.ok) return this.#failed(members.reason);
      const list = members.value.map((account) => [account, accountUid(account)]);
      return ok<QueryReply>({ result: 'ok', name: channel.legacy, num: list.length, list });
    });
  }

  /** `channel_set_attr` & co.: channel attributes by name, joined or not (no join needed on RTM). */
  channelAttr(channel: unknown, op: AttrOp): Promise<QueryResult> {
    const name = legacyString(channel);
    if (name === undefined) return Promise.resolve(this.#failed('channel is missing'));
    return this.#guard(async () => {
      const outcome = await this.#channels.updateAttributes(name, op);
      return outcome.ok ? ok<QueryReply>({ result: 'ok' }) : this.#failed(outcome.reason);
    });
  }
}

