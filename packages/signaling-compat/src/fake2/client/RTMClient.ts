import { EventEmitter } from 'eventemitter3';
import { ClientCore } from './ClientCore';
import type { Cloud } from '../server/Cloud';
import { argError, limitError, notConnected, rtmError, timeoutError, unavailableError } from '../rules/errors';
import { byteLength, isValidAppId, isValidChannelName, isValidId } from '../rules/ids';
import { MAX_CUSTOM_TYPE_BYTES, MAX_MESSAGE_BYTES, MAX_SUBSCRIBED_CHANNELS, PRESENCE_TIMEOUT_S, TIMEOUTS } from '../rules/limits';
import { RTMHistory } from './RTMHistory';
import { RTMLock } from './RTMLock';
import { RTMPresence } from './RTMPresence';
import { RTMStorage } from './RTMStorage';
import { RECEIVER_OFFLINE } from '../server/Service';
import { checkToken } from '../rules/tokens';
import type {
  BaseResponse,
  ChannelResponse,
  LoginOptions,
  PublishOptions,
  RTMConfig,
  RTMEventMap,
  RTMLinkState,
  SubscribeOptions,
} from '../types';

/** Promise jobs `logout()` lets pass between cancelling a login and IDLE: enough for a `login().catch()` handler to run first. */
const PROMISE_JOBS_BEFORE_IDLE = 4;

/**
 * An `RTMClient` of agora-rtm-sdk 2.3.0 (docs/reference/rtm2-web-sdk.md §1.2–§1.3, §2.1) on the
 * in-memory service of its `FakeRtm2`. Only the constructor throws; every method returns a
 * Promise and reports bad arguments by rejecting. Events reach `addEventListener` listeners
 * only: the inherited `on`/`once` register on an outer emitter that never fires, as in 2.3.0.
 */
export class RTMClient extends EventEmitter {
  readonly presence: RTMPresence;
  readonly storage: RTMStorage;
  readonly lock: RTMLock;
  readonly history: RTMHistory;
  readonly #core: ClientCore;

