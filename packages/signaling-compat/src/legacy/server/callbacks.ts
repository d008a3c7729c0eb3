/**
 * The Server (Java) SDK's callback objects (docs/reference/server-and-native-api.md §1, docs/reference/legacy-server-sdk.md).
 *
 * Each callback set is an interface of optional handlers, so a plain object literal works, and a
 * base class with no-op methods (`Signal.LoginCallback` & co.), so code ported from Java can
 * `extends Signal.LoginCallback` and call `super.onLoginSuccess(session, uid)` (docs/reference/legacy-usage.md
 * §2.12). Handlers are looked up when an event fires and called as methods of their object.
 */
import type { InvitationResultCallbacks } from '../invitationResults';
import type { Call } from './Call';
import type { Channel } from './Channel';
import type { LoginSession } from './LoginSession';

/** `Signal.CallCallback`: the events of one call, plus the opt-in operation results of docs/reference/call-result-callbacks.md. */
export interface CallCallback extends InvitationResultCallbacks {
  onInviteReceivedByPeer?(session: LoginSession, call: Call): void;
  onInviteAcceptedByPeer?(session: LoginSession, call: Call, extra: string): void;
  onInviteRefusedByPeer?(session: LoginSession, call: Call, extra: string): void;
  /** `ecode`: 703 peer offline, 704 timeout / no answer, 700 other. */
  onInviteFailed?(session: LoginSession, call: Call, ecode: number): void;
  onInviteEndByPeer?(session: LoginSession, call: Call, extra: string): void;
  /** Fired synchronously inside `channelInviteEnd`, as legacy. */
  onInviteEndByMyself?(session: LoginSession, call: Call, extra: string): void;
  /** A DTMF message: `'{"msgtype":"dtmf","msgdata":…}'`. */
  onInviteMsg?(session: LoginSession, call: Call, extra: string): void;
}

/** `Signal.ChannelCallback`: the events of one joined channel. */
export interface ChannelCallback {
  onChannelJoined?(session: LoginSession, channel: Channel): void;
  onChannelJoinFailed?(session: LoginSession, channel: Channel, ecode: number): void;
  onChannelLeaved?(session: LoginSession, channel: Channel, ecode: number): void;
  onChannelUserJoined?(session: LoginSession, channel: Channel, account: string, uid: number): void;
  onChannelUserLeaved?(session: LoginSession, channel: Channel, account: string, uid: number): void;
  /** Self included, the latest 200 members. */
  onChannelUserList?(session: LoginSession, channel: Channel, users: string[], uids: number[]): void;
  /** `type`: `"update"`, `"del"` or `"clear"`. */
  onChannelAttrUpdated?(session: LoginSession, channel: Channel, name: string, value: string, type: string): void;
  /** The result of `Signal.channelQueryUserNum`; `session` is `null` when the Signal has no logged-in session. */
  onChannelQueryUserNum?(session: LoginSession | null, err: string, num: number): void;
  /** The spelling some Java apps used; called when `onChannelQueryUserNum` is absent. */
  onChannelQueryUserNumResult?(session: LoginSession | null, err: string, num: number): void;
  onMessageChannelReceive?(session: LoginSession, channel: Channel, account: string, uid: number, msg: unknown): void;
}

/**
 * `Signal.LoginCallback`: the session's events. It also receives the events of incoming calls (the
 * Server SDK gave an incoming Call no callback object of its own), `onError` for failures that have
 * no callback of their own, and the channel events of a `channelJoin` made without a ChannelCallback.
 */
export interface LoginCallback extends CallCallback {
  onLoginSuccess?(session: LoginSession, uid: number): void;
  onLoginFailed?(session: LoginSession, ecode: number): void;
  onLogout?(session: LoginSession, ecode: number): void;
  /** `uid` is always 0, as legacy. */
  onMessageInstantReceive?(session: LoginSession, account: string, uid: number, msg: unknown): void;
  onInviteReceived?(session: LoginSession, call: Call): void;
  onError?(session: LoginSession, ecode: number, reason: string): void;
  onChannelJoined?(session: LoginSession, channel: Channel): void;
  onChannelJoinFailed?(session: LoginSession, channel: Channel, ecode: number): void;
  onChannelLeaved?(session: LoginSession, channel: Channel, ecode: number): void;
}

