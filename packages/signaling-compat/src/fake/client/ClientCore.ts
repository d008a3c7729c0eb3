import type { ConnectionChangeReason, ConnectionState, PeersOnlineStatusMap } from '../../rtm/types';
import { invalidArgument, invalidStatus, RtmError, timeoutError } from '../../rtm/rtm1/errors';
import { notLoggedIn } from '../rules/errors';
import type { CallLedger } from '../server/CallLedger';
import type { FakeServer } from '../server/FakeServer';
import { ChannelInstances } from './ChannelInstances';
import type { Emit } from './clientEmit';
import type { InvitationMethod, InvitationPort, LocalInvitationEndpoint } from './InvitationPort';
import { InvitationRouter } from './InvitationRouter';
import { LocalAttributes } from './LocalAttributes';
import { type RequestOptions, roundTrip } from './roundTrip';
import { PeerSubscriptions } from './PeerSubscriptions';
import { type InvitationTiming, LOGIN_SPACING_MS, MESSAGE_RATE, SlidingWindow, TIMEOUTS } from '../../rtm/rtm1/limits';
import type { Network } from '../server/Network';
import { isPlainObject, isValidId } from '../../rtm/rtm1/validation';
import type { AbortReason, ClientPort, InvitationSignal } from '../server/wire';

export interface ClientCoreOptions {
  appId: string;
  server: FakeServer;
  net: Network;
  ledger: CallLedger;
  timing: InvitationTiming;
  endCallPrefix: string;
  emit: Emit;
}

/**
 * docs/reference/rtm1-web-sdk.md §2.3 login checks 1–2. The SDK reads `options.token` first, so login() and login(null) fail with
 * that read's TypeError; a non-plain options object or a bad uid is ArgErr 3.
 */
function checkLoginArguments(options: unknown): { uid: string; token: unknown } {
  void (options as { token?: unknown }).token;
  if (!isPlainObject(options) || !isValidId(options.uid)) throw invalidArgument(3, 'not a valid user id');
  const { uid, token } = options;
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw invalidArgument(3, 'The "token" is not a valid string.');
  }
  return { uid, token };
}

/**
 * Everything one RtmClient knows: the connection state machine (docs/reference/rtm1-web-sdk.md §4.1), the current login
 * session, the per-session caches the SDK keeps (docs/reference/rtm1-web-sdk.md §4.13, §4.10), its channel instances and
 * invitations, and the request/response plumbing with its timeouts. `FakeClient` is the public
 * face; channels and the `*Calls` modules work through this object, invitations only through
 * its `InvitationPort` side.
 */
export class ClientCore implements InvitationPort {
  readonly appId: string;
  readonly server: FakeServer;
  readonly net: Network;
  readonly ledger: CallLedger;
  readonly timing: InvitationTiming;
  readonly endCallPrefix: string;
  readonly emit: Emit;
  readonly #invitations: InvitationRouter;

  #state: ConnectionState = 'DISCONNECTED';
  #uid: string | undefined;
  #everLoggedIn = false;
  #port: ClientPort | undefined;
  #token: string | undefined;
  #tokenWarned = false;
  #needsRenewedToken = false;
  #loginRecord: Promise<void> | undefined;
  #resendLogin: (() => void) | undefined;
  #lastLoginAt = Number.NEGATIVE_INFINITY;
  #messageRate: SlidingWindow;
  readonly #reconnectWaiters = new Set<(state: ConnectionState) => void>();

  /** RtmChannel instances that are joining or joined, and the session's record of channel IDs. */
  readonly channels = new ChannelInstances();
  readonly attributes = new LocalAttributes();
  readonly subscriptions = new PeerSubscriptions();
  #unlink: (() => void) | undefined;

  constructor(options: ClientCoreOptions) {
    this.appId = options.appId;
    this.server = options.server;
    this.net = options.net;
    this.ledger = options.ledger;
    this.timing = options.timing;
    this.endCallPrefix = options.endCallPrefix;
    this.emit = options.emit;
    this.#invitations = new InvitationRouter(this, this.emit, this.endCallPrefix);
    this.#messageRate = new SlidingWindow(this.net.clock, MESSAGE_RATE);
  }

