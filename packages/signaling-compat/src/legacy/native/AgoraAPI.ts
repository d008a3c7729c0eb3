import type { AttrOp } from '../../core/AttributeQueue';
import { Engine, type EnginePhase } from '../../core/Engine';
import { accountUid } from '../../core/ids';
import { LegacyCode } from '../../core/legacyCodes';
import { Log } from '../../core/log';
import { resolveOptions, type CompatOptions } from '../../core/options';
import { readProcessDefaults } from '../../core/processDefaults';
import type { QueryResult } from '../../core/Queries';
import { err, toldLater, type Result } from '../../core/result';
import { fireNow, fireToCurrent } from '../dispatch';
import { attributeValue, inviteFailedExtra, legacyReply, nameArg, replyError } from '../reshape';
import { LEGACY_SDK_VERSION_INT } from '../version';
import type { NativeCallback } from './NativeCallback';
import { NativeLogin, type Emit } from './NativeLogin';

/** `getStatus()`: 0 logged out, 1 logging in, 2 logged in, 3 reconnecting (the Web numbering). */
const NATIVE_STATUS: Readonly<Record<EnginePhase, number>> = {
  'logging-in': 1,
  'logged-in': 2,
  reconnecting: 3,
  'logged-out': 0,
  failed: 0,
};

const NOT_LOGGED_IN = 'not logged in';
/** What an operation of an instance with no login yet answers. */
const NO_LOGIN_QUERY: QueryResult = err(LegacyCode.GENERAL_E_NOT_LOGIN, NOT_LOGGED_IN);
const SIP_UNAVAILABLE = 'SIP/PSTN calls (channelInvitePhone*) are not available on RTM';

/** `getInstance(appId)` instances, one per App ID, as the Android/iOS kits kept them. */
const instances = new Map<string, AgoraAPI>();

/**
 * The native flat API (`IAgoraAPI`; docs/reference/server-and-native-api.md §2): one object per app, one handler
 * set with `callbackSet`, and methods that name channels and peers instead of returning objects.
 * Channels are named explicitly, so several may be joined at once (`singleChannel: false`).
 */
export class AgoraAPI {
  #appId: string;
  #options: CompatOptions | undefined;
  #log: Log;
  #handler: NativeCallback | undefined;
  #login: NativeLogin | undefined;

  /** Use `AgoraAPI.getInstance` or `createAgoraSDKInstance`. */
  private constructor(appId: string, options: CompatOptions | undefined) {
    this.#appId = appId;
    this.#options = options;
    this.#log = new Log(this.#resolved().logger, () => false);
  }

