import { EventEmitter } from 'eventemitter3';
import { LinkStateChangeReasonDescription } from '../../fake2/rules/constants';
import type { FakeRtm2 } from '../../fake2/FakeRtm2';
import { Listeners } from '../../fake2/client/Listeners';
import type { RTMClient } from '../../fake2/client/RTMClient';
import type { RTMHistory } from '../../fake2/client/RTMHistory';
import type { RTMLock } from '../../fake2/client/RTMLock';
import type { RTMPresence } from '../../fake2/client/RTMPresence';
import type { RTMStorage } from '../../fake2/client/RTMStorage';
import type { LinkStateEvent, RTMConfig, RTMEventMap } from '../../fake2/types';
import { decodeValue, encodeValue, RTM2_METHODS, type WireError } from './wire';
import type { OutgoingFrame, WireLink } from './WireLink';

/** What every remote 2.x object shares: the link, the handle table, and the page's own FakeRtm2. */
export class Rtm2Context {
  readonly link: WireLink;
  /**
   * A local FakeRtm2 that never logs in: the constructor's synchronous checks (App ID, user ID,
   * config, one instance per App ID + user ID in this page: docs/reference/rtm2-web-sdk.md §1.2) and
   * `createStreamChannel` run on it, so they throw exactly what the fake would, in this page.
   */
  readonly probe: FakeRtm2;
  readonly clients = new Map<string, RemoteRtm2Client>();
  readonly #declarations: OutgoingFrame[] = [];
  #nextHandle = 1;

  constructor(link: WireLink, probe: FakeRtm2) {
    this.link = link;
    this.probe = probe;
  }

  handle(prefix: string): string {
    return `${prefix}${(this.#nextHandle++).toString(36)}`;
  }

  /** Declares a server-side object the local checks already accepted. */
  declare(frame: Omit<Extract<OutgoingFrame, { t: 'new' }>, 'id'>): void {
    this.link.request(
      (id) => {
        const full: OutgoingFrame = { ...frame, id };
        this.#declarations.push(full);
        return full;
      },
      (answer) => {
        if (answer.t === 'result' && !answer.ok) {
          console.error(`signaling-compat/fake: the fake RTM server refused a ${frame.kind} the local checks accepted: ${answer.error.message}`);
        }
      },
    );
  }

  /** The `new` frames of every object declared so far, for a fresh session after a lost one. */
  declarations(): OutgoingFrame[] {
    return this.#declarations.map((frame) => ({ ...frame }));
  }

  /** A 2.x call on the server-side object: settles with its result or its error, rebuilt. */
  call<T>(handle: string, method: string, args: unknown[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.link.request(
        (id) => ({ t: 'call', id, on: handle, method, args: encodeValue(args) as unknown[] }),
        (frame) => {
          if (frame.t !== 'result') return;
          if (frame.ok) resolve(decodeValue(frame.value) as T);
          else reject(rebuildError2(frame.error, this.probe.RTMBaseError));
        },
      );
    });
  }
}

/**
 * A 2.x error as the app sees it (docs/reference/rtm2-web-sdk.md §1.10): an `RTMBaseError` with
 * every own property the server's error had, in the same order, or a plain error of the same name.
 */
export function rebuildError2(wire: WireError, RTMBaseError: FakeRtm2['RTMBaseError']): Error {
  if (!wire.fields) {
    const error = wire.name === 'TypeError' ? new TypeError(wire.message) : new Error(wire.message);
    if (error.name !== wire.name) error.name = wire.name;
    return error;
  }
  const error = new RTMBaseError();
  error.message = wire.message;
  const fields = decodeValue(wire.fields) as Array<[string, unknown]>;
  for (const [key, value] of fields) {
    if (key === 'name') Object.defineProperty(error, 'name', { value, writable: true, enumerable: true, configurable: true });
    else (error as unknown as Record<string, unknown>)[key] = value;
  }
  return error;
}

type PartName = Exclude<keyof typeof RTM2_METHODS, 'client'>;
const PARTS = new WeakMap<object, { context: Rtm2Context; handle: string }>();

/** `client.presence`, `.storage`, `.lock`, `.history`: each method is a call on the server's part. */
function partPrototype(name: PartName): object {
  const prototype: Record<string, unknown> = {};
  for (const method of RTM2_METHODS[name]) {
    Object.defineProperty(prototype, method, {
      value(this: object, ...args: unknown[]) {
        const part = PARTS.get(this);
        return part ? part.context.call(part.handle, method, args) : Promise.reject(new TypeError('Illegal invocation'));
      },
      writable: true,
      configurable: true,
    });
  }
  return prototype;
}

const PART_PROTOTYPES: Record<PartName, object> = {
  presence: partPrototype('presence'),
  storage: partPrototype('storage'),
  lock: partPrototype('lock'),
  history: partPrototype('history'),
};

function remotePart<T>(context: Rtm2Context, name: PartName, of: string): T {
  const part = Object.create(PART_PROTOTYPES[name]) as object;
  const handle = context.handle(name[0]);
  PARTS.set(part, { context, handle });
  context.declare({ t: 'new', handle, kind: name, of, args: [] });
  return part as T;
}

