import type { ChannelHandle, MemberEntry } from '../../core/ChannelHandle';
import type { Log } from '../../core/log';
import type { Result } from '../../core/result';
import { NO_ARGS, callBack, fire } from '../dispatch';
import { attributeValue, nameArg } from '../reshape';
import { wire } from '../wiring';
import { WEB_CHANNEL_WIRING } from './wiring';

/** The Web Channel's callbacks (property callbacks, `""` until assigned). */
export interface ChannelEvents {
  onChannelJoined?: (() => void) | '';
  onChannelJoinFailed?: ((ecode: string) => void) | '';
  onChannelLeaved?: ((ecode: number) => void) | '';
  onChannelUserList?: ((users: MemberEntry[]) => void) | '';
  onChannelUserJoined?: ((account: string, uid: number) => void) | '';
  onChannelUserLeaved?: ((account: string, uid: number) => void) | '';
  onChannelAttrUpdated?: ((name: string, value: string, type: 'update' | 'del' | 'clear') => void) | '';
  onMessageChannelReceive?: ((account: string, uid: number, msg: unknown) => void) | '';
}

/**
 * The legacy Web Channel (docs/reference/legacy-web-sdk.md §5). Joining fires `onChannelJoined()`, then
 * `onChannelUserList([[account, uid], …])` (self included), then one
 * `onChannelAttrUpdated(name, value, "update")` per existing attribute.
 */
export class Channel implements ChannelEvents {
  onChannelJoined: ChannelEvents['onChannelJoined'] = '';
  onChannelJoinFailed: ChannelEvents['onChannelJoinFailed'] = '';
  onChannelLeaved: ChannelEvents['onChannelLeaved'] = '';
  onChannelUserList: ChannelEvents['onChannelUserList'] = '';
  onChannelUserJoined: ChannelEvents['onChannelUserJoined'] = '';
  onChannelUserLeaved: ChannelEvents['onChannelUserLeaved'] = '';
  onChannelAttrUpdated: ChannelEvents['onChannelAttrUpdated'] = '';
  onMessageChannelReceive: ChannelEvents['onMessageChannelReceive'] = '';
  readonly name: string;
  #handle: ChannelHandle;
  #log: Log;

  constructor(handle: ChannelHandle, log: Log) {
    this.name = handle.name;
    this.#handle = handle;
    this.#log = log;
    wire(handle, WEB_CHANNEL_WIRING, undefined, (name, args) => fire(this, name, args, log));
  }

  /** `"joining"`, `"joined"` or `"leaved"`. */
  get state(): string {
    return this.#handle.state;
  }

  /**
   * `messageChannelSend(msg, cb)`: `cb()` with no arguments once sent or failed; every member,
   * the sender included, gets `onMessageChannelReceive`. RTM: `channel.sendMessage` (RTM never
   * echoes, so the shim delivers the sender's copy).
   */
  messageChannelSend(msg: unknown, cb?: () => void): void {
    // The core tells `#sent` the result with the app's callback: no closure and no `then` per
    // message (`callBack` ignores a missing callback).
    void this.#handle.send(msg, this.#sent, cb);
  }

  #sent = (_result: Result, cb: unknown): void => callBack(cb, NO_ARGS, this.#log, 'messageChannelSend');

  /**
   * `channelLeave(cb)`: with `cb`, only `cb()`; without, `onChannelLeaved(0)`. RTM: `channel.leave()`.
   * @note compat: leaves this channel even when it is not the session's newest one.
   */
  channelLeave(cb?: () => void): void {
    void this.#handle.leave().then(() => {
      if (typeof cb === 'function') callBack(cb, [], this.#log, 'channelLeave');
      else fire(this, 'onChannelLeaved', [0], this.#log);
    });
  }

  /** `channelSetAttr(name, value, cb)`: `cb()` always. RTM: `addOrUpdateChannelAttributes` (notify on). */
  channelSetAttr(name: unknown, value: unknown, cb?: () => void): void {
    void this.#handle.setAttr(nameArg(name), attributeValue(value)).then(() => callBack(cb, [], this.#log, 'channelSetAttr'));
  }

  /** `channelDelAttr(name, cb)`: `cb()` always. RTM: `deleteChannelAttributesByKeys` (notify on). */
  channelDelAttr(name: unknown, cb?: () => void): void {
    void this.#handle.delAttr(nameArg(name)).then(() => callBack(cb, [], this.#log, 'channelDelAttr'));
  }

  /** `channelClearAttr(cb)`: `cb()` always. RTM: `clearChannelAttributes` (notify on). */
  channelClearAttr(cb?: () => void): void {
    void this.#handle.clearAttr().then(() => callBack(cb, [], this.#log, 'channelClearAttr'));
  }
}
