import { type Clock, systemClock } from '../rtm/clock';
import { advanceThenFlush, flushDueWork } from '../fake/shared/settleDueWork';
import type { ServerRejectReason } from './server/ClientPort';
import type { Cloud, LinkWatcher } from './server/Cloud';
import { AreaCode, constantsType } from './rules/constants';
import { errorMessage } from './rules/errorTable';
import { RTMBaseError, type RtmErrorName } from './rules/errors';
import { Ledger, type Rtm2MethodName } from './server/Ledger';
import { API_RATE_LIMIT, type RateBucket } from './rules/limits';
import { Parameters } from './rules/parameters';
import { RTMClient } from './client/RTMClient';
import { Service } from './server/Service';
import { DEFAULT_CONSOLE, DEFAULT_SWITCHES, type FakeRtm2Console, type FakeRtm2Switches } from './server/switches';
import type { RTMConfig } from './types';
import { Wire } from './server/Wire';

export interface FakeRtm2Limits {
  /** Overrides of the client-side per-second call limits (docs/reference/rtm2-web-sdk.md §2.14), by the SDK's bucket name. */
  rate?: Partial<Record<RateBucket, number>>;
}

export interface FakeRtm2Options {
  /** The time source of every timer and timestamp; `systemClock` when omitted. */
  clock?: Clock;
  /** Milliseconds per client↔service hop (default 0). */
  latencyMs?: number;
  limits?: FakeRtm2Limits;
  /** Behaviours only the live service can settle; see `FakeRtm2Switches` for each default. */
  switches?: Partial<FakeRtm2Switches>;
  /** The Console settings of the App IDs this cloud serves. */
  console?: Partial<FakeRtm2Console>;
}

/** The constructor `FakeRtm2#RTM`: `new fake.RTM(appId, userId, config)`. */
export type RTMConstructor = new (appId: string, userId: string, config?: RTMConfig) => RTMClient;

const REJECT_REASONS: ReadonlySet<string> = new Set(['SAME_UID_LOGIN', 'KICKED_OUT_BY_SERVER', 'TOKEN_EXPIRED', 'LOGIN_TOO_FREQUENT']);

/**
 * An in-memory stand-in for agora-rtm-sdk 2.3.0's `AgoraRTM` namespace ("Signaling 2.x"),
 * faithful to docs/reference/rtm2-web-sdk.md. Each instance is one page plus one Agora cloud:
 * clients of the same App ID see each other, App IDs are isolated, two FakeRtm2 never interact,
 * and the (App ID, user ID) registry and `setParameter` values belong to the instance.
 *
 * Besides the namespace members it has test controls that are **not part of RTM**: `flush`,
 * `advance`, `disconnect`, `reconnect`, `kick`, `expireToken`, `failNext`, `stats`, `resetStats`.
 */
export class FakeRtm2 {
  readonly VERSION = '2.3.0';
  readonly BUILD = 'v2.3.0-0-gbf973121-dirty';
  readonly RTM: RTMConstructor;
  readonly constantsType = constantsType;
  readonly RTMBaseError = RTMBaseError;
  /** Not part of RTM: the clock every timer of this fake runs on. */
  readonly clock: Clock;

  readonly #wire: Wire;
  readonly #ledger = new Ledger();
  readonly #parameters = new Parameters();
  readonly #services = new Map<string, Service>();
  readonly #instances = new Set<string>();
  readonly #down = new Set<string>();
  readonly #watchers = new Set<LinkWatcher>();
  readonly #switches: FakeRtm2Switches;
  readonly #console: FakeRtm2Console;
  #revision = 0;

  constructor(options: FakeRtm2Options = {}) {
    const latencyMs = options.latencyMs ?? 0;
    if (!Number.isFinite(latencyMs) || latencyMs < 0) {
      throw new RangeError(`FakeRtm2: latencyMs must be a finite number ≥ 0, got ${latencyMs}`);
    }
    this.clock = options.clock ?? systemClock;
    this.#wire = new Wire(this.clock, latencyMs);
    this.#switches = { ...DEFAULT_SWITCHES, ...options.switches };
    this.#console = { ...DEFAULT_CONSOLE, ...options.console };
    const cloud = this.#cloud({ ...API_RATE_LIMIT, ...options.limits?.rate });
    this.RTM = class RTM extends RTMClient {
      constructor(appId: string, userId: string, config?: RTMConfig) {
        super(cloud, appId, userId, config);
      }
    };
  }

  /** docs/reference/rtm2-web-sdk.md §1.1: page-global SDK parameters; unknown keys or wrong types throw −10014. */
  setParameter(key: string, value: unknown): void {
    this.#parameters.set(key, value);
  }

  getParameter(key: string): unknown {
    return this.#parameters.get(key);
  }

  /** docs/reference/rtm2-web-sdk.md §1.1: an area restriction; unknown areas throw RtmInvalidArgumentError without a code. */
  setArea(config: { areaCodes: string[]; excludedArea?: string }): void {
    const areas = new Set<string>(Object.values(AreaCode));
    const validAreas = config !== null && typeof config === 'object' && Array.isArray(config.areaCodes) && config.areaCodes.every((area) => areas.has(area));
    const problem = !validAreas ? 'Invalid area config.' : config.excludedArea !== undefined && !areas.has(config.excludedArea) ? 'Invalid excludedArea.' : undefined;
    if (problem) {
      const error = new RTMBaseError('setArea', problem);
      Object.defineProperty(error, 'name', { value: 'RtmInvalidArgumentError', writable: true, enumerable: true, configurable: true });
      throw error;
    }
  }

