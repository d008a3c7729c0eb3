import type { CoreCall } from '../../core/CoreCall';
import type { Engine, EnginePhase } from '../../core/Engine';
import type { Result } from '../../core/result';
import { fire } from '../dispatch';
import { nameArg, reportSendResult } from '../reshape';
import { wire } from '../wiring';
import { Call } from './Call';
import { isCallbackObject, type CallCallback, type ChannelCallback, type LoginCallback, type MessageCallback } from './callbacks';
import { Channel } from './Channel';
import { SERVER_LOGIN_WIRING } from './wiring';

/** Server `getStatus()`: 0 logged out, 1 connecting / logging in, 2 logged in, 3 login failed (4 is "no session"). */
export const SERVER_STATUS: Readonly<Record<EnginePhase, number>> = {
  'logging-in': 1,
  'logged-in': 2,
  reconnecting: 1,
  'logged-out': 0,
  failed: 3,
};

/**
 * The Server SDK's `Signal.LoginSession` (docs/reference/server-and-native-api.md §1) on one core engine. Its
 * events go to the LoginCallback given to `login`, always with the session first; exactly one of
 * `onLoginSuccess` / `onLoginFailed` / `onLogout` ends each login attempt.
 */
export class LoginSession {
  #engine: Engine;
  #callback: LoginCallback;

  /** @internal Made by `Signal.login(account, token, callback)`; the engine is started by the caller. */
  constructor(engine: Engine, callback: LoginCallback) {
    this.#engine = engine;
    this.#callback = callback;
    const log = engine.log;
    const context = { call: (core: CoreCall) => new Call(core, this, callback, callback, log) };
    wire(engine, SERVER_LOGIN_WIRING, context, (name, args) => fire(callback, name, [this, ...args], log));
  }

  /** 0 logged out, 1 logging in or reconnecting, 2 logged in, 3 login failed. */
  getStatus(): number {
    return SERVER_STATUS[this.#engine.phase];
  }

  /**
   * Ends the session: `onLogout(session, 101)` once, asynchronously. RTM: `logout()`.
   * @note compat: also while logging in or reconnecting; a login cancelled this way ends in
   * `onLogout(session, 101)` alone, never in `onLoginSuccess`.
   */
  logout(): void {
    this.#engine.logout();
  }

  /**
   * `messageInstantSend(account, msg, cb)` / `(account, msg, ttl, cb)`: `onMessageSendSuccess(session)`
   * once RTM took the message, `onMessageSendError(session, ecode)` on failure; the receiver gets
   * `onMessageInstantReceive(session, account, 0, msg)`. RTM: `sendMessageToPeer`.
   * @note compat: `ttl` is accepted and has no effect (RTM 1.x keeps no offline messages), with one
   * warning. Without a MessageCallback a failure fires `onError(session, ecode, reason)`.
   */
  messageInstantSend(account: string, msg: unknown, cb?: MessageCallback): void;
  messageInstantSend(account: string, msg: unknown, ttl: number, cb?: MessageCallback): void;
  messageInstantSend(account: string, msg: unknown, ttlOrCb?: number | MessageCallback, cb?: MessageCallback): void {
    if (typeof ttlOrCb === 'number') {
      this.#engine.log.warnOnce('message-ttl', 'messageInstantSend: ttl has no effect (RTM keeps no offline messages)');
    }
    // The core tells `#instantSent` the result with the MessageCallback: no closure and no `then` per message.
    void this.#engine.sendPeer(nameArg(account), msg, this.#instantSent, isCallbackObject(ttlOrCb) ? ttlOrCb : cb);
  }

  #instantSent = (result: Result, cb: MessageCallback | undefined): void =>
    reportSendResult(result, cb, this, this.#callback, this.#engine.log);

  /**
   * Calls `peer` into `channel`: the Call at once, its events to `cb`. `extra` is JSON whose
   * `_require_peer_online` and `_timeout` keys are honoured. RTM: `createLocalInvitation(peer)` with
   * `channelId = channel`, `content = extra`, then `send()`.
   */
  channelInviteUser2(channel: string, peer: string, extra?: unknown, cb?: CallCallback): Call {
    return new Call(this.#engine.invite(nameArg(channel), nameArg(peer), extra), this, isCallbackObject(cb) ? cb : {}, this.#callback, this.#engine.log);
  }

  /**
   * Joins `name`, leaving the session's current channel first (one channel at a time, as legacy).
   * RTM: `createChannel` + `join`, then `getMembers` and `getChannelAttributes` for the user list and
   * the attribute snapshot.
   * @note compat: returns a Channel even when not logged in; its `onChannelJoinFailed` reports 1003.
   * Without a ChannelCallback the channel's events go to the LoginCallback.
   */
  channelJoin(name: string, cb?: ChannelCallback): Channel {
    const events = isCallbackObject(cb) ? cb : this.#callback;
    return new Channel(this.#engine.join(nameArg(name)), this, events, this.#callback, this.#engine.log);
  }
}
