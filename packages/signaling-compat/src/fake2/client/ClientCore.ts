import type { TimerHandle } from '../../rtm/clock';
import type { ClientPort, ServerRejectReason, ServiceEventMap } from '../server/ClientPort';
import type { Cloud, LinkWatcher } from '../server/Cloud';
import { LinkStateChangeReasonDescription, type LinkStateChangeReason, TokenEventReason } from '../rules/constants';
import { notConnected, rtmError, type RTMBaseError, unavailableError } from '../rules/errors';
import type { Rtm2MethodName } from '../server/Ledger';
import { ATTEMPT_MS, LATER_RETRY_WAIT_S, RateLimiter, type RateBucket, RETRY_WAITS_S, SUSPEND_AFTER_MS } from '../rules/limits';
import { Listeners } from './Listeners';
import type { Service } from '../server/Service';
import type { LinkOperation, RTMLinkState, StateDetail, SubscribeOptions } from '../types';

/** The link reason of a refused login, by error code (docs/reference/rtm2-web-sdk.md §1.9 CONNECTING → FAILED). */
const FAILED_REASON: ReadonlyMap<number, LinkStateChangeReason> = new Map<number, LinkStateChangeReason>([
  [-10005, 'INVALID_TOKEN'],
  [-10016, 'INCONSISTENT_APP_ID'],
  [-10009, 'TOKEN_EXPIRED'],
  [-10015, 'LOGIN_NOT_AUTHORIZED'],
  [-10006, 'INVALID_USER_ID'],
  [-10022, 'SERVICE_NOT_SUPPORTED'],
  [-10021, 'OPERATION_RATE_EXCEED_LIMITATION'],
  [-10011, 'LOGIN_TIMEOUT'],
]);

interface PendingLogin {
  resolve(value: { timestamp: number }): void;
  reject(error: unknown): void;
}

interface PendingRequest {
  operation: string;
  timer: TimerHandle;
  fail(error: RTMBaseError): void;
}

/** One logged-in session as the service sees it; a new one per successful login. */
class Session implements ClientPort {
  readonly userId: string;
  readonly presenceTimeoutS: number;
  readonly #core: ClientCore;

  constructor(core: ClientCore, userId: string, presenceTimeoutS: number) {
    this.#core = core;
    this.userId = userId;
    this.presenceTimeoutS = presenceTimeoutS;
  }

  receive<E extends keyof ServiceEventMap>(event: E, payload: ServiceEventMap[E]): void {
    this.#core.receive(this, event, payload);
  }

  rejected(reason: ServerRejectReason): void {
    this.#core.rejected(this, reason);
  }

  tokenWillExpire(): void {
    this.#core.tokenWillExpire(this);
  }
}

/**
 * The state of one 2.x client (docs/reference/rtm2-web-sdk.md §1.9, §2.3, §2.4, §2.15): the link
 * state machine with the login/reconnect loop of 5 s attempts and 2, 4, 8, 16, 32, 32, then 30 s
 * waits, the subscriptions it remembers, the cached presence states, the rate budget, the
 * listeners, and the request plumbing every public method uses. Nothing of it outlives `logout()`.
 */
export class ClientCore implements LinkWatcher {
  readonly cloud: Cloud;
  readonly appId: string;
  readonly userId: string;
  readonly presenceTimeoutS: number;
  readonly listeners: Listeners;
  readonly rate: RateLimiter;
  /** Subscribed message channels with their options, in subscription order. */
  readonly subscriptions = new Map<string, SubscribeOptions>();
  /** docs/reference/rtm2-web-sdk.md §1.4: presence state per channel, cached locally (set while not connected too). */
  readonly states = new Map<string, StateDetail>();
  /** Users whose metadata this client subscribed to. */
  readonly userWatches = new Set<string>();
  /** Lock names this client holds (storage calls with a `lockName` need one). */
  readonly heldLocks = new Set<string>();
  state: RTMLinkState = 'IDLE';
  token: string | undefined;
  #session: Session | undefined;
  /** True once a login succeeded, until logout: a link-down subscribe is then cached (docs/reference/rtm2-web-sdk.md §2.10). */
  #hadSession = false;
  #pendingLogin: PendingLogin | undefined;
  #loopTimer: TimerHandle | undefined;
  #giveUpTimer: TimerHandle | undefined;
  #retryIndex = 0;
  #outageStart: number | undefined;
  #path: 'login' | 'reconnect' = 'login';
  #suspended = false;
  #attemptId = 0;
  readonly #pending = new Set<PendingRequest>();

  constructor(cloud: Cloud, appId: string, userId: string, presenceTimeoutS: number, logLevel: string) {
    this.cloud = cloud;
    this.appId = appId;
    this.userId = userId;
    this.presenceTimeoutS = presenceTimeoutS;
    this.rate = new RateLimiter(cloud.clock, cloud.rateLimits);
    this.listeners = new Listeners((message, error) => {
      if (logLevel !== 'none') console.error(`RTM:ERROR ${message}`, error);
    });
  }

