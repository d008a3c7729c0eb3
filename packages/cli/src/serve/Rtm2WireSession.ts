import { randomUUID } from 'node:crypto';
import { type FakeRtm2, fakeRtmWire, type RTMClient } from 'signaling-compat/fake';
import type { WebSocket } from 'ws';
import { RTM2_KINDS, type Rtm2Kind } from './hostedObjects';
import type { ControlRunner } from './WireSession';

type ClientFrame = fakeRtmWire.ClientFrame;
type ServerFrame = fakeRtmWire.ServerFrame;
type Outgoing = ServerFrame extends infer F ? (F extends ServerFrame ? Omit<F, 'v' | 'n' | 'ack'> : never) : never;
type Listener = (payload: unknown) => void;

interface Hosted {
  kind: Rtm2Kind;
  object: object;
  /** Listeners to remove when the session ends. */
  detach: () => void;
}

/** How long a session whose socket dropped waits for the client to resume it (as for rtm1 sessions). */
const RESUME_WINDOW_MS = 30_000;
/** Link states in which the user holds a session the service knows of (docs/reference/rtm2-web-sdk.md §2.2). */
const LIVE_STATES: ReadonlySet<unknown> = new Set(['CONNECTING', 'CONNECTED', 'DISCONNECTED', 'SUSPENDED']);

/**
 * One client page or process of the `rtm2` namespace: the FakeRtm2 `RTMClient`s (and their
 * `presence`, `storage`, `lock`, `history`) it declared, the frames it has not acknowledged, and
 * the socket it is attached to. Runs every call on the hosted FakeRtm2 and forwards every
 * `addEventListener` event; it decides nothing about RTM itself. The frame bookkeeping is the
 * rtm1 `WireSession`'s.
 */
export class Rtm2WireSession {
  readonly id = randomUUID();
  readonly #rtm: FakeRtm2;
  readonly #objects = new Map<string, Hosted>();
  /** The user ID of each client handle whose link is live (for the network controls). */
  readonly #live = new Map<string, string>();
  readonly #userIds = new Map<string, string>();
  #socket: WebSocket | undefined;
  #sent = 0;
  #seen = 0;
  #replay: ServerFrame[] = [];
  #parked = false;
  #cutUids = new Set<string>();
  #expiry: ReturnType<typeof setTimeout> | undefined;
  #ended = false;
  readonly #onEnd: (session: Rtm2WireSession) => void;
  readonly #control: ControlRunner;

  constructor(rtm: FakeRtm2, control: ControlRunner, onEnd: (session: Rtm2WireSession) => void) {
    this.#rtm = rtm;
    this.#control = control;
    this.#onEnd = onEnd;
  }

  get parked(): boolean {
    return this.#parked;
  }

