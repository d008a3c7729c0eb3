import { Engine, type EngineInit, type EnginePhase } from '../../core/Engine';
import { legacyString } from '../../core/ids';
import { LegacyCode } from '../../core/legacyCodes';
import { callBack, fire } from '../dispatch';
import { Call } from './Call';
import { Channel } from './Channel';

/** Web `session.state` / `getStatus()`: 0 out, 1 logging in, 2 logged in, 3 reconnecting (docs/reference/legacy-web-sdk.md §2). */
const WEB_STATUS: Record<EnginePhase, number> = {
  'logging-in': 1,
  'logged-in': 2,
  reconnecting: 3,
  'logged-out': 0,
  failed: 0,
};

/** Login failure codes the Web SDK raised (docs/reference/legacy-web-sdk.md §9); anything else is reported as 201. */
const WEB_LOGIN_CODES = new Set<number>([201, 204, 206, 207, 209]);

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
      fire(this, 'onLoginSuccess', [uid], log);
    });
    engine.on('loginFailed', (failure) => {
      fire(this, 'onLoginFailed', [WEB_LOGIN_CODES.has(failure.code) ? failure.code : LegacyCode.LOGIN_E_NET], log);
    });
    engine.on('logout', (code) => fire(this, 'onLogout', [code], log));
    engine.on('peerMessage', (account, payload) => {
      // The legacy SDK passed a hard-coded uid 0 here (docs/reference/legacy-web-sdk.md §4.3).
      fire(this, 'onMessageInstantReceive', [account, 0, payload], log);
    });
    engine.on('inviteReceived', (core) => fire(this, 'onInviteReceived', [new Call(core, log)], log));
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
    const log = this.#engine.log;
    void this.#engine.sendPeer(legacyString(peer) ?? '', msg).then((outcome) => {
      callBack(cb, [!outcome.ok], log, 'messageInstantSend');
    });
  }

  /**
   * `invoke(func, args, cb)`: `cb("", reply)` with the whole reply (`{result: "ok", …}`) on success,
   * `cb(reason, {result: "failed", reason})` on failure.
   * @note compat: a name outside `io.agora.signal.*` gets a failure reply instead of silence.
   */
  invoke(func: unknown, args: unknown, cb?: (err: string, result: Record<string, unknown>) => void): void {
    const log = this.#engine.log;
    void this.#engine.queries.invoke(func, args).then((reply) => {
      callBack(cb, reply.result === 'ok' ? ['', reply] : [reply.reason, reply], log, 'invoke');
    });
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
    return new Channel(this.#engine.join(legacyString(name) ?? ''), this.#engine.log);
  }

  /**
   * `channelInviteUser2(channelName, peer, extra)` → the outgoing Call at once. RTM:
   * `createLocalInvitation(peer)` with `channelId` and `content = extra`, then `send()`.
   */
  channelInviteUser2(channelName: unknown, peer: unknown, extra?: unknown): Call {
    const core = this.#engine.invite(legacyString(channelName) ?? '', legacyString(peer) ?? '', extra);
    return new Call(core, this.#engine.log);
  }
}