  get service(): Service {
    return this.cloud.service(this.appId);
  }

  get connected(): boolean {
    return this.state === 'CONNECTED';
  }

  /** docs/reference/rtm2-web-sdk.md §2.10: the link is down after a successful login, so subscribe/unsubscribe are cached. */
  get linkDownAfterLogin(): boolean {
    return this.#hadSession && (this.state === 'DISCONNECTED' || this.state === 'SUSPENDED' || this.state === 'CONNECTING');
  }

  now(): number {
    return this.cloud.clock.now();
  }

  /** docs/reference/rtm2-web-sdk.md §2.14: consumes one unit of `bucket`; the −10021 error when the window is full. */
  takeRate(bucket: RateBucket, operation: string): RTMBaseError | undefined {
    if (!this.cloud.parameters.ENABLE_API_RATE_LIMIT || this.rate.tryTake(bucket)) return undefined;
    return unavailableError(-10021, operation);
  }

  count(method: Rtm2MethodName): void {
    this.cloud.ledger.count(method);
  }

  // ---- link state ----------------------------------------------------------------------------

  emitLink(
    currentState: RTMLinkState,
    operation: LinkOperation,
    reasonCode: LinkStateChangeReason,
    affectedChannels: string[] = [],
    isResumed = false,
  ): void {
    const previousState = this.state;
    if (previousState === currentState) return;
    this.state = currentState;
    this.listeners.emit('linkState', {
      currentState,
      previousState,
      serviceType: 'MESSAGE',
      operation,
      reason: LinkStateChangeReasonDescription[reasonCode],
      reasonCode,
      affectedChannels,
      unrestoredChannels: [],
      timestamp: this.now(),
      isResumed,
    });
  }

  /** `login()` after the state gates and the CONNECTING event: the local token check, then the attempts. */
  startLogin(pending: PendingLogin): void {
    // A login while DISCONNECTED/SUSPENDED replaces the one still retrying: it is cancelled and the loop starts over.
    const previous = this.#pendingLogin;
    this.#stopLoop();
    this.#pendingLogin = pending;
    previous?.reject(unavailableError(-10023, 'login'));
    this.#path = 'login';
    this.#retryIndex = 0;
    this.#outageStart = undefined;
    this.#suspended = false;
    this.cloud.watchLink(this);
    this.#armGiveUp();
    this.#attempt();
  }

  /** A login refused locally or by the service: FAILED with the matching reason, then the rejection. */
  failLogin(error: unknown, reason: LinkStateChangeReason): void {
    const pending = this.#pendingLogin;
    this.#pendingLogin = undefined;
    this.#stopLoop();
    this.emitLink('FAILED', 'LOGIN', reason);
    pending?.reject(error);
  }

  failLoginWithCode(error: RTMBaseError): void {
    this.failLogin(error, FAILED_REASON.get(error.errorCode) ?? 'LOGIN_REJECTED');
  }

  #attempt(): void {
    const attemptId = ++this.#attemptId;
    this.#loopTimer = this.cloud.wire.later(ATTEMPT_MS, () => this.#attemptTimedOut(attemptId));
    this.cloud.wire.hop(() => {
      if (attemptId !== this.#attemptId || !this.cloud.isUp(this.userId)) return;
      const fault = this.#path === 'login' ? this.cloud.ledger.take('login', 'login') : undefined;
      if (fault) {
        this.cloud.wire.hop(() => {
          if (attemptId === this.#attemptId) this.failLoginWithCode(fault);
        });
        return;
      }
      // A reconnect resumes the session the service still holds; a login starts a new one.
      const session = this.#path === 'reconnect' && this.#session ? this.#session : new Session(this, this.userId, this.presenceTimeoutS);
      const accepted = this.service.login(session);
      this.cloud.wire.hop(() => {
        if (attemptId !== this.#attemptId) {
          if (accepted) this.service.endSession(session);
          return;
        }
        if (!accepted) {
          this.#failWithSessionEnd('SAME_UID_LOGIN');
          return;
        }
        this.#connected(session);
      });
    });
  }

  #connected(session: Session): void {
    this.#stopLoop();
    this.#session = session;
    this.#hadSession = true;
    if (this.#path === 'login') {
      this.emitLink('CONNECTED', 'LOGIN', 'LOGIN_SUCCESS');
      const pending = this.#pendingLogin;
      this.#pendingLogin = undefined;
      // Channels remembered from before a FAILED state are attended again (docs/reference/rtm2-web-sdk.md §2.4).
      this.#rejoinAll(session);
      pending?.resolve({ timestamp: 0 });
      return;
    }
    const resumed = !this.#suspended;
    const restore = resumed || this.cloud.switches.restoreAfterSuspended;
    if (!restore) this.subscriptions.clear();
    this.emitLink('CONNECTED', 'AUTO_RECONNECT', 'RECONNECT_SUCCESS', [...this.subscriptions.keys()], resumed);
    this.#rejoinAll(session);
  }