  /** Link changes matter only between login and logout; the subscription ends with the session. */
  #listenToLink(): void {
    this.#unlink ??= this.net.onLinkChange((uid) => {
      if (uid === this.#uid) this.net.soon(() => this.#linkChanged());
    });
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get uid(): string | undefined {
    return this.#uid;
  }

  /** The SDK creates its session object at the first login and keeps it (join/leave 102 vs 3). */
  get everLoggedIn(): boolean {
    return this.#everLoggedIn;
  }

  // -------------------------------------------------------------------------------------------
  // Login and logout (docs/reference/rtm1-web-sdk.md §2.3, §4.1)

  /** Not `async`: the caller and a waiting logout() share one promise, so the caller hears first. */
  login(options: unknown): Promise<void> {
    let uid: string;
    let token: unknown;
    try {
      ({ uid, token } = checkLoginArguments(options));
    } catch (error) {
      return Promise.reject(error);
    }
    let attempt: Promise<void>;
    try {
      attempt = this.#login(uid, token);
    } catch (error) {
      attempt = Promise.reject(error);
    }
    // @note compat: the SDK records the latest call that passed the argument checks as "the
    // login in flight", even one that fails at once (too often, already logging in), and clears
    // the record when any of them settles; logout() waits only for what is recorded. So after a
    // stacked login, logout() goes ahead while the first login is still pending (docs/reference/rtm1-web-sdk.md §2.3).
    this.#loginRecord = attempt;
    const clear = () => {
      this.#loginRecord = undefined;
    };
    attempt.then(clear, clear);
    return attempt;
  }

  #login(uid: string, token: unknown): Promise<void> {
    const now = this.net.clock.now();
    if (now - this.#lastLoginAt < LOGIN_SPACING_MS) {
      throw new RtmError('RtmInvokeTooOftenError', 10, 'The frequency of login exceeded the limit of 2 queries per second');
    }
    if (this.#state !== 'DISCONNECTED') throw invalidStatus(8, 'The SDK is either logging in or has logged in the Agora RTM system');
    this.#lastLoginAt = now;
    this.#everLoggedIn = true;
    this.channels.newLogin();
    this.#uid = uid;
    // docs/reference/rtm1-web-sdk.md §2.3: a token equal to the App ID means "no token".
    this.#token = typeof token === 'string' && token !== this.appId ? token : undefined;
    this.#tokenWarned = false;
    this.#needsRenewedToken = false;
    this.#messageRate = new SlidingWindow(this.net.clock, MESSAGE_RATE);
    const port = this.#openPort(uid);
    this.#port = port;
    const attempt = this.#connect(port, this.ledger.takeFault('login'));
    this.#listenToLink();
    this.#setState('CONNECTING', 'LOGIN');
    return attempt;
  }

  /** docs/reference/rtm1-web-sdk.md §4.14: waits for an in-flight login (and fails with its error), un-joins silently, quits. */
  async logout(): Promise<void> {
    if (this.#loginRecord) await this.#loginRecord;
    if (this.#state === 'DISCONNECTED') {
      throw invalidStatus(102, 'Logout failure. The client has already been logged out.');
    }
    const fault = this.ledger.takeFault('logout');
    if (fault) throw fault;
    this.channels.dropAll();
    const port = this.#port;
    // From ABORTED the server has already dropped the session: a local-only transition.
    if (port && this.#state !== 'ABORTED') this.#fireAndForget(port, (server) => server.logout(port));
    this.#port = undefined;
    this.#resendLogin = undefined;
    this.#needsRenewedToken = false;
    this.#setState('DISCONNECTED', 'LOGOUT');
  }

  /** docs/reference/rtm1-web-sdk.md §2.3 renewToken; in ABORTED the SDK's promise never settles. */
  async renewToken(token: unknown): Promise<void> {
    if (typeof token !== 'string' || token === '') throw invalidArgument(2, 'Invalid argument');
    if (this.#state === 'ABORTED') return new Promise<void>(() => undefined);
    if (this.#state !== 'CONNECTED' && this.#state !== 'RECONNECTING') throw notLoggedIn();
    const uid = this.#uid as string;
    await this.request({
      timeoutMs: TIMEOUTS.renewTokenMs,
      timeout: () => timeoutError(1, 'Executing "RtmClient.renewToken" timed out after 20s'),
      fault: this.ledger.takeFault('renewToken'),
      viaAccessPoint: true,
      serve: (server) => server.checkRenewedToken(uid, token),
      arrive: () => {
        this.#token = token;
        this.#tokenWarned = false;
        if (!this.#needsRenewedToken) return;
        this.#needsRenewedToken = false;
        if (this.#state === 'RECONNECTING' && this.net.isUp(uid)) this.#resume();
      },
    });
  }

  // -------------------------------------------------------------------------------------------
  // Plumbing used by channels, invitations and the *Calls modules

  /**
   * One request to the server and its answer, with the SDK's timeout for that API. A request or
   * answer that meets a cut connection is lost, so the call ends in its timeout error.
   */
  request<T>(options: RequestOptions<T>): Promise<T> {
    const port = this.#port;
    if (!port) return Promise.reject(notLoggedIn());
    return roundTrip(this.net, this.server, port, options);
  }

  count(method: InvitationMethod): void {
    this.ledger.count(method);
  }

  takeFault(method: InvitationMethod): RtmError | undefined {
    return this.ledger.takeFault(method);
  }

  trackLocal(calleeId: string, callId: string, endpoint: LocalInvitationEndpoint): void {
    this.#invitations.trackLocal(calleeId, callId, endpoint);
  }

  /** A request nobody waits for (leave, unsubscribe): lost if the connection is cut. */
  fireAndForget(serve: (server: FakeServer, port: ClientPort) => void): void {
    if (this.#port) this.#fireAndForget(this.#port, serve);
  }

  /** docs/reference/rtm1-web-sdk.md §3.5: 180 peer + channel sends per sliding 3 s of one login session. */
  takeMessageSlot(): boolean {
    return this.#messageRate.tryTake();
  }

  /**
   * docs/reference/rtm1-web-sdk.md §4.4: sends issued while RECONNECTING wait up to 9 s for the connection to come back. As in
   * the SDK, only a reconnection ends the wait early: a logout or an abort meanwhile does not, so
   * such a send still ends in the timeout.
   */
  waitWhileReconnecting(): Promise<'connected' | 'timeout'> {
    return new Promise((resolve) => {
      const waiter = (state: ConnectionState): void => {
        if (state !== 'CONNECTED') return;
        this.#reconnectWaiters.delete(waiter);
        this.net.cancel(timer);
        resolve('connected');
      };
      const timer = this.net.later(TIMEOUTS.reconnectWaitMs, () => {
        this.#reconnectWaiters.delete(waiter);
        resolve('timeout');
      });
      this.#reconnectWaiters.add(waiter);
    });
  }

  /**
   * An invitation signal to a peer; `onReply(received)` gets the server's answer (false = peer
   * offline). Without a live connection the signal is simply lost, as the SDK's is.
   */
  sendSignal(peerId: string, signal: InvitationSignal, onReply?: (received: boolean) => void): void {
    const port = this.#port;
    if (!port || this.#state !== 'CONNECTED') return;
    this.net.hop(() => {
      if (!this.net.isUp(port.uid)) return;
      // The server answers once the peer has it (docs/reference/rtm1-web-sdk.md §4.6), so the peer hears of it first.
      const received = this.server.sendSignal(port, peerId, signal);
      this.net.hop(() => {
        if (this.net.isUp(port.uid) && this.#port === port) onReply?.(received);
      });
    });
  }

  /** docs/reference/rtm1-web-sdk.md §4.10: ask the server for the peers' state and report one map (after subscribe, after reconnect). */
  refreshSubscriptions(peerIds: string[]): void {
    this.request({
      timeoutMs: TIMEOUTS.queryMs,
      timeout: () => timeoutError(4, 'Querying the online status timed out'),
      serve: (server) => peerIds.map((peerId): [string, boolean] => [peerId, server.isOnline(peerId)]),
      arrive: (states) => {
        const report: PeersOnlineStatusMap = {};
        for (const [peerId, online] of states) {
          if (!this.subscriptions.has(peerId)) continue;
          report[peerId] = online ? 'ONLINE' : 'OFFLINE';
          this.subscriptions.report(peerId, report[peerId]);
        }
        if (Object.keys(report).length > 0) this.emit('PeersOnlineStatusChanged', report);
      },
    }).catch(() => undefined); // an internal refresh that times out is just lost
  }

  // -------------------------------------------------------------------------------------------

  #connect(port: ClientPort, fault: RtmError | undefined): Promise<void> {
    const { net } = this;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (error: RtmError, reason: ConnectionChangeReason): void => {
        settled = true;
        net.cancel(timer);
        this.#resendLogin = undefined;
        if (this.#port === port) {
          this.#port = undefined;
          this.#setState('DISCONNECTED', reason);
        }
        reject(error);
      };
      const timer = net.later(TIMEOUTS.loginMs, () => {
        if (settled) return;
        // The server may have opened the session after all; the SDK gives it up.
        this.#fireAndForget(port, (server) => server.logout(port));
        fail(timeoutError(9, 'Executing "RtmClient.login" timed out after 12s'), 'LOGIN_TIMEOUT');
      });
      const attempt = (): void => {
        this.#resendLogin = undefined;
        net.hop(() => {
          if (settled) return;
          if (!net.isUp(port.uid)) {
            this.#resendLogin = attempt;
            return;
          }
          let error = fault;
          net.hop(() => {
            if (settled) return;
            if (!net.isUp(port.uid)) {
              this.#resendLogin = attempt;
              return;
            }
            if (error) {
              fail(error, error.name === 'RtmTimeoutError' ? 'LOGIN_TIMEOUT' : 'LOGIN_FAILURE');
              return;
            }
            settled = true;
            net.cancel(timer);
            try {
              if (this.#port === port) this.#setState('CONNECTED', 'LOGIN_SUCCESS');
            } finally {
              resolve();
            }
          });
          if (!error) {
            try {
              this.server.login(port, this.#token);
            } catch (thrown) {
              error = thrown instanceof RtmError ? thrown : new RtmError('RtmUnavailableError', 1, 'Login failure');
            }
          }
        });
      };
      attempt();
    });
  }

  #setState(state: ConnectionState, reason: ConnectionChangeReason): void {
    this.#state = state;
    if (state === 'DISCONNECTED' || state === 'ABORTED') {
      // docs/reference/rtm1-web-sdk.md §4.1: entering DISCONNECTED or ABORTED clears these caches and the token.
      this.attributes.clear();
      this.subscriptions.clear();
      this.#token = undefined;
      // Nothing of a logged-out client runs on: no link listener holding it, no invitation timer.
      this.#unlink?.();
      this.#unlink = undefined;
      this.#invitations.halt();
    }
    for (const waiter of [...this.#reconnectWaiters]) waiter(state);
    this.emit('ConnectionStateChanged', state, reason);
  }

  #linkChanged(): void {
    const up = this.net.isUp(this.#uid);
    if (!up && this.#state === 'CONNECTED') this.#setState('RECONNECTING', 'INTERRUPTED');
    else if (up && this.#state === 'CONNECTING') this.#resendLogin?.();
    else if (up && this.#state === 'RECONNECTING') this.#resume();
  }

  /** docs/reference/rtm1-web-sdk.md §4.4: re-establish the session; joined channels, attributes and subscriptions carry over. */
  #resume(): void {
    const port = this.#port;
    if (!port || this.#needsRenewedToken) return;
    this.net.hop(() => {
      if (!this.net.isUp(port.uid) || this.#port !== port) return;
      let outcome: 'resumed' | 'kicked' = 'kicked';
      this.net.hop(() => {
        if (!this.net.isUp(port.uid) || this.#port !== port || this.#state !== 'RECONNECTING') return;
        if (outcome === 'kicked') {
          this.#abort(port, 'REMOTE_LOGIN');
          return;
        }
        this.#setState('CONNECTED', 'LOGIN_SUCCESS');
        if (this.subscriptions.size > 0) this.refreshSubscriptions(this.subscriptions.peers());
      });
      outcome = this.server.resume(port, {
        channels: this.channels.joinedIds(),
        attributes: this.attributes.userEntries(),
        subscriptions: this.subscriptions.peers(),
      });
    });
  }

  #abort(port: ClientPort, reason: AbortReason): void {
    if (this.#port !== port) return;
    if (reason === 'TOKEN_EXPIRED' && this.#state === 'RECONNECTING') {
      // docs/reference/rtm1-web-sdk.md §4.2(b): while reconnecting the expiry shows as TokenExpired alone; the reconnection then
      // waits for renewToken (the docs/reference/rtm1-web-sdk.md §6.1 choice).
      this.#needsRenewedToken = true;
      this.emit('TokenExpired');
      return;
    }
    this.#port = undefined;
    this.#resendLogin = undefined;
    this.#setState('ABORTED', reason);
    if (reason === 'TOKEN_EXPIRED') this.emit('TokenExpired');
  }

  #fireAndForget(port: ClientPort, serve: (server: FakeServer, port: ClientPort) => void): void {
    this.net.hop(() => {
      if (!this.net.isUp(port.uid)) return;
      try {
        serve(this.server, port);
      } catch (error) {
        if (!(error instanceof RtmError)) throw error;
      }
    });
  }

  /** The server's view of this login; pushes to a port the client has moved on from are dropped. */
  #openPort(uid: string): ClientPort {
    const live = (): boolean => this.#port === port;
    // docs/reference/rtm1-web-sdk.md §4.5: anything whose source is the local uid is dropped before dispatch.
    const fromOther = (from: string): boolean => live() && from !== uid;
    const port: ClientPort = {
      uid,
      deliverPeerMessage: (message, from, props) => {
        if (fromOther(from)) this.emit('MessageFromPeer', message, from, props);
      },
      deliverSignal: (signal, from, props) => {
        if (fromOther(from)) this.#invitations.receive(signal, from, props);
      },
      deliverChannelMessage: (channelId, message, from, props) => {
        if (fromOther(from)) this.channels.joined(channelId)?.receiveMessage(message, from, props);
      },
      deliverMemberNotice: (channelId, notice) => {
        if (live()) this.channels.joined(channelId)?.receiveMemberNotice(notice);
      },
      deliverMemberCount: (channelId, count) => {
        if (live()) this.channels.joined(channelId)?.receiveMemberCount(count);
      },
      deliverAttributes: (channelId, attributes) => {
        if (live()) this.channels.joined(channelId)?.receiveAttributes(attributes);
      },
      deliverPeerStatus: (peerId, state) => {
        if (!live() || !this.subscriptions.has(peerId) || this.subscriptions.stateOf(peerId) === state) return;
        this.subscriptions.report(peerId, state);
        this.emit('PeersOnlineStatusChanged', { [peerId]: state });
      },
      abort: (reason) => this.#abort(port, reason),
      tokenWillExpire: () => {
        // docs/reference/rtm1-web-sdk.md §1.2: once per token value.
        if (!live() || this.#tokenWarned) return;
        this.#tokenWarned = true;
        this.emit('TokenPrivilegeWillExpire');
      },
    };
    return port;
  }
}