  /**
   * The app's instance for `appId`: the same object on every call (Android
   * `AgoraAPIOnlySignal.getInstance(ctx, appId)`), until `destroy()`. No RTM call until `login`.
   * @note compat: the options of the first call are kept; later calls' options are ignored with a warning.
   */
  static getInstance(appId: string, options?: CompatOptions): AgoraAPI {
    const existing = instances.get(appId);
    if (existing) {
      if (options && !sameOptions(options, existing.#options)) {
        existing.#log.warn(`getInstance("${appId}"): an instance exists; its options are kept (use createAgoraSDKInstance for another)`);
      }
      return existing;
    }
    const api = new AgoraAPI(appId, options);
    instances.set(appId, api);
    return api;
  }

  /** A new, independent instance (C++ `createAgoraSDKInstance`). No RTM call until `login`. */
  static createAgoraSDKInstance(appId: string, options?: CompatOptions): AgoraAPI {
    return new AgoraAPI(appId, options);
  }

  #resolved() {
    // Native calls name their channels, so several may be joined unless the app says otherwise.
    return resolveOptions(readProcessDefaults(), { singleChannel: false }, this.#options);
  }

  /**
   * Never synchronous inside the API call that caused it (docs/reference/legacy-web-sdk.md §7.3); the
   * handler is read when the event fires, so `callbackSet` takes effect for pending events too.
   */
  /** The handler object when a deferred callback runs (made once: no closure per callback). */
  #currentHandler = (): NativeCallback | undefined => this.#handler;
  #emit: Emit = (name, ...args) => fireToCurrent(this.#currentHandler, name, args, this.#log);
  #emitNow: Emit = (name, ...args) => fireNow(this.#handler, name, args, this.#log);

  /** Sets the one handler object, replacing the previous one wholesale (docs/reference/legacy-usage.md §2.13). */
  callbackSet(handler: NativeCallback): void {
    this.#handler = handler;
  }

  /** The current handler object. */
  callbackGet(): NativeCallback | undefined {
    return this.#handler;
  }

  /**
   * Logs in: `onLoginSuccess(uid, 0)` or `onLoginFailed(ecode)`. RTM: `createInstance` + `login`.
   * `uid` and `deviceID` are ignored (the uid is the account's hash); `_no_need_token` → no token.
   * @note compat: a login while logging in or logged in is ignored with a warning (log out first, as
   * legacy); a non-empty `appId` argument is used for this login, else the instance's.
   */
  login(appId: string, account: string, token: string, uid?: number, deviceID?: string): void {
    this.#start(appId, account, token, {});
  }

  /**
   * `login` with the legacy reconnect limits: RTM reconnects by itself, and the shim gives up after
   * `retryCount` retries or `retryTimeInS` seconds, whichever comes first, with `onLogout(102)`.
   */
  login2(appId: string, account: string, token: string, uid: number, deviceID: string, retryTimeInS: number, retryCount: number): void {
    this.#start(appId, account, token, { count: Number(retryCount) || undefined, timeSeconds: Number(retryTimeInS) || undefined });
  }

  #start(appId: unknown, account: unknown, token: unknown, reconnect: { count?: number; timeSeconds?: number }): void {
    if (this.#login?.active) {
      this.#log.warn('login: already logging in or logged in; call logout() first');
      return;
    }
    const engine = new Engine({
      appId: typeof appId === 'string' && appId !== '' ? appId : this.#appId,
      account: nameArg(account),
      token,
      options: this.#resolved(),
      log: this.#log,
      reconnect,
    });
    this.#login = new NativeLogin(engine, this.#emit, this.#emitNow);
    engine.start();
  }

  /**
   * `onLogout(101)` once, asynchronously. RTM: `logout()`.
   * @note compat: also while logging in; a second `logout()` does nothing.
   */
  logout(): void {
    this.#login?.logout();
  }

  /** 0 logged out, 1 logging in, 2 logged in, 3 reconnecting. */
  getStatus(): number {
    return this.#login ? NATIVE_STATUS[this.#login.engine.phase] : 0;
  }

  /** 1 when logged in, else 0 (the C++ API returned an int). */
  isOnline(): number {
    return this.getStatus() === 2 ? 1 : 0;
  }

  /** The legacy version number `1010400000`; apps show `charAt(2).charAt(4).charAt(6)` → `1.4.0`. */
  getSdkVersion(): number {
    return LEGACY_SDK_VERSION_INT;
  }

