import { Emitter } from './Emitter';
import { systemClock, type Clock, type TimerHandle } from '../rtm/clock';
import type {
  ConnectionChangeReason,
  ConnectionState,
  RemoteInvitationLike,
  RtmClientLike,
  RtmNamespaceLike,
} from '../rtm/types';
import type { ChannelHandle } from './ChannelHandle';
import { Channels } from './Channels';
import { Calls } from './Calls';
import type { ChannelSendForce } from './channelSendForce';
import type { EngineContext } from './context';
import type { CoreCall } from './CoreCall';
import { accountUid, codecFor, type IdCodec } from './ids';
import { InOrder } from './InOrder';
import { LegacyCode, describeRtmError, loginFailureCode, type Failure } from './legacyCodes';
import type { Log } from './log';
import { LOGGING_IN, ended, moved, type LoginState } from './loginState';
import { MessagePacer } from './MessagePacer';
import { resolveBackend, type ResolvedOptions } from './options';
import { PeerMessages } from './PeerMessages';
import { Queries, type QueryName, type QueryResult } from './Queries';
import { err, toldLater, type Result, type SendNotice } from './result';
import { retrySchedule, type ReconnectLimits } from './reconnectBudget';
import { redactingClient, Secrets } from './secrets';
import { isLegacyNoToken, isRtmToken } from './tokens';

/**
 * Where a login stands. Dialects derive their status numbers from it (Web 0/1/2/3, Server 0–4).
 */
export type EnginePhase = 'logging-in' | 'logged-in' | 'reconnecting' | 'logged-out' | 'failed';

/** Dialect-neutral session events. */
export interface EngineEvents {
  /** Login succeeded — again after every reconnect, as legacy did (apps rejoin channels there). */
  loginSuccess: (uid: number) => void;
  loginFailed: (failure: Failure) => void;
  logout: (code: number) => void;
  /** A legacy retry would have happened now (native `onReconnecting(nretry)`). */
  reconnecting: (attempt: number) => void;
  reconnected: () => void;
  peerMessage: (account: string, payload: unknown) => void;
  inviteReceived: (call: CoreCall) => void;
}

export interface EngineInit {
  appId: string;
  account: string;
  token: unknown;
  options: ResolvedOptions;
  log: Log;
  reconnect?: ReconnectLimits;
}

/** docs/reference/rtm1-web-sdk.md §3.5: a login attempt blocks the client's next one for 500 ms. */
const RTM_LOGIN_SPACING_MS = 500;

/** Why a login with no backend fails, naming what this build accepts (the Web-only script: 1.x alone). */
const noBackend = (accepts: string): string =>
  `no RTM backend configured: pass { rtm } to Signal(appId, options) or Signal.configure({ rtm }) (${accepts}), ` +
  'or load agora-rtm-sdk with a script tag so that window.AgoraRTM exists';

/**
 * The core of one legacy login: owns one RTM client and carries connection & status, the reconnect
 * budget, tokens, p2p messages, channels, calls and queries. Dialects translate their API onto it.
 */
export class Engine extends Emitter<EngineEvents> {
  readonly account: string;
  readonly uid: number;
  readonly log: Log;
  readonly options: ResolvedOptions;
  readonly codec: IdCodec;
  readonly clock: Clock;
  #channels: Channels;
  #calls: Calls;
  #queries: Queries;
  #peers: PeerMessages;
  #init: EngineInit;
  #backend: RtmNamespaceLike | undefined;
  #client: RtmClientLike | undefined;
  #state: LoginState = LOGGING_IN;
  #pacer: MessagePacer;
  #budgetTimers: TimerHandle[] = [];
  #selfId = '';
  /** The token the RTM client last logged in with, for a re-login with the same credentials. */
  #rtmToken: string | undefined;
  /** When the RTM client's last login was sent (clock time). */
  #lastLoginAt = 0;
  /** The wait before a silent re-login, ended early (false) by the end of the login. */
  #spacing: { timer: TimerHandle; done: (go: boolean) => void } | undefined;
  /** RTM ended the connection for an expired token during a silent re-login, whose login then needs a fresh one. */
  #expiredWhileRelogging = false;
  /** The connection dropped after a re-login's own login (RECONNECTING, and no CONNECTED since). */
  #droppedWhileRelogging = false;
  /**
   * A renewal the re-login under way holds back until it is over: `true` when RTM warned that the
   * token will expire after the re-login's own token was fetched (or with none fetched), or the
   * token a renewal fetched meanwhile, renewed with as it is.
   */
  #renewal: true | string | undefined;
  /** Every token this login handled, blanked out of anything it logs or reports. */
  #secrets = new Secrets();
  /** Query answers, released in the order the queries were made. */
  #answers = new InOrder();

