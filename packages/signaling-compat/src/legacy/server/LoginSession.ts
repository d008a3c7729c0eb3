import type { Engine, EnginePhase } from '../../core/Engine';
import { legacyString } from '../../core/ids';
import { fire } from '../dispatch';
import { Call } from './Call';
import { isCallbackObject, type CallCallback, type ChannelCallback, type LoginCallback, type MessageCallback } from './callbacks';
import { Channel } from './Channel';

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
    engine.on('loginSuccess', (uid) => fire(callback, 'onLoginSuccess', [this, uid], log));
    // Server codes are reported as they are (202 included), unlike the Web dialect.
    engine.on('loginFailed', (failure) => fire(callback, 'onLoginFailed', [this, failure.code], log));
    engine.on('logout', (code) => fire(callback, 'onLogout', [this, code], log));
    // The legacy SDK passed a hard-coded uid 0 here (docs/reference/mapping-decisions.md, "Identity").
    engine.on('peerMessage', (account, msg) => fire(callback, 'onMessageInstantReceive', [this, account, 0, msg], log));
    engine.on('inviteReceived', (core) => {
      fire(callback, 'onInviteReceived', [this, new Call(core, this, callback, callback, log)], log);
    });
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
    const log = this.#engine.log;
    if (typeof ttlOrCb === 'number') {
      log.warnOnce('message-ttl', 'messageInstantSend: ttl has no effect on RTM 1.x, which keeps no offline messages');
    }
    const callback = isCallbackObject(ttlOrCb) ? ttlOrCb : cb;
    void this.#engine.sendPeer(legacyString(account) ?? '', msg).then((outcome) => {
      if (!isCallbackObject(callback)) {
        if (!outcome.ok) fire(this.#callback, 'onError', [this, outcome.failure.code, outcome.failure.reason], log);
      } else if (outcome.ok) fire(callback, 'onMessageSendSuccess', [this], log);
      else fire(callback, 'onMessageSendError', [this, outcome.failure.code], log);
    });
  }

  /**
   * Calls `peer` into `channel`: the Call at once, its events to `cb`. `extra` is JSON whose
   * `_require_peer_online` and `_timeout` keys are honoured. RTM: `createLocalInvitation(peer)` with
   * `channelId = channel`, `content = extra`, then `send()`.
   */
  channelInviteUser2(channel: string, peer: string, extra?: unknown, cb?: CallCallback): Call {
    const core = this.#engine.invite(legacyString(channel) ?? '', legacyString(peer) ?? '', extra);
    return new Call(core, this, isCallbackObject(cb) ? cb : {}, this.#callback, this.#engine.log);
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
    return new Channel(this.#engine.join(legacyString(name) ?? ''), this, events, this.#callback, this.#engine.log);
  }
}
