import { type Clock, systemClock } from '../rtm/clock';
import type { RtmConfigLike, RtmErrorName, RtmMethodName, RtmNamespaceLike } from '../rtm/types';
import { CallLedger } from './server/CallLedger';
import {
  ConnectionChangeReason,
  ConnectionState,
  LocalInvitationFailureReason,
  LocalInvitationState,
  MessageType,
  PeerOnlineState,
  PeerSubscriptionOption,
  RemoteInvitationFailureReason,
  RemoteInvitationState,
} from './rules/enums';
import { invalidArgument, RtmError } from '../rtm/rtm1/errors';
import { uuidV4 } from './shared/uuid';
import { FakeClient } from './client/FakeClient';
import { FakeServer, type TokenValidator } from './server/FakeServer';
import { DEFAULT_INVITATION_TIMING, type InvitationTiming, type RateLimit } from '../rtm/rtm1/limits';
import { advanceThenFlush, flushDueWork } from './shared/settleDueWork';
import { Network } from './server/Network';
import { isValidAppId } from '../rtm/rtm1/validation';
import { AREA_CODES, LEGACY_AREA_CODES, LOG_FILTERS, SDK_PARAMETERS } from './rules/namespaceConstants';

/** Server-side limits the fake can enforce on top of the SDK's client-side ones. */
export interface FakeRtmLimits {
  /**
   * The documented ~10 channel-attribute writes per 5 s per client, across all its channels
   * (docs/reference/rtm1-web-sdk.md §3.5). Off by default; when on, an excess write rejects with RtmUnavailableError 2, as a
   * server refusal does.
   */
  channelAttributeOps?: RateLimit | false;
}

export interface FakeRtmOptions {
  /** The time source of every timer and timestamp; `systemClock` when omitted. */
  clock?: Clock;
  /** Milliseconds per client↔server hop (default 0). */
  latencyMs?: number;
  limits?: FakeRtmLimits;
  /** Overrides of the invitation timers (defaults: retry 2 s, offline window 30 s, expiry 60 s, accept ack 5 s, accept resend 1 s). */
  invitation?: Partial<InvitationTiming>;
  /**
   * The access point's verdict on a token at login and renewToken (default: every token is
   * valid). `token` is `undefined` when none was given or it equals the App ID.
   */
  validateToken?: TokenValidator;
}

/** docs/reference/rtm1-web-sdk.md §1.1: the only keys `createInstance`'s config accepts. */
const CONFIG_KEYS: ReadonlySet<string> = new Set(['enableLogUpload', 'logFilter', 'enableCloudProxy']);

/**
 * An in-memory stand-in for agora-rtm-sdk 1.6.0's `AgoraRTM` namespace, faithful to
 * `docs/reference/rtm1-web-sdk.md`. Each instance is one RTM cloud: clients of the same App ID see each
 * other, other App IDs are isolated, and two `FakeRtm` instances never interact.
 *
 * Besides the namespace members it has test controls that are **not part of RTM**: `flush`,
 * `advance`, `disconnect`, `reconnect`, `kick`, `expireToken`, `failNext`, `stats`, `resetStats`.
 */
export class FakeRtm implements RtmNamespaceLike {
  /** Not part of RTM: the clock every timer of this fake runs on (the shim uses it too). */
  readonly clock: Clock;
  readonly END_CALL_PREFIX = 'AgoraRTMLegacyEndcallCompatibleMessagePrefix';
  readonly VERSION = '1.6.0';
  readonly BUILD = 'v1.5.1-20-gbcf9f2a0';
  readonly ConnectionState = ConnectionState;
  readonly ConnectionChangeReason = ConnectionChangeReason;
  readonly LocalInvitationState = LocalInvitationState;
  readonly RemoteInvitationState = RemoteInvitationState;
  readonly LocalInvitationFailureReason = LocalInvitationFailureReason;
  readonly RemoteInvitationFailureReason = RemoteInvitationFailureReason;
  readonly PeerOnlineState = PeerOnlineState;
  readonly PeerSubscriptionOption = PeerSubscriptionOption;
  readonly MessageType = MessageType;
  /** docs/reference/rtm1-web-sdk.md §1.1: the SDK's log-filter presets (the fake logs nothing, whatever the filter). */
  readonly LOG_FILTER_OFF = LOG_FILTERS.OFF;
  readonly LOG_FILTER_ERROR = LOG_FILTERS.ERROR;
  readonly LOG_FILTER_WARNING = LOG_FILTERS.WARNING;
  readonly LOG_FILTER_INFO = LOG_FILTERS.INFO;
  readonly LOG_FILTER_DEBUG = LOG_FILTERS.DEBUG;
  /** docs/reference/rtm1-web-sdk.md §1.1: a uuid v4 per loaded SDK; here per fake. */
  readonly processId: string = uuidV4();
  readonly #parameters: Record<string, unknown> = { ...SDK_PARAMETERS };