  /** Logs out and releases the instance; `getInstance` then makes a new one. RTM: `logout()`. */
  destroy(): void {
    this.logout();
    if (instances.get(this.#appId) === this) instances.delete(this.#appId);
  }

  /** @note compat: accepted, no effect: RTM manages its own connection. */
  setBackground(background?: unknown): void {}

  /** @note compat: accepted, no effect: RTM manages its own connection. */
  setNetworkStatus(status?: unknown): void {}

  /** @note compat: accepted, no effect: RTM keeps its own connection alive. */
  ping(): void {}

  /** @note compat: accepted, no effect: the RTM client starts at `login`. */
  start(): void {}

  /** @note compat: accepted, no effect: use `logout()` or `destroy()`. */
  stop(): void {}

  // Channels

  /**
   * Joins `channelID`: `onChannelJoined(channelID)`, `onChannelUserList(accounts, uids)` (self
   * included), then one `onChannelAttrUpdated(channelID, name, value, "update")` per attribute; or
   * `onChannelJoinFailed(channelID, ecode)`. RTM: `createChannel` + `join`, `getMembers`,
   * `getChannelAttributes`. Several channels may be joined.
   */
  channelJoin(channelID: string): void {
    const name = nameArg(channelID);
    if (this.#login) this.#login.join(name);
    else this.#emit('onChannelJoinFailed', name, LegacyCode.GENERAL_E_NOT_LOGIN);
  }

  /**
   * Leaves `channelID`: `onChannelLeaved(channelID, 0)`. RTM: `channel.leave()`.
   * @note compat: leaving a channel that was not joined fires `onError("channel_leave", 600, reason)`.
   */
  channelLeave(channelID: string): void {
    const name = nameArg(channelID);
    if (this.#login?.leave(name)) return;
    this.#emit('onError', 'channel_leave', LegacyCode.LEAVECHANNEL_E_OTHER, `not in channel "${name}"`);
  }

  /** `onChannelQueryUserNumResult(channelID, ecode, num)`, ecode 0 on success. RTM: `getChannelMemberCount`. */
  channelQueryUserNum(channelID: string): void {
    void this.#query((engine) => engine.query('channelMemberCount', channelID)).then((result) => {
      if (result.ok) this.#emit('onChannelQueryUserNumResult', channelID, LegacyCode.SUCCESS, Number(result.value.num));
      else this.#emit('onChannelQueryUserNumResult', channelID, LegacyCode.QUERYUSERNUM_E_OTHER, 0);
    });
  }

  /**
   * `onChannelQueryUserIsIn(channelID, account, isIn)` with `isIn` 1/0. RTM: `getMembers`, with a
   * transient join when not in the channel (the members see the brief membership).
   * @note compat: a failure fires `onError("channel_query_userisin", ecode, desc)`.
   */
  channelQueryUserIsIn(channelID: string, account: string): void {
    void this.#query((engine) => engine.query('channelUserIsIn', channelID, account)).then((result) => {
      if (result.ok) this.#emit('onChannelQueryUserIsIn', channelID, account, Number(result.value.isin));
      else this.#error('channel_query_userisin', result);
    });
  }

  /**
   * Sets a channel attribute, joined or not: members get `onChannelAttrUpdated(channelID, name,
   * value, "update")`, the setter once. RTM: `addOrUpdateChannelAttributes` (notify on); `""` deletes.
   * @note compat: a failure fires `onError("channel_set_attr", ecode, desc)`.
   */
  channelSetAttr(channelID: string, name: string, value: string): void {
    this.#channelAttr('channel_set_attr', channelID, { kind: 'set', name: nameArg(name), value: attributeValue(value) });
  }

  /**
   * Deletes a channel attribute (`"del"` for members). RTM: `deleteChannelAttributesByKeys`.
   * @note compat: a failure fires `onError("channel_del_attr", ecode, desc)`.
   */
  channelDelAttr(channelID: string, name: string): void {
    this.#channelAttr('channel_del_attr', channelID, { kind: 'del', name: nameArg(name) });
  }

  /**
   * Clears a channel's attributes (one `"clear"` for members). RTM: `clearChannelAttributes`.
   * @note compat: a failure fires `onError("channel_clear_attr", ecode, desc)`.
   */
  channelClearAttr(channelID: string): void {
    this.#channelAttr('channel_clear_attr', channelID, { kind: 'clear' });
  }

