import type { InvitationResultCallbacks } from '../invitationResults';

/**
 * The native SDK's one handler object (`ICallBack`, Android `AgoraAPI.CallBack`; docs/reference/server-and-native-api.md
 * §2), set with `callbackSet(handler)`. Every handler is optional and read when its event fires;
 * `this` is the handler object.
 */
export interface NativeCallback extends InvitationResultCallbacks {
  /** A legacy reconnect attempt would have happened now (RTM reconnects by itself). */
  onReconnecting?(nretry: number): void;
  /** Connected again; `fd` has no RTM meaning and is 0. Followed by `onLoginSuccess`, as legacy. */
  onReconnected?(fd: number): void;
  /** `uid` is the account's deterministic 32-bit hash (the same on every client); `fd` is 0. */
  onLoginSuccess?(uid: number, fd: number): void;
  /** 101 after `logout()`, 102 reconnect limit reached, 103 logged in elsewhere, 105 token expired. */
  onLogout?(ecode: number): void;
  onLoginFailed?(ecode: number): void;
  onChannelJoined?(channelID: string): void;
  onChannelJoinFailed?(channelID: string, ecode: number): void;
  onChannelLeaved?(channelID: string, ecode: number): void;
  onChannelUserJoined?(account: string, uid: number): void;
  onChannelUserLeaved?(account: string, uid: number): void;
  /** Self included, the latest 200 members. */
  onChannelUserList?(accounts: string[], uids: number[]): void;
  onChannelQueryUserNumResult?(channelID: string, ecode: number, num: number): void;
  /** `isIn` is 1 or 0. */
  onChannelQueryUserIsIn?(channelID: string, account: string, isIn: number): void;
  /** `type`: `"update"`, `"del"` or `"clear"`. */
  onChannelAttrUpdated?(channelID: string, name: string, value: string, type: string): void;
  onInviteReceived?(channelID: string, account: string, uid: number, extra: string): void;
  onInviteReceivedByPeer?(channelID: string, account: string, uid: number): void;
  onInviteAcceptedByPeer?(channelID: string, account: string, uid: number, extra: string): void;
  onInviteRefusedByPeer?(channelID: string, account: string, uid: number, extra: string): void;
  /** `ecode`: 703 peer offline, 704 timeout / no answer, 700 other; `extra` is `{"reason":…,"ecode":…}`. */
  onInviteFailed?(channelID: string, account: string, uid: number, ecode: number, extra: string): void;
  onInviteEndByPeer?(channelID: string, account: string, uid: number, extra: string): void;
  /** Fired synchronously inside `channelInviteEnd`, as legacy. */
  onInviteEndByMyself?(channelID: string, account: string, uid: number): void;
  /** DTMF: `msgType` `"dtmf"`, `msgData` the digits, `extra` `'{"msgtype":"dtmf","msgdata":…}'`. */
  onInviteMsg?(channelID: string, account: string, uid: number, msgType: string, msgData: string, extra: string): void;
  onMessageSendError?(messageID: string, ecode: number): void;
  /** Never fired: RTM reports no send progress. */
  onMessageSendProgress?(account: string, messageID: string, type: string, info: string): void;
  onMessageSendSuccess?(messageID: string): void;
  /** Never fired: no RTM counterpart. */
  onMessageAppReceived?(msg: string): void;
  /** `uid` is always 0, as legacy; objects sent by other shim clients arrive as objects. */
  onMessageInstantReceive?(account: string, uid: number, msg: unknown): void;
  onMessageChannelReceive?(channelID: string, account: string, uid: number, msg: unknown): void;
  /** Never fired: RTM's own logging is configured with its `logFilter`. */
  onLog?(txt: string): void;
  /** `err` is `""` on success; `resp` is the JSON reply (`{"result":"ok",…}` / `{"result":"failed","reason":…}`). */
  onInvokeRet?(callID: string, err: string, resp: string): void;
  /** Never fired: no raw message stream on RTM. */
  onMsg?(from: string, t: string, msg: string): void;
  onUserAttrResult?(account: string, name: string, value: string): void;
  /** docs/reference/signaling-rtm-mapping-table.md's spelling of `onUserAttrResult`; called when `onUserAttrResult` is absent (`HANDLER_ALIASES`). */
  onUserAttributeResult?(account: string, name: string, value: string): void;
  /** `value` is the JSON object of every attribute. */
  onUserAttrAllResult?(account: string, value: string): void;
  /** A failed request that has no result callback of its own, e.g. `("query_user_status", 1003, "not logged in")`. */
  onError?(name: string, ecode: number, desc: string): void;
  /** `status` is the string `"1"` (online) or `"0"`, as legacy. */
  onQueryUserStatusResult?(name: string, status: string): void;
  /** docs/reference/signaling-rtm-mapping-table.md's spelling of `onQueryUserStatusResult`; called when `onQueryUserStatusResult` is absent (`HANDLER_ALIASES`). */
  OnQueryUserStatusResult?(name: string, status: string): void;
  /** Never fired: no debug stream on RTM. */
  onDbg?(a: string, b: string): void;
}