  /**
   * Not part of RTM. Runs everything due at the current time (deliveries, answers, events, and
   * with a ManualClock its timers due now) until nothing is left; never moves a ManualClock.
   */
  flush(): Promise<void> {
    return flushDueWork('FakeRtm2', this.clock, () => this.#wire.inFlight);
  }

  /** Not part of RTM. With a ManualClock only: advances it by `ms` (running due timers), then flushes. */
  advance(ms: number): Promise<void> {
    return advanceThenFlush('FakeRtm2', this.clock, ms, () => this.flush());
  }


  /**
   * Not part of RTM. Cuts the user's link: a CONNECTED client goes DISCONNECTED/KEEP_ALIVE_TIMEOUT
   * and retries (CONNECTING/AUTO_RECONNECT every 5 s attempt + 2, 4, 8… s; SUSPENDED after 115 s);
   * a logging-in client's attempts time out the same way (DISCONNECTED/LOGIN_TIMEOUT). Calls fail
   * −10025 meanwhile; USER messages to the user fail −11033; other members see REMOTE_TIMEOUT after
   * the user's `presenceTimeout`.
   */
  disconnect(userId: string): void {
    if (this.#down.has(userId)) return;
    this.#down.add(userId);
    for (const watcher of [...this.#watchers]) if (watcher.userId === userId) watcher.linkChanged(false);
  }

  /**
   * Not part of RTM. Restores the user's link: a waiting client retries at once and goes
   * CONNECTED/RECONNECT_SUCCESS (`isResumed` unless it was SUSPENDED), re-subscribing its channels;
   * a pending login completes.
   */
  reconnect(userId: string): void {
    if (!this.#down.delete(userId)) return;
    for (const watcher of [...this.#watchers]) if (watcher.userId === userId) watcher.linkChanged(true);
  }

  /**
   * Not part of RTM. The service ends the user's session: FAILED with `reason` (operation
   * SERVER_REJECT); other members see REMOTE_LEAVE. Default reason KICKED_OUT_BY_SERVER.
   */
  kick(userId: string, reason: ServerRejectReason = 'KICKED_OUT_BY_SERVER'): void {
    if (!REJECT_REASONS.has(reason)) throw new Error(`FakeRtm2.kick(): unknown reason ${String(reason)}`);
    this.#forSession('kick', (service) => service.reject(userId, reason));
  }

  /**
   * Not part of RTM. `'warn'`: the service's expiry notice (`tokenPrivilegeWillExpire("")` and
   * `token` WILL_EXPIRE). `'expire'`: FAILED/TOKEN_EXPIRED.
   */
  expireToken(userId: string, phase: 'warn' | 'expire' = 'expire'): void {
    if (phase !== 'warn' && phase !== 'expire') throw new Error(`FakeRtm2.expireToken(): phase must be 'warn' or 'expire', got ${String(phase)}`);
    this.#forSession('expireToken', (service) =>
      phase === 'warn' ? service.warnTokenExpiry(userId) : service.reject(userId, 'TOKEN_EXPIRED'),
    );
  }

  /**
   * Not part of RTM. The next call of `method` (e.g. `'publish'`, `'presence.getOnlineUsers'`,
   * `'storage.setChannelMetadata'`) by any client that passes the SDK's local checks fails at the
   * service with `code` (one of 2.3.0's codes, its table message); `name` defaults to the class
   * 2.3.0 uses for that code. A failed login goes FAILED with the matching reason. Failures queue.
   */
  failNext(method: Rtm2MethodName, code: number, name?: RtmErrorName): void {
    errorMessage(code);
    this.#ledger.failNext(method, code, name);
  }

  /** Not part of RTM. Calls per 2.x method (same names as `failNext`), failed calls included. */
  stats(): Record<string, number> {
    return this.#ledger.stats();
  }

  /** Not part of RTM. Sets every `stats()` count back to zero. */
  resetStats(): void {
    this.#ledger.resetStats();
  }

  #cloud(rateLimits: Readonly<Record<RateBucket, number>>): Cloud {
    const self = this;
    return {
      clock: this.clock,
      wire: this.#wire,
      ledger: this.#ledger,
      switches: this.#switches,
      console: this.#console,
      parameters: this.#parameters.modelled,
      rateLimits,
      service: (appId) => this.#service(appId),
      isUp: (userId) => !this.#down.has(userId),
      registerInstance(appId, userId) {
        const key = `${appId}\u0000${userId}`;
        if (self.#instances.has(key) && !self.#parameters.modelled.IGNORE_DUPLICATE_USER_ID_ERR) return false;
        self.#instances.add(key);
        return true;
      },
      watchLink: (watcher) => this.#watchers.add(watcher),
      unwatchLink: (watcher) => this.#watchers.delete(watcher),
    };
  }

  #service(appId: string): Service {
    let service = this.#services.get(appId);
    if (!service) {
      service = new Service({
        wire: this.#wire,
        switches: this.#switches,
        console: this.#console,
        isUp: (userId) => !this.#down.has(userId),
        nextRevision: () => ++this.#revision,
      });
      this.#services.set(appId, service);
    }
    return service;
  }

  #forSession(control: string, act: (service: Service) => boolean): void {
    let found = false;
    for (const service of this.#services.values()) found = act(service) || found;
    if (!found) throw new Error(`FakeRtm2.${control}(): no logged-in session for that user`);
  }
}

