import { Engine, type EngineInit, type EnginePhase } from '../../core/Engine';
import { legacyString } from '../../core/ids';
import type { Result } from '../../core/result';
import { callBack, fire } from '../dispatch';
import { legacyReply, nameArg, replyError } from '../reshape';
import { wire } from '../wiring';
import { Call } from './Call';
import { Channel } from './Channel';
import { WEB_SESSION_WIRING } from './wiring';

/** `messageInstantSend`'s callback argument (legacy: whether the send failed), shared by every send. */
const SENT: readonly unknown[] = /* @__PURE__ */ Object.freeze([false]);
const NOT_SENT: readonly unknown[] = /* @__PURE__ */ Object.freeze([true]);

/** Web `session.state` / `getStatus()`: 0 out, 1 logging in, 2 logged in, 3 reconnecting (docs/reference/legacy-web-sdk.md §2). */
const WEB_STATUS: Record<EnginePhase, number> = {
  'logging-in': 1,
  'logged-in': 2,
  reconnecting: 3,
  'logged-out': 0,
  failed: 0,
};

export interface SessionInit extends Omit<EngineInit, 'account'> {
  account: unknown;
}

/** The Web Session's callbacks, all optional (property callbacks, `""` until assigned). */
export interface SessionEvents {
  onLoginSuccess?: ((uid: number) => void) | '';
  onLoginFailed?: ((ecode: number) => void) | '';
  onLogout?: ((ecode: number) => void) | '';
  onMessageInstantReceive?: ((account: string, uid: number, msg: unknown) => void) | '';
  onInviteReceived?: ((call: Call) => void) | '';
  onError?: ((...args: unknown[]) => void) | '';
}

/**
 * The legacy Web Session (docs/reference/legacy-web-sdk.md §4) on one core engine. Callbacks are plain properties
 * initialised to `""`, read when they fire and called with `this` = the session.
 */
export class Session implements SessionEvents {
  onLoginSuccess: SessionEvents['onLoginSuccess'] = '';
  onLoginFailed: SessionEvents['onLoginFailed'] = '';
  onLogout: SessionEvents['onLogout'] = '';
  onInviteReceived: SessionEvents['onInviteReceived'] = '';
  onMessageInstantReceive: SessionEvents['onMessageInstantReceive'] = '';
  /**
   * Documented by the legacy Web SDK but never fired by it; accepted so apps that assign it keep
   * working. Failures arrive through their specific callbacks.
   */
  onError: SessionEvents['onError'] = '';
  /** The account, `JSON.stringify`'d when not a string, as legacy did. */
  readonly account: string;
  /** 0 until logged in, then the account's uid (the same number on every client). */
  uid = 0;
  #engine: Engine;

  constructor(init: SessionInit) {
    this.account = legacyString(init.account) as string;
    const engine = new Engine({ ...init, account: this.account ?? '' });
    this.#engine = engine;
    const log = engine.log;
    engine.on('loginSuccess', (uid) => {
      this.uid = uid;
    });
    wire(engine, WEB_SESSION_WIRING, { call: (core) => new Call(core, log) }, (name, args) => fire(this, name, args, log));
    engine.start();
  }

  /** 0 logged out, 1 logging in, 2 logged in, 3 reconnecting. Apps read `state === 2`. */
  get state(): number {
    return WEB_STATUS[this.#engine.phase];
  }

  getStatus(): number {
    return this.state;
  }

  /**
   * Ends the session: `onLogout(101)` once, asynchronously, even when `onLogout` is assigned after
   * the call. RTM: `logout()`.
   * @note compat: the legacy SDK did nothing without an `onLogout` handler, and ignored logout while
   * logging in or reconnecting; here logout always happens.
   */
  logout(): void {
    this.#engine.logout();
  }

  /**
   * `messageInstantSend(peer, msg, cb)`: `cb(false)` once RTM took the message, `cb(true)` on failure
   * (the legacy argument meant "failed"). RTM: `sendMessageToPeer`; objects arrive as objects between
   * shim clients.
   */
  messageInstantSend(peer: unknown, msg: unknown, cb?: (failed: boolean) => void): void {
    // The core tells `#instantSent` the result with the app's callback: no closure and no `then`
    // per message (`callBack` ignores a missing callback).
    void this.#engine.sendPeer(nameArg(peer), msg, this.#instantSent, cb);
  }

  #instantSent = (result: Result, cb: unknown): void =>
    callBack(cb, result.ok ? SENT : NOT_SENT, this.#engine.log, 'messageInstantSend');

  /**
   * `invoke(func, args, cb)`: `cb("", reply)` with the whole reply (`{result: "ok", …}`) on success,
   * `cb(reason, {result: "failed", reason})` on failure.
   * @note compat: a name outside `io.agora.signal.*` gets a failure reply instead of silence.
   */
  invoke(func: unknown, args: unknown, cb?: (err: string, result: Record<string, unknown>) => void): void {
    const log = this.#engine.log;
    void this.#engine.query('invoke', func, args).then((result) => callBack(cb, [replyError(result), legacyReply(result)], log, 'invoke'));
  }

  /**
   * `channelJoin(name)` → Channel, or `undefined` when not logged in (as legacy). Joining another
   * channel leaves the current one first (`singleChannel`). RTM: `createChannel` + `join`, then
   * `getMembers` and `getChannelAttributes` in parallel for the user list and attribute snapshot.
   */
  channelJoin(name: unknown): Channel | undefined {
    if (this.state !== 2) {
      // The legacy SDK's own words; a warning, since the app's next line meets an undefined channel.
      this.#engine.log.warn('channelJoin: You should log in first.');
      return undefined;
    }
    return new Channel(this.#engine.join(nameArg(name)), this.#engine.log);
  }

  /**
   * `channelInviteUser2(channelName, peer, extra)` → the outgoing Call at once. RTM:
   * `createLocalInvitation(peer)` with `channelId` and `content = extra`, then `send()`.
   */
  channelInviteUser2(channelName: unknown, peer: unknown, extra?: unknown): Call {
    return new Call(this.#engine.invite(nameArg(channelName), nameArg(peer), extra), this.#engine.log);
  }
}