/** `Signal.MessageCallback`: the result of one send. */
export interface MessageCallback {
  onMessageSendSuccess?(session: LoginSession): void;
  onMessageSendError?(session: LoginSession, ecode: number): void;
}

/**
 * What `UserAttrCallback` receives as `ret`: the Java SDK's `JSONObject` as an object — get
 * `{result: "ok", account, name, value}`, get-all `{result: "ok", account, json: {…}}`, set
 * `{result: "ok", reason: ""}`, failure `{result: "failed", reason}`. `toString()` gives its JSON text.
 */
export type UserAttrReply = {
  result: 'ok' | 'failed';
  account?: string;
  name?: string;
  value?: string;
  json?: Record<string, string>;
  reason?: string;
  toString(): string;
};

/** `Signal.UserAttrCallback`: `err` is `""` on success; `ret` is the reply object (`UserAttrReply`). */
export interface UserAttrCallback {
  onUserGetAttr?(err: string, ret: UserAttrReply): void;
  onUserGetAttrAll?(err: string, ret: UserAttrReply): void;
  onUserSetAttr?(err: string, ret: UserAttrReply): void;
}

/* The no-op base classes. Their methods do nothing on purpose: overriding only some is the norm. */

class LoginCallbackBase implements LoginCallback {
  onLoginSuccess(session: LoginSession, uid: number): void {}
  onLoginFailed(session: LoginSession, ecode: number): void {}
  onLogout(session: LoginSession, ecode: number): void {}
  onMessageInstantReceive(session: LoginSession, account: string, uid: number, msg: unknown): void {}
  onInviteReceived(session: LoginSession, call: Call): void {}
  onError(session: LoginSession, ecode: number, reason: string): void {}
  onChannelJoined(session: LoginSession, channel: Channel): void {}
  onChannelJoinFailed(session: LoginSession, channel: Channel, ecode: number): void {}
  onChannelLeaved(session: LoginSession, channel: Channel, ecode: number): void {}
}

class ChannelCallbackBase implements ChannelCallback {
  onChannelJoined(session: LoginSession, channel: Channel): void {}
  onChannelJoinFailed(session: LoginSession, channel: Channel, ecode: number): void {}
  onChannelLeaved(session: LoginSession, channel: Channel, ecode: number): void {}
  onChannelUserJoined(session: LoginSession, channel: Channel, account: string, uid: number): void {}
  onChannelUserLeaved(session: LoginSession, channel: Channel, account: string, uid: number): void {}
  onChannelUserList(session: LoginSession, channel: Channel, users: string[], uids: number[]): void {}
  onChannelAttrUpdated(session: LoginSession, channel: Channel, name: string, value: string, type: string): void {}
  onChannelQueryUserNum(session: LoginSession | null, err: string, num: number): void {}
  onMessageChannelReceive(session: LoginSession, channel: Channel, account: string, uid: number, msg: unknown): void {}
}

class CallCallbackBase implements CallCallback {
  onInviteReceivedByPeer(session: LoginSession, call: Call): void {}
  onInviteAcceptedByPeer(session: LoginSession, call: Call, extra: string): void {}
  onInviteRefusedByPeer(session: LoginSession, call: Call, extra: string): void {}
  onInviteFailed(session: LoginSession, call: Call, ecode: number): void {}
  onInviteEndByPeer(session: LoginSession, call: Call, extra: string): void {}
  onInviteEndByMyself(session: LoginSession, call: Call, extra: string): void {}
  onInviteMsg(session: LoginSession, call: Call, extra: string): void {}
}

class MessageCallbackBase implements MessageCallback {
  onMessageSendSuccess(session: LoginSession): void {}
  onMessageSendError(session: LoginSession, ecode: number): void {}
}

class UserAttrCallbackBase implements UserAttrCallback {
  onUserGetAttr(err: string, ret: UserAttrReply): void {}
  onUserGetAttrAll(err: string, ret: UserAttrReply): void {}
  onUserSetAttr(err: string, ret: UserAttrReply): void {}
}

// Each name is both the interface (for object literals) and the base class (for `extends`/`new`).
export const LoginCallback = LoginCallbackBase;
export const ChannelCallback = ChannelCallbackBase;
export const CallCallback = CallCallbackBase;
export const MessageCallback = MessageCallbackBase;
export const UserAttrCallback = UserAttrCallbackBase;

/** A callback argument worth dispatching to: an object (class instance or literal). */
export function isCallbackObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