  readonly #net: Network;
  readonly #ledger = new CallLedger();
  readonly #servers = new Map<string, FakeServer>();
  readonly #timing: InvitationTiming;
  readonly #validateToken: TokenValidator;
  readonly #channelAttributeOps: RateLimit | false;

  constructor(options: FakeRtmOptions = {}) {
    const latencyMs = options.latencyMs ?? 0;
    if (!Number.isFinite(latencyMs) || latencyMs < 0) {
      throw new RangeError(`FakeRtm: latencyMs must be a finite number ≥ 0, got ${latencyMs}`);
    }
    this.clock = options.clock ?? systemClock;
    this.#net = new Network(this.clock, latencyMs);
    this.#timing = { ...DEFAULT_INVITATION_TIMING, ...options.invitation };
    this.#validateToken = options.validateToken ?? (() => 'valid');
    this.#channelAttributeOps = options.limits?.channelAttributeOps ?? false;
    // Servers learn of a cut connection at once; clients notice it on their own, a tick later.
    this.#net.onLinkChange((uid, up) => {
      for (const server of this.#servers.values()) server.linkChanged(uid, up);
    });
  }

  /**
   * docs/reference/rtm1-web-sdk.md §1.1: `appId` must be 32 ASCII letters/digits and `config` may only hold `enableLogUpload`,
   * `logFilter`, `enableCloudProxy`; otherwise throws RtmInvalidArgumentError 1.
   */
  createInstance(appId: string, config: RtmConfigLike = {}, areaCodes?: string[]): FakeClient {
    if (!isValidAppId(appId)) throw invalidArgument(1, 'The appId in the arguments is invalid');
    // Object.keys as the SDK calls it: null throws its TypeError, a string lists its indices.
    const unknownKeys = Object.keys(config).filter((key) => !CONFIG_KEYS.has(key));
    if (unknownKeys.length > 0) throw invalidArgument(1, `Invalid RTM config: ${unknownKeys.join(', ')}`);
    // The deprecated third argument: legacy area names only (GLOB, CN, …); errors without a code.
    if (areaCodes !== undefined && (!Array.isArray(areaCodes) || areaCodes.length === 0)) {
      throw new RtmError('RtmInvalidArgumentError', undefined, 'Invalid area config');
    }
    if (areaCodes != null && !areaCodes.every((code) => LEGACY_AREA_CODES.has(code))) {
      throw new RtmError('RtmInvalidArgumentError', undefined, `Invalid area codes: ${areaCodes.join(', ')}`);
    }
    return new FakeClient({
      appId,
      server: this.#server(appId),
      net: this.#net,
      ledger: this.#ledger,
      timing: this.#timing,
      endCallPrefix: this.END_CALL_PREFIX,
      config,
    });
  }

  /** docs/reference/rtm1-web-sdk.md §1.1: sets one of the SDK's tuning parameters; unknown names are ignored, as in the SDK. */
  setParameter(name: string, value: unknown): void {
    if (Object.keys(this.#parameters).includes(name)) this.#parameters[name] = value;
  }

  getParameter(name: string): unknown {
    return this.#parameters[name];
  }

  /**
   * docs/reference/rtm1-web-sdk.md §1.1: the SDK's area restriction, validated as it does (errors without a code). The fake
   * has one region, so a valid setting changes nothing.
   */
  setArea(area: { areaCodes: string[]; excludedArea?: string }): void {
    const { areaCodes, excludedArea } = area;
    const invalid = (text: string) => new RtmError('RtmInvalidArgumentError', undefined, text);
    if (!Array.isArray(areaCodes) || areaCodes.length === 0 || !areaCodes.every((code) => AREA_CODES.has(code))) {
      throw invalid('Invalid area config');
    }
    if (excludedArea === undefined) return;
    if (excludedArea === 'GLOBAL') throw invalid('Excluded area cannot be global');
    if (areaCodes.includes(excludedArea)) throw invalid('Excluded area cannot be in areaCodes');
    if (!AREA_CODES.has(excludedArea)) throw invalid('Invalid excludedArea:');
  }

  /**
   * Not part of RTM. Runs everything due at the current time (deliveries, answers, events, and
   * with a ManualClock its timers due now) until nothing is left; never moves a ManualClock.
   */
  flush(): Promise<void> {
    return flushDueWork('FakeRtm', this.clock, () => this.#net.inFlight);
  }

  /** Not part of RTM. With a ManualClock only: advances it by `ms` (running due timers), then flushes. */
  advance(ms: number): Promise<void> {
    return advanceThenFlush('FakeRtm', this.clock, ms, () => this.flush());
  }


  /**
   * Not part of RTM. Cuts the user's connection: its clients go RECONNECTING/INTERRUPTED and
   * stay in their channels; peer and channel sends wait up to 9 s then fail with
   * RtmTimeoutError 2; other calls needing a connection fail with 102; messages to the user are
   * lost (`hasPeerReceived: false`); subscribers see UNREACHABLE; after 30 s offline the server
   * drops the session (others see MemberLeft, subscribers OFFLINE). A login by this user hangs
   * until `reconnect` (or LOGIN_TIMEOUT after 12 s).
   */
  disconnect(uid: string): void {
    this.#net.setLink(uid, false);
  }

  /**
   * Not part of RTM. Restores the user's connection: RECONNECTING clients go
   * CONNECTED/LOGIN_SUCCESS with their channels still joined (rejoined, with MemberJoined for the
   * others, if the server had dropped the session) and get a fresh PeersOnlineStatusChanged map.
   */
  reconnect(uid: string): void {
    this.#net.setLink(uid, true);
  }

  /** Not part of RTM. The server kicks the user: ABORTED with that reason; others see MemberLeft. */
  kick(uid: string, reason: 'REMOTE_LOGIN' | 'BANNED_BY_SERVER' = 'REMOTE_LOGIN'): void {
    if (reason !== 'REMOTE_LOGIN' && reason !== 'BANNED_BY_SERVER') {
      throw new Error(`FakeRtm.kick(): reason must be REMOTE_LOGIN or BANNED_BY_SERVER, got ${String(reason)}`);
    }
    this.#forSession('kick', uid, (server) => server.abort(uid, reason));
  }

  /**
   * Not part of RTM. `'warn'`: TokenPrivilegeWillExpire (once per token value). `'expire'`: the
   * server drops the session, ABORTED/TOKEN_EXPIRED then TokenExpired (while RECONNECTING only
   * TokenExpired, and the reconnection waits for `renewToken`).
   */
  expireToken(uid: string, phase: 'warn' | 'expire' = 'expire'): void {
    if (phase !== 'warn' && phase !== 'expire') {
      throw new Error(`FakeRtm.expireToken(): phase must be 'warn' or 'expire', got ${String(phase)}`);
    }
    this.#forSession('expireToken', uid, (server) =>
      phase === 'warn' ? server.warnTokenExpiry(uid) : server.abort(uid, 'TOKEN_EXPIRED'),
    );
  }

  /**
   * Not part of RTM. The next call of `method` by any client of this fake that passes the SDK's
   * client-side checks fails with `code` (rejects, or throws for the synchronous creators and
   * invitation methods). The default `name` is the SDK's class for that method and code, e.g.
   * login 5 → RtmUnauthenticatedError. A failed login goes DISCONNECTED/LOGIN_FAILURE
   * (LOGIN_TIMEOUT for an RtmTimeoutError). Calls queue: each failure is used once.
   */
  failNext(method: RtmMethodName, code: number, name?: RtmErrorName): void {
    if (!Number.isInteger(code)) throw new Error(`FakeRtm.failNext(): code must be an integer, got ${String(code)}`);
    this.#ledger.failNext(method, code, name);
  }

  /**
   * Not part of RTM. How many times each RTM method (`login`, `sendMessageToPeer`,
   * `channel.join`, `invitation.send`, …) was called on any client of this fake, failed calls
   * included. Methods never called are absent.
   */
  stats(): Record<string, number> {
    return this.#ledger.stats();
  }

  /** Not part of RTM. Sets every `stats()` count back to zero. */
  resetStats(): void {
    this.#ledger.resetStats();
  }

  #server(appId: string): FakeServer {
    let server = this.#servers.get(appId);
    if (!server) {
      server = new FakeServer(appId, this.#net, {
        validateToken: this.#validateToken,
        channelAttributeOps: this.#channelAttributeOps,
      });
      this.#servers.set(appId, server);
    }
    return server;
  }

  #forSession(control: string, uid: string, act: (server: FakeServer) => boolean): void {
    let found = false;
    for (const server of this.#servers.values()) found = act(server) || found;
    if (!found) throw new Error(`FakeRtm.${control}(): no logged-in session for user "${uid}"`);
  }
}