  /** The user IDs logged in (or logging in) through this session. */
  get uids(): string[] {
    return [...this.#live.values()];
  }

  /** Attaches a socket that said hello; replays what the client has not seen. */
  attach(socket: WebSocket, clientSeen: number, resumed: boolean): void {
    const previous = this.#socket;
    if (previous && previous !== socket) {
      this.detach(previous);
      previous.close(4000, 'replaced by a newer connection');
    }
    this.#socket = socket;
    if (this.#expiry) clearTimeout(this.#expiry);
    this.#expiry = undefined;
    this.#parked = false;
    this.#raw({ v: 1, t: 'welcome', n: 0, ack: this.#seen, session: this.id, resumed });
    for (const frame of this.#replay) if (frame.n > clientSeen) this.#raw({ ...frame, ack: this.#seen });
    // The client is back: the link of every user it had logged in comes back too.
    for (const uid of this.#cutUids) this.#rtm.reconnect(uid);
    this.#cutUids.clear();
  }

  canReplayFrom(clientSeen: number): boolean {
    const oldest = this.#replay[0]?.n ?? this.#sent + 1;
    return clientSeen >= oldest - 1 && clientSeen <= this.#sent;
  }

  /** The socket closed. Parked: nothing to do. Dropped: the users' links are cut until it resumes. */
  detach(socket: WebSocket): void {
    if (this.#socket !== socket) return;
    this.#socket = undefined;
    if (this.#parked || this.#ended) return;
    for (const uid of this.#live.values()) this.#cutUids.add(uid);
    for (const uid of this.#cutUids) this.#rtm.disconnect(uid);
    this.#expiry = setTimeout(() => this.end('expired'), RESUME_WINDOW_MS);
  }

  dropSocket(): void {
    this.#socket?.terminate();
  }

  /** Ends the session: tells the client (if attached), logs every client out, forgets everything. */
  end(reason: 'shutdown' | 'expired' | 'evicted'): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#expiry) clearTimeout(this.#expiry);
    if (reason === 'shutdown') this.#send({ t: 'end', reason: 'shutdown' });
    for (const hosted of this.#objects.values()) hosted.detach();
    for (const uid of this.#cutUids) this.#rtm.reconnect(uid);
    for (const hosted of this.#objects.values()) {
      if (hosted.kind === 'client') (hosted.object as RTMClient).logout().catch(() => undefined);
    }
    this.#objects.clear();
    this.#live.clear();
    this.#replay = [];
    this.#socket?.close(1001, 'fake RTM server closing');
    this.#socket = undefined;
    this.#onEnd(this);
  }

  /** One frame from the client, already parsed and checked by `parseClientFrame`. */
  handle(frame: ClientFrame): void {
    if (frame.n !== 0) {
      if (frame.n <= this.#seen) return;
      this.#seen = frame.n;
    }
    while (this.#replay.length > 0 && this.#replay[0].n <= frame.ack) this.#replay.shift();
    switch (frame.t) {
      case 'hello':
        return this.#error('already said hello');
      case 'new':
        return this.#create(frame);
      case 'call':
        return this.#call(frame);
      case 'set':
        return this.#error('the rtm2 namespace has no writable properties');
      case 'ping':
        return void this.#rtm.flush().then(
          () => this.#send({ t: 'pong', id: frame.id }),
          (error: unknown) => this.#send({ t: 'error', id: frame.id, message: String(error) }),
        );
      case 'control': {
        let result: Promise<unknown>;
        try {
          result = this.#control(frame.name, frame.body);
        } catch (error) {
          result = Promise.reject(error);
        }
        return void result.then(
          (value) => this.#send({ t: 'pong', id: frame.id, value: fakeRtmWire.encodeValue(value) }),
          (error: unknown) => this.#send({ t: 'error', id: frame.id, message: error instanceof Error ? error.message : String(error) }),
        );
      }
      case 'park':
        this.#parked = true;
        return;
      case 'ack':
        return;
    }
  }

  #create(frame: Extract<ClientFrame, { t: 'new' }>): void {
    if (this.#objects.has(frame.handle)) return this.#error(`handle ${frame.handle} is taken`, frame.id);
    const kind = frame.kind;
    if (!Object.hasOwn(RTM2_KINDS, kind)) return this.#error(`unknown object kind ${kind} of the rtm2 namespace`, frame.id);
    const rtm2Kind = kind as Rtm2Kind;
    const parent = frame.of === undefined ? undefined : this.#objects.get(frame.of);
    if (rtm2Kind !== 'client' && parent?.kind !== 'client') return this.#error(`no client ${String(frame.of)}`, frame.id);
    const args = this.#decode(frame.args, frame.id);
    if (!args) return;
    try {
      if (rtm2Kind === 'client') {
        const [appId, userId, config] = args as ConstructorParameters<FakeRtm2['RTM']>;
        this.#hostClient(frame.handle, new this.#rtm.RTM(appId, userId, config), userId);
      } else {
        const part = (parent!.object as RTMClient)[rtm2Kind];
        this.#objects.set(frame.handle, { kind: rtm2Kind, object: part, detach: () => undefined });
      }
      this.#send({ t: 'result', id: frame.id, ok: true });
    } catch (error) {
      this.#send({ t: 'result', id: frame.id, ok: false, error: wireError2(error) });
    }
  }

  #hostClient(handle: string, client: RTMClient, userId: string): void {
    this.#userIds.set(handle, userId);
    const on = client.addEventListener.bind(client) as (event: string, listener: Listener) => void;
    const off = client.removeEventListener.bind(client) as (event: string, listener: Listener) => void;
    const listeners = RTM2_KINDS.client.events.map((event) => {
      const listener: Listener = (payload) => this.#forward(handle, event, payload);
      on(event, listener);
      return [event, listener] as const;
    });
    this.#objects.set(handle, {
      kind: 'client',
      object: client,
      detach: () => {
        for (const [event, listener] of listeners) off(event, listener);
      },
    });
  }

  #forward(handle: string, event: string, payload: unknown): void {
    if (event === 'linkState') {
      const state = (payload as { currentState?: unknown } | null)?.currentState;
      if (LIVE_STATES.has(state)) this.#live.set(handle, this.#userIds.get(handle)!);
      else this.#live.delete(handle);
    }
    this.#send({ t: 'event', on: handle, event, args: [fakeRtmWire.encodeValue(payload)] });
  }

  #call(frame: Extract<ClientFrame, { t: 'call' }>): void {
    const hosted = this.#objects.get(frame.on);
    if (!hosted) return this.#error(`no object ${frame.on}`, frame.id);
    if (!RTM2_KINDS[hosted.kind].methods.includes(frame.method)) {
      return this.#error(`unknown method ${frame.method} of a ${hosted.kind}`, frame.id);
    }
    const args = this.#decode(frame.args, frame.id);
    if (!args) return;
    const method = (hosted.object as Record<string, (...a: unknown[]) => unknown>)[frame.method];
    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(method.apply(hosted.object, args));
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => this.#send({ t: 'result', id: frame.id, ok: true, value: fakeRtmWire.encodeValue(value) }),
      (error: unknown) => this.#send({ t: 'result', id: frame.id, ok: false, error: wireError2(error) }),
    );
  }

  #decode(args: unknown[], id: number): unknown[] | undefined {
    try {
      return args.map(fakeRtmWire.decodeValue);
    } catch {
      this.#error('arguments are not valid wire values', id);
      return undefined;
    }
  }

  #error(message: string, id?: number): void {
    this.#send({ t: 'error', message, ...(id === undefined ? {} : { id }) });
  }

  #send(frame: Outgoing): void {
    const full = { ...frame, v: 1, n: ++this.#sent, ack: this.#seen } as ServerFrame;
    this.#replay.push(full);
    if (this.#replay.length > fakeRtmWire.REPLAY_FRAMES) this.#replay.shift();
    this.#raw(full);
  }

  #raw(frame: ServerFrame): void {
    const socket = this.#socket;
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  }
}

/**
 * A 2.x error as the wire carries it: `name`, `message`, `code`, and for an `RTMBaseError` every
 * own property in order (docs/reference/rtm2-web-sdk.md §1.10), so the client rebuilds it field
 * for field. An `originalError` travels as its name and message.
 */
export function wireError2(error: unknown): fakeRtmWire.WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  const base: fakeRtmWire.WireError = {
    name: error.name,
    message: error.message,
    ...(typeof code === 'number' || typeof code === 'string' ? { code } : {}),
  };
  if ((error as { error?: unknown }).error !== true) return base;
  const fields = Object.keys(error).map((key): [string, unknown] => {
    const value = (error as unknown as Record<string, unknown>)[key];
    return [key, value instanceof Error ? { name: value.name, message: value.message } : value];
  });
  return { ...base, fields: fakeRtmWire.encodeValue(fields) as Array<[string, unknown]> };
}