  #rejoinAll(session: Session): void {
    this.service.keepOnly(session, new Set(this.subscriptions.keys()));
    for (const [channel, options] of this.subscriptions) {
      const fresh = this.service.join(session, channel, options, this.states.get(channel));
      if (fresh) this.cloud.wire.hop(() => this.service.presenceSnapshot(session, channel));
    }
    for (const userId of this.userWatches) this.service.watchUser(session, userId);
  }

  #attemptTimedOut(attemptId: number): void {
    if (attemptId !== this.#attemptId) return;
    this.#attemptId++;
    const now = this.now();
    this.#outageStart ??= now;
    if (now - this.#outageStart >= SUSPEND_AFTER_MS) {
      this.#suspended = true;
      this.emitLink('SUSPENDED', 'AUTO_RECONNECT', 'RECONNECT_TIMEOUT');
    } else {
      this.emitLink('DISCONNECTED', 'SERVER_TIMEOUT', this.#path === 'login' ? 'LOGIN_TIMEOUT' : 'RECONNECT_TIMEOUT');
    }
    this.#waitThenRetry();
  }

  #waitThenRetry(): void {
    const waitS = RETRY_WAITS_S[this.#retryIndex] ?? LATER_RETRY_WAIT_S;
    this.#retryIndex++;
    this.#loopTimer = this.cloud.wire.later(waitS * 1_000, () => {
      this.#loopTimer = undefined;
      this.emitLink('CONNECTING', 'AUTO_RECONNECT', 'AUTO_RECONNECT');
      this.#attempt();
    });
  }

  /**
   * docs/reference/rtm2-web-sdk.md §1.1 MIN_RECONNECT_TIMEOUT_IN_SECONDS (15…3600 s): the only way 2.3.0 gives up, that long after
   * the login started (−10011, FAILED/LOGIN_TIMEOUT) or the link was lost (FAILED/RECONNECT_TIMEOUT).
   */
  #armGiveUp(): void {
    const seconds = this.cloud.parameters.MIN_RECONNECT_TIMEOUT_IN_SECONDS;
    if (seconds === undefined) return;
    const ms = Math.min(3_600, Math.max(15, seconds)) * 1_000;
    this.#giveUpTimer = this.cloud.wire.later(ms, () => {
      this.#giveUpTimer = undefined;
      if (this.#path === 'login') this.failLogin(rtmError('RtmTimeoutError', -10011, 'login'), 'LOGIN_TIMEOUT');
      else this.#failWithSessionEnd('RECONNECT_TIMEOUT', 'AUTO_RECONNECT');
    });
  }

  #stopLoop(): void {
    this.cloud.wire.cancel(this.#loopTimer);
    this.cloud.wire.cancel(this.#giveUpTimer);
    this.#giveUpTimer = undefined;
    this.#loopTimer = undefined;
    this.#attemptId++;
  }

  /** `FakeRtm2.disconnect/reconnect` for this user. */
  linkChanged(up: boolean): void {
    if (!up) {
      if (this.state !== 'CONNECTED') return;
      // docs/reference/rtm2-web-sdk.md §2.15: the keep-alive is lost; the service keeps the session until the presence timeout.
      // Requests in flight get no answer and end with their own timeouts (−11026, −11019, …).
      this.service.linkLost(this.userId);
      this.#path = 'reconnect';
      this.#retryIndex = 0;
      this.#outageStart = this.now();
      this.#suspended = false;
      this.emitLink('DISCONNECTED', 'HEARTBEAT_TIMEOUT', 'KEEP_ALIVE_TIMEOUT', [...this.subscriptions.keys()]);
      this.#armGiveUp();
      this.#waitThenRetry();
      return;
    }
    if (this.state === 'CONNECTING') {
      // The attempt in flight was lost: try again at once.
      this.cloud.wire.cancel(this.#loopTimer);
      this.#attempt();
    } else if (this.state === 'DISCONNECTED' || this.state === 'SUSPENDED') {
      // The network is back: the waiting loop retries at once (the browser's `online` event).
      this.cloud.wire.cancel(this.#loopTimer);
      this.emitLink('CONNECTING', 'AUTO_RECONNECT', 'AUTO_RECONNECT');
      this.#attempt();
    }
  }

  /** The service ended the session (kick, token expiry, another login of this user ID). */
  rejected(session: Session, reason: ServerRejectReason): void {
    if (session !== this.#session) return;
    this.#failWithSessionEnd(reason);
  }

  #failWithSessionEnd(reason: LinkStateChangeReason, operation: LinkOperation = 'SERVER_REJECT'): void {
    const pending = this.#pendingLogin;
    this.#pendingLogin = undefined;
    this.#stopLoop();
    this.#endSession();
    this.emitLink('FAILED', operation, reason, [...this.subscriptions.keys()]);
    pending?.reject(unavailableError(reason === 'SAME_UID_LOGIN' ? -10012 : -10013, 'login'));
  }

  tokenWillExpire(session: Session): void {
    if (session !== this.#session) return;
    // docs/reference/rtm2-web-sdk.md §2.16: one notice, two events; the first carries "" (the login token, not a channel).
    this.listeners.emit('tokenPrivilegeWillExpire', '');
    this.listeners.emit('token', {
      eventType: 'WILL_EXPIRE',
      reason: TokenEventReason.WILL_EXPIRE,
      affectedResources: { messageChannels: [] },
      timestamp: this.now(),
    });
  }

  receive<E extends keyof ServiceEventMap>(session: Session, event: E, payload: ServiceEventMap[E]): void {
    if (session !== this.#session || this.state !== 'CONNECTED') return;
    if (event === 'message' && payload.channelType === 'MESSAGE') {
      const channel = (payload as ServiceEventMap['message']).channelName;
      // docs/reference/rtm2-web-sdk.md §2.9: channel messages only while subscribed withMessage.
      if (this.subscriptions.get(channel)?.withMessage === false || !this.subscriptions.has(channel)) return;
    }
    // docs/reference/rtm2-web-sdk.md §1.8: a message's timestamp is the receiver's clock at receipt, not the send time.
    this.listeners.emit(event, event === 'message' ? { ...payload, timestamp: this.now() } : payload);
  }

  // ---- logout --------------------------------------------------------------------------------

  /** The first step of `logout()`: the login loop stops and a pending login rejects −10023. */
  cancelLogin(): void {
    const pending = this.#pendingLogin;
    this.#pendingLogin = undefined;
    this.#stopLoop();
    pending?.reject(unavailableError(-10023, 'login'));
  }

  /** docs/reference/rtm2-web-sdk.md §2.4: leaves everything, IDLE/LOGOUT, clears all state. */
  logout(): void {
    this.cancelLogin();
    this.#endSession();
    this.#hadSession = false;
    this.#failPending();
    const affected = [...this.subscriptions.keys()];
    this.subscriptions.clear();
    this.states.clear();
    this.userWatches.clear();
    this.heldLocks.clear();
    this.cloud.unwatchLink(this);
    this.emitLink('IDLE', 'LOGOUT', 'LOGOUT', affected);
  }

  #endSession(): void {
    const session = this.#session;
    this.#session = undefined;
    if (session) this.service.endSession(session);
  }

  // ---- requests ------------------------------------------------------------------------------

  /**
   * One request to the service and its answer: a hop there, `serve` at the service, a hop back.
   * A lost hop (link down) leaves the SDK's timeout to fail it. `fault` is a failNext failure.
   */
  request<T>(
    method: Rtm2MethodName,
    operation: string,
    timeoutMs: number,
    timeout: () => RTMBaseError,
    serve: (service: Service, session: ClientPort) => T | RTMBaseError,
  ): Promise<T> {
    const session = this.#session;
    if (!session) return Promise.reject(notConnected(operation));
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const entry: PendingRequest = {
        operation,
        timer: this.cloud.wire.later(timeoutMs, () => finish(timeout())),
        fail: (error) => finish(error),
      };
      const finish = (outcome: T | RTMBaseError) => {
        if (settled) return;
        settled = true;
        this.cloud.wire.cancel(entry.timer);
        this.#pending.delete(entry);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      this.#pending.add(entry);
      this.cloud.wire.hop(() => {
        if (settled || session !== this.#session || !this.cloud.isUp(this.userId)) return;
        const fault = this.cloud.ledger.take(method, operation);
        const outcome = fault ?? serve(this.service, session);
        this.cloud.wire.hop(() => {
          if (this.cloud.isUp(this.userId)) finish(outcome);
        });
      });
    });
  }

  /** Requests in flight when the client logs out fail as "not connected" (nothing outlives logout). */
  #failPending(): void {
    for (const entry of [...this.#pending]) entry.fail(notConnected(entry.operation));
  }

  /** A fire-and-forget message to the service (unsubscribe, presence state while subscribed). */
  send(work: (service: Service, session: ClientPort) => void): void {
    const session = this.#session;
    if (!session) return;
    this.cloud.wire.hop(() => {
      if (session === this.#session && this.cloud.isUp(this.userId)) work(this.service, session);
    });
  }
}