/** Link states in which the client holds (or is getting) a session: the connection must stay up. */
const BUSY_STATES: ReadonlySet<unknown> = new Set(['CONNECTING', 'CONNECTED', 'DISCONNECTED', 'SUSPENDED']);

/**
 * An `RTMClient` (docs/reference/rtm2-web-sdk.md §1.3) whose real counterpart is an `RTMClient` of the
 * server's FakeRtm2. The constructor's checks run in this page; every method is a call on the
 * server; events reach `addEventListener` listeners one socket hop later. As in 2.3.0, the
 * inherited `on`/`once` never fire and `addListener`/`removeListener` are `undefined`.
 */
export class RemoteRtm2Client extends EventEmitter {
  readonly presence: RTMPresence;
  readonly storage: RTMStorage;
  readonly lock: RTMLock;
  readonly history: RTMHistory;
  readonly #context: Rtm2Context;
  readonly #handle: string;
  readonly #probe: RTMClient;
  readonly #listeners: Listeners;
  #linkState: LinkStateEvent['currentState'] | undefined;

  constructor(context: Rtm2Context, appId: string, userId: string, config?: RTMConfig) {
    super();
    this.#probe = new context.probe.RTM(appId, userId, config);
    this.#context = context;
    this.#handle = context.handle('c');
    const logLevel = config?.logLevel ?? 'error';
    this.#listeners = new Listeners((message, error) => {
      if (logLevel !== 'none') console.error(`RTM:ERROR ${message}`, error);
    });
    context.clients.set(this.#handle, this);
    context.declare({ t: 'new', handle: this.#handle, kind: 'client', args: encodeValue(config === undefined ? [appId, userId] : [appId, userId, config]) as unknown[] });
    this.presence = remotePart(context, 'presence', this.#handle);
    this.storage = remotePart(context, 'storage', this.#handle);
    this.lock = remotePart(context, 'lock', this.#handle);
    this.history = remotePart(context, 'history', this.#handle);
    Object.assign(this, { addListener: undefined, removeListener: undefined });
  }

  login(options?: Parameters<RTMClient['login']>[0]): ReturnType<RTMClient['login']> {
    return this.#call('login', [options]);
  }

  logout(): ReturnType<RTMClient['logout']> {
    return this.#call('logout', []);
  }

  renewToken(...args: Parameters<RTMClient['renewToken']>): ReturnType<RTMClient['renewToken']> {
    return this.#call('renewToken', args);
  }

  publish(...args: Parameters<RTMClient['publish']>): ReturnType<RTMClient['publish']> {
    return this.#call('publish', args);
  }

  subscribe(...args: Parameters<RTMClient['subscribe']>): ReturnType<RTMClient['subscribe']> {
    return this.#call('subscribe', args);
  }

  unsubscribe(...args: Parameters<RTMClient['unsubscribe']>): ReturnType<RTMClient['unsubscribe']> {
    return this.#call('unsubscribe', args);
  }

  /** Stream channels need agora-rtc-sdk-ng, which the fake does not model: throws as FakeRtm2 does. */
  createStreamChannel(channelName: string): never {
    return this.#probe.createStreamChannel(channelName);
  }

  addEventListener<E extends keyof RTMEventMap>(eventName: E, listener: (event: RTMEventMap[E]) => void): void {
    this.#listeners.add(eventName, listener as (payload: unknown) => void);
  }

  removeEventListener<E extends keyof RTMEventMap>(eventName: E, listener: (event: RTMEventMap[E]) => void): void {
    this.#listeners.remove(eventName, listener as (payload: unknown) => void);
  }

  /** @internal Nothing logged in or logging in: the connection may close. */
  get idle(): boolean {
    return this.#linkState === undefined || !BUSY_STATES.has(this.#linkState);
  }

  /** @internal An `addEventListener` event of the server's client. */
  receive(event: string, args: unknown[]): void {
    const payload = decodeValue(args[0]);
    if (event === 'linkState') this.#linkState = (payload as LinkStateEvent).currentState;
    this.#listeners.emit(event, payload);
  }

  /**
   * @internal The server's session is gone (server restart or shutdown, or no way back within
   * the resume window): the service ended this client's session, as a kick does (FAILED,
   * SERVER_REJECT), so the app sees an end, never a hang.
   */
  sessionLost(): void {
    const previousState = this.#linkState;
    if (previousState === undefined || !BUSY_STATES.has(previousState)) return;
    this.receive('linkState', [
      {
        currentState: 'FAILED',
        previousState,
        serviceType: 'MESSAGE',
        operation: 'SERVER_REJECT',
        reason: LinkStateChangeReasonDescription.KICKED_OUT_BY_SERVER,
        reasonCode: 'KICKED_OUT_BY_SERVER',
        affectedChannels: [],
        unrestoredChannels: [],
        timestamp: Date.now(),
        isResumed: false,
      } satisfies LinkStateEvent,
    ]);
  }

  #call<T>(method: string, args: unknown[]): Promise<T> {
    return this.#context.call<T>(this.#handle, method, args);
  }
}