  constructor(cloud: Cloud, appId: string, userId: string, config?: RTMConfig) {
    super();
    if (!isValidAppId(appId)) throw unavailableError(-10003, 'initRTM');
    if (!isValidId(userId)) throw argError(-10006, 'initRTM');
    if (!cloud.registerInstance(appId, userId)) throw unavailableError(-10027, 'initRTM');
    const options = config ?? {};
    if (options.useStringUserId === false && !/^\d+$/.test(userId)) throw argError(-10006, 'initRTM');
    if (options.privateConfig !== undefined) checkPrivateConfig(options.privateConfig);
    if (options.encryptionMode !== undefined && options.encryptionMode !== 'NONE' && !options.cipherKey) {
      throw rtmError('RtmUnavailableError', -10020, 'initRTM', { detail: ' detail: not provide cipherKey but set encryptionMode' });
    }
    this.#core = new ClientCore(cloud, appId, userId, presenceTimeoutOf(options.presenceTimeout), String(options.logLevel ?? 'error'));
    this.presence = new RTMPresence(this.#core);
    this.storage = new RTMStorage(this.#core);
    this.lock = new RTMLock(this.#core);
    this.history = new RTMHistory(this.#core);
    // docs/reference/rtm2-web-sdk.md §1.3: 2.3.0 sets these EventEmitter aliases to undefined on the instance.
    Object.assign(this, { addListener: undefined, removeListener: undefined });
  }

  /** docs/reference/rtm2-web-sdk.md §2.1 login: CONNECTED → resolves; CONNECTING → −10017; else CONNECTING/LOGIN (or RELOGIN) at once, then the checks. */
  async login(options?: LoginOptions): Promise<BaseResponse> {
    const core = this.#core;
    core.count('login');
    if (core.state === 'CONNECTED') return { timestamp: 0 };
    if (core.state === 'CONNECTING') throw unavailableError(-10017, 'login');
    core.emitLink('CONNECTING', 'LOGIN', core.state === 'IDLE' ? 'LOGIN' : 'RELOGIN');
    return new Promise<BaseResponse>((resolve, reject) => {
      const rateError = core.takeRate('login', 'login');
      if (rateError) {
        core.emitLink('FAILED', 'LOGIN', 'OPERATION_RATE_EXCEED_LIMITATION');
        reject(rateError);
        return;
      }
      const token = options?.token;
      const pending = { resolve, reject };
      void checkToken(token, core.appId).then((check) => {
        if (core.state !== 'CONNECTING') {
          reject(unavailableError(-10023, 'login'));
          return;
        }
        if (check.kind === 'type-error') {
          core.emitLink('FAILED', 'LOGIN', 'LOGIN_REJECTED');
          reject(check.error);
          return;
        }
        if (check.kind === 'refused') {
          core.emitLink('FAILED', 'LOGIN', check.code === -10016 ? 'INCONSISTENT_APP_ID' : 'INVALID_TOKEN');
          reject(argError(check.code, 'login'));
          return;
        }
        if (check.kind === 'ok' && check.format === '006' && !core.cloud.switches.accept006Tokens) {
          core.emitLink('FAILED', 'LOGIN', 'INVALID_TOKEN');
          reject(rtmError('RtmUnauthenticatedError', -10005, 'login'));
          return;
        }
        core.token = typeof token === 'string' ? token : undefined;
        core.startLogin(pending);
      });
    });
  }

  /** docs/reference/rtm2-web-sdk.md §2.4: always resolves; cancels a pending login (−10023) and clears every subscription. */
  async logout(): Promise<BaseResponse> {
    const core = this.#core;
    core.count('logout');
    if (core.state === 'IDLE') return { timestamp: 0 };
    // 2.3.0 returns first, then cancels a pending login, lets that rejection reach the app's
    // handlers, and only then emits IDLE/LOGOUT and resolves.
    await undefined;
    core.cancelLogin();
    for (let job = 0; job < PROMISE_JOBS_BEFORE_IDLE; job++) await undefined;
    // A second logout() may have finished meanwhile.
    if ((core.state as RTMLinkState) !== 'IDLE') core.logout();
    return { timestamp: 0 };
  }

  /** docs/reference/rtm2-web-sdk.md §2.16: the token checks of login, allowed only while CONNECTED. */
  async renewToken(token: string, options?: { channelName?: string }): Promise<BaseResponse> {
    const core = this.#core;
    core.count('renewToken');
    const rateError = core.takeRate('renewToken', 'renewToken');
    if (rateError) throw rateError;
    if (core.state === 'IDLE') throw notConnected('renewToken');
    const check = await checkToken(token, core.appId);
    if (check.kind === 'type-error') throw check.error;
    if (check.kind === 'refused') throw argError(check.code, 'renewToken');
    // The App ID itself passes as an App-ID-only "token"; a missing one is invalid.
    if (check.kind === 'none' && token !== core.appId) throw argError(-10005, 'renewToken');
    if (!core.connected) throw notConnected('renewToken');
    // Stream-channel tokens: the fake has no stream channels, and 2.3.0 fails its lookup with an internal error.
    if (options?.channelName !== undefined) throw internalError('Cannot get illegal sid.');
    if (token === core.token) return { timestamp: 0 };
    const result = await core.request('renewToken', 'renewToken', TIMEOUTS.renewTokenMs, () => timeoutError(-10026, 'renewToken'), () => ({ timestamp: 0 }));
    core.token = token;
    return result;
  }

  /** docs/reference/rtm2-web-sdk.md §2.1 publish, checks in the SDK's order; MESSAGE needs no subscription; USER to an offline user → −11033. */
  async publish(channelName: string, message: string | Uint8Array, options?: PublishOptions): Promise<ChannelResponse> {
    const core = this.#core;
    core.count('publish');
    const rateError = core.takeRate('publish', 'publish');
    if (rateError) throw rateError;
    const channelType = options?.channelType;
    if (channelType && channelType !== 'USER' && channelType !== 'MESSAGE') throw argError(-10019, 'publish');
    if (!core.connected) throw notConnected('publish');
    if (!isValidChannelName(channelName, core.cloud.parameters.EXTEND_CHANNEL_NAME)) throw argError(-10008, 'publish');
    if (!message || (typeof message !== 'string' && !(message instanceof Uint8Array))) throw argError(-11009, 'publish');
    const messageBytes = byteLength(message);
    if (messageBytes > MAX_MESSAGE_BYTES) throw argError(-11010, 'publish');
    const customType = options?.customType;
    if (customType && typeof customType === 'string' && byteLength(customType) > MAX_CUSTOM_TYPE_BYTES) throw argError(-11029, 'publish');
    if (customType && typeof customType !== 'string') throw argError(-11030, 'publish');
    const type = customType || '';
    if (messageBytes + byteLength(type) > MAX_MESSAGE_BYTES) throw limitError(-11010, 'publish');
    const payload = typeof message === 'string' ? message : new Uint8Array(message);
    if (channelType === 'USER') {
      return core.request('publish', 'publish', TIMEOUTS.publishUserMs, () => timeoutError(-11026, 'publish'), (service, session) =>
        service.publishUser(session, channelName, payload, type) === RECEIVER_OFFLINE
          ? unavailableError(-11033, 'publish')
          : { timestamp: 0, channelName },
      );
    }
    return core.request('publish', 'publish', TIMEOUTS.publishMessageMs, () => timeoutError(-11026, 'publish'), (service, session) => {
      service.publishChannel(session, channelName, payload, type);
      return { timestamp: 0, channelName };
    });
  }

  /** docs/reference/rtm2-web-sdk.md §2.1 subscribe / docs/reference/rtm2-web-sdk.md §2.10: 50 channels, a repeat is an option update, cached while the link is down after a login. */
  async subscribe(channelName: string, options?: SubscribeOptions): Promise<ChannelResponse> {
    const core = this.#core;
    core.count('subscribe');
    const rateError = core.takeRate('subscribe', 'subscribe');
    if (rateError) throw rateError;
    const cached = core.linkDownAfterLogin;
    if (!core.connected && !cached) throw notConnected('subscribe');
    if (!isValidChannelName(channelName, core.cloud.parameters.EXTEND_CHANNEL_NAME)) throw argError(-10008, 'subscribe');
    const limit = core.cloud.parameters.MESSAGE_CHANNEL_COUNT ?? MAX_SUBSCRIBED_CHANNELS;
    if (!core.subscriptions.has(channelName) && core.subscriptions.size >= limit) throw limitError(-11005, 'subscribe');
    const consoleSettings = core.cloud.console;
    if (options?.withMetadata && !consoleSettings.storage) throw unavailableError(-12019, 'subscribe');
    if (options?.withLock && !consoleSettings.lock) throw unavailableError(-14009, 'subscribe');
    if (!consoleSettings.presence && (options?.withPresence !== false || options?.beQuiet !== true)) {
      throw unavailableError(-13014, 'subscribe');
    }
    const settings = { ...options };
    if (cached) {
      core.subscriptions.set(channelName, settings);
      return { timestamp: 0, channelName };
    }
    const isNew = !core.subscriptions.has(channelName);
    const result = await core.request('subscribe', 'subscribe', TIMEOUTS.subscribeMs, () => unavailableError(-11019, 'subscribe'), (service, session) => {
      service.join(session, channelName, settings, core.states.get(channelName));
      return { timestamp: 0, channelName };
    });
    core.subscriptions.set(channelName, settings);
    // docs/reference/rtm2-web-sdk.md §2.11: the presence SNAPSHOT comes once the presence collection is attached, after subscribe resolved.
    if (isNew) core.send((service, session) => service.presenceSnapshot(session, channelName));
    return result;
  }

  /** docs/reference/rtm2-web-sdk.md §2.1 unsubscribe: the name rule even before login; otherwise resolves for anything, fire-and-forget. */
  async unsubscribe(channelName: string): Promise<ChannelResponse> {
    const core = this.#core;
    core.count('unsubscribe');
    if (!isValidChannelName(channelName, core.cloud.parameters.EXTEND_CHANNEL_NAME)) throw argError(-10008, 'unsubscribe');
    if (core.subscriptions.delete(channelName)) core.send((service, session) => service.leave(session, channelName));
    return { timestamp: 0, channelName };
  }

  /** docs/reference/rtm2-web-sdk.md §1.7: stream channels need agora-rtc-sdk-ng, which the fake does not model. */
  createStreamChannel(channelName: string): never {
    if (!isValidChannelName(channelName, this.#core.cloud.parameters.EXTEND_CHANNEL_NAME)) throw argError(-10008, 'createStreamChannel');
    throw unavailableError(-10022, 'createStreamChannel');
  }

  /** docs/reference/rtm2-web-sdk.md §2.17: the only listener API that receives events. */
  addEventListener<E extends keyof RTMEventMap>(eventName: E, listener: (event: RTMEventMap[E]) => void): void {
    this.#core.listeners.add(eventName, listener as (payload: unknown) => void);
  }

  removeEventListener<E extends keyof RTMEventMap>(eventName: E, listener: (event: RTMEventMap[E]) => void): void {
    this.#core.listeners.remove(eventName, listener as (payload: unknown) => void);
  }
}

/** 2.3.0's RtmInternalError: a plain Error subclass, not an RTMBaseError. */
function internalError(message: string): Error {
  const error = new Error(message);
  error.name = 'RtmInternalError';
  return error;
}

/** docs/reference/rtm2-web-sdk.md §1.2: numbers are clamped to 5…300; anything else means the default 300. */
function presenceTimeoutOf(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return PRESENCE_TIMEOUT_S.default;
  return Math.min(PRESENCE_TIMEOUT_S.max, Math.max(PRESENCE_TIMEOUT_S.min, value));
}

/** docs/reference/rtm2-web-sdk.md §1.2 #5: service types and access-point hosts come together (an empty private config is ignored). */
function checkPrivateConfig(config: NonNullable<RTMConfig['privateConfig']>): void {
  const hasHosts = Array.isArray(config.accessPointHosts) && config.accessPointHosts.length > 0;
  const hasTypes = Array.isArray(config.serviceType) && config.serviceType.length > 0;
  if (hasHosts !== hasTypes) throw argError(-10024, 'initRTM');
}