  constructor(init: EngineInit) {
    super();
    this.#init = init;
    this.#secrets.remember(init.token);
    this.account = init.account;
    this.uid = accountUid(init.account);
    this.log = init.log.redacting((text) => this.#secrets.redact(text));
    this.options = init.options;
    this.codec = codecFor(init.options.idCodec);
    this.#backend = resolveBackend(init.options);
    this.clock = init.options.clock ?? this.#backend?.clock ?? systemClock;
    this.#pacer = new MessagePacer(this.clock);
    const ctx = new Engine.#Context(this);
    this.#calls = new Calls(ctx);
    this.#channels = new Channels(ctx);
    this.#queries = new Queries(ctx, this.#channels);
    this.#peers = new PeerMessages(ctx, this.#calls, (account, payload) => this.emit('peerMessage', account, payload));
  }

  get phase(): EnginePhase {
    return this.#state.phase;
  }

  get #ended(): boolean {
    return this.#state.kind === 'ended';
  }

  /** A logout was asked for while the login was live; it ends the login once its step settles. */
  get #logoutRequested(): boolean {
    return this.#state.kind === 'live' && this.#state.logoutRequested;
  }

  /** The RTM client is logging in again unseen (token expiry, or clearing a failed join). */
  get #relogging(): boolean {
    return this.#state.kind === 'live' && this.#state.relogging;
  }

  /**
   * What the engine's parts (channels, calls, queries, peer messages) see of it: one per login,
   * its live parts as getters and methods on a prototype. An object literal with accessors and
   * closures, the obvious way to write it, is a dictionary-mode object with five closures: about
   * 1.1 KB of every session (BENCHMARKS.md).
   */
  static readonly #Context = class implements EngineContext {
    readonly #engine: Engine;
    readonly codec: IdCodec;
    readonly options: ResolvedOptions;
    readonly log: Log;
    readonly clock: Clock;
    readonly account: string;
    readonly uid: number;
    readonly pacer: MessagePacer;

    constructor(engine: Engine) {
      this.#engine = engine;
      this.codec = engine.codec;
      this.options = engine.options;
      this.log = engine.log;
      this.clock = engine.clock;
      this.account = engine.account;
      this.uid = engine.uid;
      this.pacer = engine.#pacer;
    }

    get client(): RtmClientLike {
      const client = this.#engine.#client;
      if (!client) throw new Error('the RTM client does not exist before login');
      return client;
    }

    get selfId(): string {
      return this.#engine.#selfId;
    }

    connected(): boolean {
      return this.#engine.#state.phase === 'logged-in';
    }

    live(): boolean {
      return !this.#engine.#ended;
    }

    relogin(): Promise<boolean> {
      return this.#engine.#relogin();
    }
  };

  /** Starts the login; every outcome is reported as an event, never thrown. */
  start(): void {
    void this.#login().catch((error: unknown) => {
      this.log.error('login failed unexpectedly', error);
      this.#failLogin({ code: LegacyCode.LOGIN_E_NET, reason: describeRtmError(error) });
    });
  }

  async #login(): Promise<void> {
    await Promise.resolve();
    if (!this.#backend) {
      const reason = noBackend(this.options.backends.accepts);
      this.log.error(reason);
      return this.#failLogin({ code: LegacyCode.LOGIN_E_NET, reason });
    }
    const id = this.codec.encode(this.account);
    if (!('id' in id)) {
      this.log.warn(`login: ${id.why}`);
      return this.#failLogin({ code: LegacyCode.LOGIN_E_INVALID_USER, reason: id.why });
    }
    this.#selfId = id.id;
    let client: RtmClientLike;
    try {
      client = redactingClient(this.#backend.createInstance(this.#init.appId, this.options.rtmConfig), this.#secrets);
    } catch (error) {
      this.log.warn(`createInstance failed: ${this.#describe(error)}`);
      return this.#failLogin({ code: LegacyCode.LOGIN_E_FAILED, reason: this.#describe(error) });
    }
    this.#client = client;
    client.on('ConnectionStateChanged', this.#onConnection);
    client.on('MessageFromPeer', this.#peers.receive);
    client.on('RemoteInvitationReceived', this.#onInvitation);
    client.on('TokenPrivilegeWillExpire', this.#onTokenWillExpire);
    // While reconnecting, RTM says only this of an expired token, and waits for a renewed one.
    client.on('TokenExpired', this.#onTokenWillExpire);
    const token = await this.#token();
    this.#rtmToken = token;
    if (this.#logoutRequested) return this.#end(LegacyCode.LOGOUT_E_USER);
    try {
      await this.#loginClient(client, token);
    } catch (error) {
      if (this.#logoutRequested) return this.#end(LegacyCode.LOGOUT_E_USER);
      const reason = this.#describe(error);
      this.log.warn(`login failed: ${reason}`);
      return this.#failLogin({ code: loginFailureCode(error), reason });
    }
    if (this.#logoutRequested) return this.#end(LegacyCode.LOGOUT_E_USER);
    if (this.#ended) return;
    this.#state = moved(this.#state, { phase: 'logged-in' });
    this.emit('loginSuccess', this.uid);
  }

  /** Logs the RTM client in as this login's user (RTM refuses another login for 500 ms after it). */
  #loginClient(client: RtmClientLike, token: string | undefined): Promise<void> {
    this.#lastLoginAt = this.clock.now();
    return client.login(token === undefined ? { uid: this.#selfId } : { uid: this.#selfId, token });
  }

  /** Logs the RTM client out for good; settles (never rejects) when RTM's logout does. */
  #logoutClient(client: RtmClientLike): Promise<void> {
    return client.logout().catch((error: unknown) => this.log.debug(`RTM logout: ${describeRtmError(error)}`));
  }

  /** The RTM token: from `tokenProvider`, or an RTM token passed as-is; legacy tokens are never sent. */
  async #token(): Promise<string | undefined> {
    const provider = this.options.tokenProvider;
    if (provider) {
      try {
        const token = (await provider(this.account)) ?? undefined;
        this.#secrets.remember(token);
        return token;
      } catch (error) {
        this.log.warn(`tokenProvider failed; logging in without a token: ${this.#describe(error)}`);
        return undefined;
      }
    }
    const token = this.#init.token;
    if (isRtmToken(token)) return token;
    if (!isLegacyNoToken(token)) {
      this.log.warnOnce(
        'legacy-token',
        'a legacy Signaling token is not valid on RTM; logging in without one (App-ID-only ' +
          'projects). Supply RTM tokens with the tokenProvider option.',
      );
    }
    return undefined;
  }

  /** An error's description without any token of this login (backends may echo the token). */
  #describe(error: unknown): string {
    return this.#secrets.redact(describeRtmError(error));
  }

  #failLogin(failure: Failure): void {
    if (this.#ended) return;
    this.#state = ended('failed');
    this.#cleanup();
    this.emit('loginFailed', failure);
  }

  /** `logout()`: always ends in exactly one `logout(101)`, asynchronously, unless already ended. */
  logout(): void {
    if (this.#ended || this.#logoutRequested) return;
    this.#state = moved(this.#state, { logoutRequested: true });
    if (this.#state.phase === 'logging-in') return; // #login ends it once the attempt settles
    queueMicrotask(() => this.#end(LegacyCode.LOGOUT_E_USER));
  }

  #end(code: number): void {
    if (this.#ended) return;
    this.#state = ended('logged-out');
    const client = this.#client;
    this.#cleanup();
    if (client) void this.#logoutClient(client).then(() => this.#pacer.close());
    this.emit('logout', code);
  }

  #cleanup(): void {
    this.#clearBudget();
    if (this.#spacing) {
      this.clock.clearTimeout(this.#spacing.timer);
      this.#spacing.done(false);
    }
    this.#pacer.close();
    this.#calls.disposeAll();
    this.#channels.dispose();
    const client = this.#client;
    if (!client) return;
    client.off('ConnectionStateChanged', this.#onConnection);
    client.off('MessageFromPeer', this.#peers.receive);
    client.off('RemoteInvitationReceived', this.#onInvitation);
    client.off('TokenPrivilegeWillExpire', this.#onTokenWillExpire);
    client.off('TokenExpired', this.#onTokenWillExpire);
  }

  #onConnection = (state: ConnectionState, reason: ConnectionChangeReason): void => {
    if (this.#ended) return;
    // The re-login's own logout and login are expected; a token expiry meanwhile is renewed after
    // it. A kick or ban ends the session as always: logging in again would kick the user's other
    // device in turn.
    if (this.#relogging && (state !== 'ABORTED' || reason === 'TOKEN_EXPIRED')) {
      if (state === 'ABORTED') this.#expiredWhileRelogging = true;
      else if (state === 'RECONNECTING' || state === 'CONNECTED') this.#droppedWhileRelogging = state === 'RECONNECTING';
      return;
    }
    const phase = this.#state.phase;
    if (state === 'RECONNECTING' && phase === 'logged-in') return this.#dropped();
    if (state === 'CONNECTED' && phase === 'reconnecting') return this.#restored();
    if (state === 'ABORTED') {
      if (reason === 'REMOTE_LOGIN') return this.#end(LegacyCode.LOGOUT_E_KICKED);
      if (reason === 'TOKEN_EXPIRED') return void this.#tokenExpired();
      return this.#end(LegacyCode.LOGOUT_E_NET);
    }
    if (state === 'DISCONNECTED' && (phase === 'logged-in' || phase === 'reconnecting')) {
      this.#end(LegacyCode.LOGOUT_E_NET);
    }
  };

  /** The connection dropped: status 3, sends held, and the legacy retry budget starts. */
  #dropped(): void {
    this.#state = moved(this.#state, { phase: 'reconnecting' });
    this.#pacer.pause();
    const { attempts, budgetMs } = retrySchedule(this.#init.reconnect ?? {});
    attempts.forEach((at, i) => {
      this.#budgetTimers.push(this.clock.setTimeout(() => this.emit('reconnecting', i + 1), at));
    });
    this.#budgetTimers.push(
      this.clock.setTimeout(() => {
        this.log.warn(`reconnect budget of ${budgetMs} ms exhausted; logging out`);
        this.#end(LegacyCode.LOGOUT_E_NET);
      }, budgetMs),
    );
  }

  #restored(): void {
    this.#clearBudget();
    this.#state = moved(this.#state, { phase: 'logged-in' });
    this.#pacer.resume();
    this.emit('reconnected');
    this.emit('loginSuccess', this.uid);
  }

  #clearBudget(): void {
    for (const timer of this.#budgetTimers) this.clock.clearTimeout(timer);
    this.#budgetTimers = [];
  }

  /** TOKEN_EXPIRED: with a tokenProvider, log in again with a fresh token; otherwise `logout(105)`. */
  async #tokenExpired(): Promise<void> {
    const client = this.#client;
    if (!this.options.tokenProvider || !client) return this.#end(LegacyCode.LOGOUT_E_TOKENEXPIRED);
    this.#state = moved(this.#state, { phase: 'reconnecting', relogging: true });
    this.#expiredWhileRelogging = this.#droppedWhileRelogging = false;
    this.#renewal = undefined;
    this.#pacer.pause();
    this.#channels.dropAll();
    this.#calls.loginEnded();
    try {
      await client.logout();
      const token = await this.#token();
      this.#rtmToken = token;
      // The expiry's own TokenExpired, or a warning of the token just replaced, needs no renewal.
      this.#renewal = undefined;
      // Logged out while the token was fetched: no spacing timer, no login after the end.
      if (this.#ended) return;
      // RTM refuses a login within 500 ms of the previous one: an early expiry waits for that.
      if (!(await this.#loginSpacing())) return;
      await this.#loginClient(client, token);
      await this.#queries.restoreOwnAttributes();
    } catch (error) {
      this.log.warn(`re-login after token expiry failed: ${this.#describe(error)}`);
      return this.#end(reloginEndCode(error, true));
    } finally {
      this.#state = moved(this.#state, { relogging: false });
    }
    if (this.#ended) return;
    this.#reloginDone(true);
  }

  /**
   * A re-login is over, and what the connection did while it was ignored is the session's: a token
   * that expired meanwhile is renewed by logging in again, a drop since the re-login's login starts
   * the legacy retry budget (`onLoginSuccess` then comes when the link is back, in state 2).
   * Otherwise the app sees the new login when `announce` says so.
   */
  #reloginDone(announce: boolean): void {
    const expired = this.#expiredWhileRelogging;
    const renewal = this.#renewal;
    this.#renewal = undefined;
    if (expired) void this.#tokenExpired();
    else if (this.#droppedWhileRelogging) this.#dropped();
    else if (announce) this.#restored();
    // The login may run on the token RTM warned of: renew it (an expiry's re-login fetches its own).
    if (expired) return;
    if (typeof renewal === 'string') void this.#renew(renewal);
    else if (renewal) this.#onTokenWillExpire();
  }

  /**
   * A logout and login of the RTM client that the app does not see: RTM 1.x forgets the channel ID
   * of a failed join only then (docs/reference/rtm1-web-sdk.md §2.3). Its connection-state changes are
   * ignored and the phase stays logged-in; sends wait in the pacer. A legacy `logout()` meanwhile
   * wins: the client is logged out again if its login completes after it.
   */
  async #relogin(): Promise<boolean> {
    const client = this.#client;
    const busy = this.#calls.size > 0 || !this.#pacer.idle || this.#queries.busy;
    if (!client || this.#state.phase !== 'logged-in' || this.#relogging || busy) return false;
    this.#state = moved(this.#state, { relogging: true });
    this.#expiredWhileRelogging = this.#droppedWhileRelogging = false;
    this.#renewal = undefined;
    this.#pacer.pause();
    let expired = false;
    // Given up while still logged in, or done: either way what the connection did meanwhile is the session's.
    let outcome: 'abandoned' | 'done' | undefined;
    try {
      // RTM refuses a login within 500 ms of the previous one; wait while still logged in.
      if (!(await this.#loginSpacing())) return false;
      // A call that arrived meanwhile would not outlive the logout, and a login on a link that
      // dropped meanwhile would fail: the retried join fails instead.
      if (this.#calls.size > 0 || this.#droppedWhileRelogging) {
        outcome = 'abandoned';
        return false;
      }
      await client.logout();
      if (this.#ended) return false;
      expired = this.#expiredWhileRelogging;
      this.#expiredWhileRelogging = false;
      if (expired && !this.options.tokenProvider) {
        this.#end(LegacyCode.LOGOUT_E_TOKENEXPIRED);
        return false;
      }
      // The token expired meanwhile: this login is the token expiry's re-login too.
      if (expired) {
        this.#rtmToken = await this.#token();
        this.#renewal = undefined;
      }
      // Logged out while the token was fetched: no login after the session's end.
      if (this.#ended) return false;
      await this.#loginClient(client, this.#rtmToken);
      await this.#queries.restoreOwnAttributes();
      outcome = 'done';
    } catch (error) {
      if (this.#ended) return false;
      this.log.warn(`re-login to clear a failed channel join failed: ${this.#describe(error)}`);
      // After a token expiry it was the expiry's re-login, which ends as that one does.
      this.#end(reloginEndCode(error, expired));
      return false;
    } finally {
      this.#state = moved(this.#state, { relogging: false });
      // After a token expiry the app sees the new login (and rejoins its channels there).
      if (outcome && !this.#ended) this.#reloginDone(outcome === 'done' && expired);
      // The sends held meanwhile go, unless the session is reconnecting or logging in again now.
      if (!this.#ended && this.#state.phase === 'logged-in') this.#pacer.resume();
    }
    if (!this.#ended) return true;
    // Logged out while the login was under way: nothing of this login may stay logged in.
    void this.#logoutClient(client);
    return false;
  }

  /** Resolves true once RTM accepts a new login, false if the login ended first. */
  #loginSpacing(): Promise<boolean> {
    const wait = this.#lastLoginAt + RTM_LOGIN_SPACING_MS - this.clock.now();
    if (wait <= 0) return Promise.resolve(!this.#ended);
    return new Promise((resolve) => {
      const done = (go: boolean): void => {
        this.#spacing = undefined;
        resolve(go && !this.#ended);
      };
      this.#spacing = { timer: this.clock.setTimeout(() => done(true), wait), done };
    });
  }

  /**
   * A fresh token before the old one expires, or, while reconnecting, after it did. An expiry
   * that ended the connection (ABORTED) is `#tokenExpired`'s, which is already logging in again;
   * during a re-login only the new login's reconnection waits for one, and a warning is renewed
   * once the re-login is over.
   */
  #onTokenWillExpire = (): void => {
    if (!this.options.tokenProvider || !this.#client) return;
    // The client logs out and in during a re-login: the renewal waits for its end (`#reloginDone`).
    if (this.#holdsRenewals) {
      this.#renewal = true;
      return;
    }
    void this.#token().then((token) => this.#renew(token));
  };

  /** A re-login is logging the client out and in (not reconnecting a dropped new login, where RTM waits for a renewal). */
  get #holdsRenewals(): boolean {
    return this.#relogging && !this.#droppedWhileRelogging;
  }

  /** Renews with a fetched token; never rejects. */
  async #renew(token: string | undefined): Promise<void> {
    // No RTM call once the session ended (a logout or a kick while the token was fetched).
    if (token === undefined || !this.active || !this.#client) return;
    if (this.#holdsRenewals) {
      // A re-login began meanwhile, and its client logging out and in would refuse the renewal:
      // its login takes this token if it has not logged in yet, and `#reloginDone` renews with it.
      this.#rtmToken = this.#renewal = token;
      return;
    }
    try {
      await this.#client.renewToken(token);
      // A later re-login the app does not see logs in with it.
      this.#rtmToken = token;
    } catch (error) {
      this.log.warn(`renewToken failed: ${this.#describe(error)}`);
    }
  }

  #onInvitation = (remote: RemoteInvitationLike): void => {
    const call = this.#calls.incoming(remote);
    if (call) this.emit('inviteReceived', call);
  };

  /** True from the start until the login ends or a logout is asked for. */
  get active(): boolean {
    return !this.#ended && !this.#logoutRequested;
  }

  /** Messages may be sent (or held, while reconnecting). */
  get #sending(): boolean {
    return this.#state.phase === 'logged-in' || this.#state.phase === 'reconnecting';
  }

  /** A p2p message; held while reconnecting, failed when not logged in. `notice`: see `SendNotice`. */
  sendPeer<D>(peer: string, payload: unknown, notice?: SendNotice<D>, datum?: D): Promise<Result> {
    if (this.#sending) return this.#peers.send(peer, payload, notice, datum);
    this.log.warn(`messageInstantSend to "${peer}": not logged in`);
    return toldLater(err(LegacyCode.SENDMESSAGE_E_OTHER, 'not logged in'), notice, datum as D);
  }

  /**
   * `messageChannelSendForce`: a channel message by name, joined or not (a brief join when not).
   * `send` is `sendToChannelForce` (`./channelSendForce.ts`), handed in by the dialect that has the
   * call, so a build without that dialect carries none of it.
   */
  sendToChannel(name: string, payload: unknown, send: ChannelSendForce): Promise<Result> {
    return send(this.#channels, name, payload, this.#sending);
  }

  /** A channel join; when not logged in, the handle reports `joinFailed(1003)`. */
  join(name: string): ChannelHandle {
    if (this.#state.phase === 'logged-in') return this.#channels.join(name);
    this.log.warn(`channelJoin of "${name}": not logged in`);
    return this.#channels.refuse(name, { code: LegacyCode.GENERAL_E_NOT_LOGIN, reason: 'not logged in' });
  }

  /** An outgoing call (it fails with `INVITE_E_OTHER` when not logged in by the time it is sent). */
  invite(channelName: string, peer: string, extra: unknown): CoreCall {
    return this.#calls.invite(channelName, peer, extra);
  }

  /**
   * A legacy query or user-attribute RPC (docs/reference/mapping-decisions.md, "User attributes and
   * `invoke`"): `invoke`, `userStatus`, `setUserAttr`, `getUserAttr`, `getUserAttrAll`,
   * `channelMemberCount`, `channelUserIsIn`, `channelAttr`. A failure carries 1003 when the login is
   * not logged in by the time it answers, else 1001. Answers come in the order the queries were
   * made (`InOrder`).
   */
  query<K extends QueryName>(name: K, ...args: Parameters<Queries[K]>): Promise<QueryResult> {
    const run = this.#queries[name] as (...a: Parameters<Queries[K]>) => Promise<QueryResult>;
    return this.#answers.next(run.apply(this.#queries, args));
  }
}

/**
 * How a failed re-login ends the session: RTM refusing the token as expired in `onLogout(105)`; a
 * network failure (RTM's timeout) in `onLogout(102)`; anything else in 105 after a token expiry
 * (that re-login's own failure), else in 102.
 */
function reloginEndCode(error: unknown, afterExpiry: boolean): number {
  const code = loginFailureCode(error);
  const expiry = code === LegacyCode.LOGIN_E_TOKENEXPIRED || (afterExpiry && code !== LegacyCode.LOGIN_E_NET);
  return expiry ? LegacyCode.LOGOUT_E_TOKENEXPIRED : LegacyCode.LOGOUT_E_NET;
}