  #channelAttr(request: string, channelID: string, op: AttrOp): void {
    this.#request(request, (engine) => engine.query('channelAttr', channelID, op));
  }

  // Messages

  /**
   * Sends a p2p message: `onMessageSendSuccess(msgID)` once RTM took it, or
   * `onMessageSendError(msgID, ecode)`. `uid` is ignored. RTM: `sendMessageToPeer`.
   */
  messageInstantSend(account: string, uid: number, msg: unknown, msgID: string): void {
    // The core tells `#sent` the result with the msgID: no closure and no `then` per message.
    if (this.#login) void this.#login.engine.sendPeer(nameArg(account), msg, this.#sent, msgID);
    else this.#notSent(msgID);
  }

  /**
   * As `messageInstantSend`.
   * @note compat: the options argument is accepted and has no effect.
   */
  messageInstantSend2(account: string, uid: number, msg: unknown, msgID: string, options?: unknown): void {
    this.messageInstantSend(account, uid, msg, msgID);
  }

  /**
   * Sends to a joined channel: every member, the sender included, gets
   * `onMessageChannelReceive(channelID, account, uid, msg)`; the sender `onMessageSendSuccess(msgID)`
   * or `onMessageSendError(msgID, ecode)`. RTM: `channel.sendMessage`, paced (the sender's copy is
   * the shim's, as RTM never echoes).
   */
  messageChannelSend(channelID: string, msg: unknown, msgID: string): void {
    const name = nameArg(channelID);
    const handle = this.#login?.channel(name);
    if (!handle) {
      // onMessageSendError carries only a code: the reason goes to the log.
      this.#log.warn(`messageChannelSend: not in channel "${name}"`);
      return this.#emit('onMessageSendError', msgID, LegacyCode.SENDMESSAGE_E_OTHER);
    }
    void handle.send(msg, this.#sent, msgID);
  }

  /**
   * Sends to a channel without being in it. RTM cannot: the shim joins it briefly, sends and leaves
   * (`channel.join` + `sendMessage` + `leave`), so the members see a brief membership.
   * @note compat: in a joined channel this is `messageChannelSend`.
   */
  messageChannelSendForce(channelID: string, msg: unknown, msgID: string): void {
    const name = nameArg(channelID);
    if (this.#login) void this.#login.sendToChannel(name, msg).then((result) => this.#sent(result, msgID));
    else this.#notSent(msgID);
  }

  /** `onMessageSendSuccess(msgID)` or `onMessageSendError(msgID, ecode)`; the engine gates the send. */
  #sent = (result: Result, msgID: string): void => {
    if (result.ok) this.#emit('onMessageSendSuccess', msgID);
    else this.#emit('onMessageSendError', msgID, result.code);
  };

  #notSent(msgID: string): void {
    this.#log.warn(`message "${msgID}" not sent: ${NOT_LOGGED_IN}`);
    void toldLater(err(LegacyCode.SENDMESSAGE_E_OTHER, NOT_LOGGED_IN), this.#sent, msgID);
  }

  // User attributes and queries

  /**
   * Sets an attribute of the logged-in user. RTM: `addOrUpdateLocalUserAttributes` (`""` deletes).
   * @note compat: a failure fires `onError("user_set_attr", ecode, desc)`.
   */
  setAttr(name: string, value: string): void {
    this.#request('user_set_attr', (engine) => engine.query('setUserAttr', name, value));
  }

  /** Own attribute → `onUserAttrResult(account, name, value)`. RTM: `getUserAttributesByKeys`. */
  getAttr(name: string): void {
    this.getUserAttr(this.#login?.engine.account ?? '', name);
  }

  /** Own attributes → `onUserAttrAllResult(account, json)`. RTM: `getUserAttributes`. */
  getAttrAll(): void {
    this.getUserAttrAll(this.#login?.engine.account ?? '');
  }

  /**
   * `onUserAttrResult(account, name, value)` (`""` when unset). RTM: `getUserAttributesByKeys`.
   * @note compat: a failure fires `onError("user_get_attr", ecode, desc)`.
   */
  getUserAttr(account: string, name: string): void {
    void this.#query((engine) => engine.query('getUserAttr', account, name)).then((result) => {
      if (result.ok) this.#emit('onUserAttrResult', result.value.account, result.value.name, result.value.value);
      else this.#error('user_get_attr', result);
    });
  }

  /**
   * `onUserAttrAllResult(account, value)` with `value` the JSON object of every attribute. RTM:
   * `getUserAttributes`.
   * @note compat: a failure fires `onError("user_get_attr_all", ecode, desc)`.
   */
  getUserAttrAll(account: string): void {
    void this.#query((engine) => engine.query('getUserAttrAll', account)).then((result) => {
      if (result.ok) this.#emit('onUserAttrAllResult', result.value.account, JSON.stringify(result.value.json));
      else this.#error('user_get_attr_all', result);
    });
  }

  /**
   * `onQueryUserStatusResult(account, "1" | "0")` — a string, as legacy. RTM: `queryPeersOnlineStatus`.
   * A failure fires `onError("query_user_status", ecode, desc)`, as legacy.
   */
  queryUserStatus(account: string): void {
    void this.#query((engine) => engine.query('userStatus', account)).then((result) => {
      if (result.ok) this.#emit('onQueryUserStatusResult', result.value.account, result.value.status === 1 ? '1' : '0');
      else this.#error('query_user_status', result);
    });
  }

  /**
   * `invoke(name, req, callID)` → `onInvokeRet(callID, err, resp)`: `err` `""` and `resp` the JSON
   * reply `{"result":"ok",…}` on success; on failure `err` the reason and `resp`
   * `{"result":"failed","reason":…}`. `req` is JSON text (or an object). The same `io.agora.signal.*`
   * functions as the Web `invoke`.
   * @note compat: a name outside `io.agora.signal.*` gets a failure reply instead of silence.
   */
  invoke(name: string, req: unknown, callID: string): void {
    void this.#query((engine) => engine.query('invoke', name, parseRequest(req))).then((result) => {
      this.#emit('onInvokeRet', callID, replyError(result), JSON.stringify(legacyReply(result)));
    });
  }

  #query(run: (engine: Engine) => Promise<QueryResult>): Promise<QueryResult> {
    const engine = this.#login?.engine;
    return engine ? run(engine) : Promise.resolve(NO_LOGIN_QUERY);
  }

  /** A request whose only callback is `onError(request, ecode, desc)` on failure. */
  #request(request: string, run: (engine: Engine) => Promise<QueryResult>): void {
    void this.#query(run).then((result) => {
      if (!result.ok) this.#error(request, result);
    });
  }

  /** The core's code: 1001, or 1003 when not logged in (docs/reference/server-and-native-api.md §2). */
  #error(request: string, failure: { code: number; reason: string }): void {
    this.#emit('onError', request, failure.code, failure.reason);
  }

  // Calls, identified by channel and account

  /** `channelInviteUser2(channelID, account, "")`; `uid` is ignored. */
  channelInviteUser(channelID: string, account: string, uid?: number): number {
    return this.channelInviteUser2(channelID, account, '');
  }

  /**
   * Calls `account` into `channelID`. `extra` JSON keys `_require_peer_online` and `_timeout` are
   * honoured. Events: `onInviteReceivedByPeer`, `onInviteAcceptedByPeer`, `onInviteRefusedByPeer`,
   * `onInviteFailed(…, ecode, extra)`. RTM: `createLocalInvitation(account)`, `channelId`,
   * `content = extra`, `send()`.
   * @note compat: returns the operation id reported to `onInviteResult` (docs/reference/call-result-callbacks.md); 0 when not logged in.
   */
  channelInviteUser2(channelID: string, account: string, extra?: unknown): number {
    const channel = nameArg(channelID);
    const peer = nameArg(account);
    if (this.#login) return this.#login.invite(channel, peer, extra);
    const failure = { code: LegacyCode.INVITE_E_OTHER, reason: NOT_LOGGED_IN };
    this.#emit('onInviteFailed', channel, peer, 0, failure.code, inviteFailedExtra(failure));
    return 0;
  }

  /**
   * SIP/PSTN call: not available on RTM.
   * @note compat: fails with `onInviteFailed(channelID, phoneNum, 0, 700, extra)` and one warning.
   */
  channelInvitePhone(channelID: string, phoneNum: string, uid?: number): void {
    this.#phoneUnavailable(channelID, phoneNum);
  }

  /** @note compat: as `channelInvitePhone` — fails, with one warning. */
  channelInvitePhone2(channelID: string, phoneNum: string, sourcesNum: string): void {
    this.#phoneUnavailable(channelID, phoneNum);
  }

  /** @note compat: as `channelInvitePhone` — fails, with one warning. */
  channelInvitePhone3(channelID: string, phoneNum: string, sourcesNum: string, extra?: string): void {
    this.#phoneUnavailable(channelID, phoneNum);
  }

  #phoneUnavailable(channelID: string, phoneNum: string): void {
    this.#log.warnOnce('sip', `${SIP_UNAVAILABLE}; the call fails with onInviteFailed`);
    const failure = { code: LegacyCode.INVITE_E_OTHER, reason: SIP_UNAVAILABLE };
    this.#emit('onInviteFailed', String(channelID), String(phoneNum), 0, failure.code, inviteFailedExtra(failure));
  }

  /**
   * Sends DTMF digits to the peer of the call in `channelID`: its `onInviteMsg(…, "dtmf", digits,
   * '{"msgtype":"dtmf","msgdata":…}')`. No RTM counterpart: a reserved peer message (shim peers only).
   */
  channelInviteDTMF(channelID: string, phoneNum: string, dtmf: string): void {
    const call = this.#call(channelID, phoneNum, false);
    if (call) call.dtmf(dtmf);
    else this.#log.warn(`channelInviteDTMF: no call with "${String(phoneNum)}" in channel "${String(channelID)}"`);
  }

  /**
   * Callee: accepts the call from `account` into `channelID`; the caller gets
   * `onInviteAcceptedByPeer(…, extra)`. RTM: `remoteInvitation.response = extra; accept()`.
   * @note compat: returns the operation id reported to `onAcceptInviteResult`; with no such call,
   * 0 and `onError("channel_invite_accept", 700, desc)`.
   */
  channelInviteAccept(channelID: string, account: string, uid?: number, extra?: unknown): number {
    const call = this.#call(channelID, account, true);
    if (call) return call.accept(extra);
    this.#noCall('channel_invite_accept', channelID, account);
    return 0;
  }

  /**
   * Callee: refuses; the caller gets `onInviteRefusedByPeer(…, extra)` verbatim. RTM: `refuse()`.
   * @note compat: returns the operation id reported to `onRejectInviteResult`; with no such call,
   * 0 and `onError("channel_invite_refuse", 700, desc)`.
   */
  channelInviteRefuse(channelID: string, account: string, uid?: number, extra?: unknown): number {
    const call = this.#call(channelID, account, true);
    if (call) return call.refuse(extra);
    this.#noCall('channel_invite_refuse', channelID, account);
    return 0;
  }

  /**
   * Ends the call with `account` in `channelID`, from either side: `onInviteEndByMyself(channelID,
   * account, uid)` synchronously; the peer gets `onInviteEndByPeer`. RTM: `cancel()` before the
   * answer, the END_CALL message after it.
   * @note compat: returns the operation id reported to `onCancelInviteResult`; with no such call,
   * `onInviteEndByMyself` still fires (legacy fired it on every call) and 0 is returned.
   */
  channelInviteEnd(channelID: string, account: string, uid?: number): number {
    const call = this.#call(channelID, account, false);
    if (call) return call.end('');
    const peer = nameArg(account);
    this.#emitNow('onInviteEndByMyself', nameArg(channelID), peer, accountUid(peer));
    return 0;
  }

  #call(channelID: unknown, account: unknown, incoming: boolean) {
    return this.#login?.findCall(nameArg(channelID), nameArg(account), incoming);
  }

  #noCall(request: string, channelID: string, account: string): void {
    this.#emit('onError', request, LegacyCode.INVITE_E_OTHER, `no call from "${account}" in channel "${channelID}"`);
  }
}

/** `createAgoraSDKInstance(appId, options)`: a new, independent instance (C++ factory function). */
export function createAgoraSDKInstance(appId: string, options?: CompatOptions): AgoraAPI {
  return AgoraAPI.createAgoraSDKInstance(appId, options);
}

/** Native `invoke` requests are JSON text; apps porting from Web may pass objects. */
function parseRequest(req: unknown): unknown {
  if (typeof req !== 'string') return req;
  try {
    return JSON.parse(req);
  } catch {
    return {};
  }
}

function sameOptions(a: CompatOptions, b: CompatOptions | undefined): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b ?? {})]);
  return [...keys].every((key) => a[key as keyof CompatOptions] === b?.[key as keyof CompatOptions]);
}
