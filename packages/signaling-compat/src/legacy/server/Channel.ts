import type { ChannelHandle } from '../../core/ChannelHandle';
import type { Log } from '../../core/log';
import type { Result } from '../../core/result';
import { fire } from '../dispatch';
import { attributeValue, nameArg, reportFailure, reportSendResult } from '../reshape';
import { wire } from '../wiring';
import type { ChannelCallback, LoginCallback, MessageCallback } from './callbacks';
import type { LoginSession } from './LoginSession';
import { SERVER_CHANNEL_WIRING } from './wiring';

/**
 * The Server SDK's `LoginSession.Channel` (docs/reference/server-and-native-api.md §1). Joining fires
 * `onChannelJoined(session, channel)`, then `onChannelUserList(session, channel, users, uids)` (self
 * included), then one `onChannelAttrUpdated(session, channel, name, value, "update")` per attribute.
 */
export class Channel {
  #handle: ChannelHandle;
  #events: ChannelCallback;
  #session: LoginSession;
  #loginCallback: LoginCallback;
  #log: Log;

  /** @internal Made by `LoginSession.channelJoin`. */
  constructor(handle: ChannelHandle, session: LoginSession, events: ChannelCallback, loginCallback: LoginCallback, log: Log) {
    this.#handle = handle;
    this.#events = events;
    this.#session = session;
    this.#loginCallback = loginCallback;
    this.#log = log;
    wire(handle, SERVER_CHANNEL_WIRING, undefined, (name, args) => fire(events, name, [session, this, ...args], log));
  }

  /** The channel name (U12: `user.getChannel().getName()`). */
  getName(): string {
    return this.#handle.name;
  }

  /** Leaves: `onChannelLeaved(session, channel, 0)`, asynchronously. RTM: `channel.leave()`. */
  channelLeave(): void {
    void this.#handle.leave().then(() => fire(this.#events, 'onChannelLeaved', [this.#session, this, 0], this.#log));
  }

  /**
   * Sets a channel attribute; every member, the setter once, gets `onChannelAttrUpdated(…, name,
   * value, "update")`. RTM: `addOrUpdateChannelAttributes` (notify on); `""` deletes.
   * @note compat: the Server SDK had no result callback here; a failure fires `onError(session, ecode, reason)`.
   */
  channelSetAttr(name: string, value: string): void {
    void this.#handle.setAttr(nameArg(name), attributeValue(value)).then(this.#reportFailure);
  }

  /**
   * Deletes a channel attribute (`"del"` for every member). RTM: `deleteChannelAttributesByKeys`.
   * @note compat: a failure fires `onError(session, ecode, reason)`.
   */
  channelDelAttr(name: string): void {
    void this.#handle.delAttr(nameArg(name)).then(this.#reportFailure);
  }

  /**
   * Clears every channel attribute (one `"clear"` for every member). RTM: `clearChannelAttributes`.
   * Calling it after `channelLeave()` does not throw (U12 does).
   * @note compat: a failure fires `onError(session, ecode, reason)`.
   */
  channelClearAttr(): void {
    void this.#handle.clearAttr().then(this.#reportFailure);
  }

  /**
   * Sends a channel message; every member, the sender included, gets `onMessageChannelReceive`.
   * With a MessageCallback: `onMessageSendSuccess(session)` / `onMessageSendError(session, ecode)`.
   * RTM: `channel.sendMessage`, paced (RTM never echoes, so the shim delivers the sender's copy).
   * @note compat: without a MessageCallback a failure fires `onError(session, ecode, reason)`.
   */
  messageChannelSend(msg: unknown, cb?: MessageCallback): void {
    // The core tells `#sent` the result with the MessageCallback: no closure and no `then` per message.
    void this.#handle.send(msg, this.#sent, cb);
  }

  #sent = (result: Result, cb: MessageCallback | undefined): void =>
    reportSendResult(result, cb, this.#session, this.#loginCallback, this.#log);

  /** Failures with no callback of their own go to the LoginCallback's `onError(session, ecode, reason)`. */
  #reportFailure = (result: Result): void => reportFailure(result, this.#session, this.#loginCallback, this.#log);
}
