import { randomUUID } from 'node:crypto';
import { type FakeClient, type FakeRtm, fakeRtmWire } from 'signaling-compat/fake';
import type { WebSocket } from 'ws';
import { type HostedKind, type HostedObject, KINDS, MESSAGE_ARGUMENT, type Snapshot } from './hostedObjects';

type ClientFrame = fakeRtmWire.ClientFrame;
type ServerFrame = fakeRtmWire.ServerFrame;
type Outgoing = ServerFrame extends infer F ? (F extends ServerFrame ? Omit<F, 'v' | 'n' | 'ack'> : never) : never;

interface Hosted {
  kind: HostedKind;
  object: HostedObject;
  /** Listeners to remove when the session ends. */
  detach: () => void;
}

/** Runs a named test control of the hosted fake (see controls.ts). */
export type ControlRunner = (name: string, body: Record<string, unknown>) => Promise<unknown>;

/** How long a session whose socket dropped waits for the client to resume it. */
const RESUME_WINDOW_MS = 30_000;

/**
 * One client page or process: the FakeRtm objects it declared, the frames it has not
 * acknowledged, and the socket it is attached to (none while parked or dropped). Runs every call
 * on the hosted FakeRtm and forwards what the objects emit; it decides nothing about RTM itself.
 */
export class WireSession {
  readonly id = randomUUID();
  readonly #rtm: FakeRtm;
  readonly #objects = new Map<string, Hosted>();
  /** The uid each logged-in client handle logged in as (for the network controls). */
  readonly #uids = new Map<string, string>();
  #socket: WebSocket | undefined;
  #sent = 0;
  #seen = 0;
  #replay: ServerFrame[] = [];
  /** Events emitted synchronously inside a synchronous call the client already applied. */
  #quiet: string | undefined;
  #nextRemote = 1;
  #parked = false;
  #cutUids = new Set<string>();
  #expiry: ReturnType<typeof setTimeout> | undefined;
  #ended = false;
  readonly #onEnd: (session: WireSession) => void;
  readonly #control: ControlRunner;

  constructor(rtm: FakeRtm, control: ControlRunner, onEnd: (session: WireSession) => void) {
    this.#rtm = rtm;
    this.#control = control;
    this.#onEnd = onEnd;
  }

  get parked(): boolean {
    return this.#parked;
  }

  /** The uids logged in through this session. */
  get uids(): string[] {
    return [...this.#uids.values()];
  }

  /** Attaches a socket that said hello; replays what the client has not seen. */
  attach(socket: WebSocket, clientSeen: number, resumed: boolean): void {
    const previous = this.#socket;
    if (previous && previous !== socket) {
      // The client saw its connection drop before this server did: the same loss, noticed now.
      this.detach(previous);
      previous.close(4000, 'replaced by a newer connection');
    }
    this.#socket = socket;
    if (this.#expiry) clearTimeout(this.#expiry);
    this.#expiry = undefined;
    this.#parked = false;
    this.#raw({ v: 1, t: 'welcome', n: 0, ack: this.#seen, session: this.id, resumed });
    for (const frame of this.#replay) if (frame.n > clientSeen) this.#raw({ ...frame, ack: this.#seen });
    // The client is back: the RTM connection of every user it had logged in comes back too.
    for (const uid of this.#cutUids) this.#rtm.reconnect(uid);
    this.#cutUids.clear();
  }

  /** Whether frames older than the client's last seen are still here to replay. */
  canReplayFrom(clientSeen: number): boolean {
    const oldest = this.#replay[0]?.n ?? this.#sent + 1;
    return clientSeen >= oldest - 1 && clientSeen <= this.#sent;
  }

  /** The socket closed. Parked: nothing to do. Dropped: an RTM connection loss until it resumes. */
  detach(socket: WebSocket): void {
    if (this.#socket !== socket) return;
    this.#socket = undefined;
    if (this.#parked || this.#ended) return;
    for (const [handle, uid] of this.#uids) {
      const client = this.#objects.get(handle)?.object as FakeClient | undefined;
      if (client && client.connectionState !== 'DISCONNECTED' && client.connectionState !== 'ABORTED') {
        this.#cutUids.add(uid);
      }
    }
    for (const uid of this.#cutUids) this.#rtm.disconnect(uid);
    this.#expiry = setTimeout(() => this.end('expired'), RESUME_WINDOW_MS);
  }

  /** Drops the socket without a goodbye, as a network failure would (a test control). */
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
      if (hosted.kind === 'client') (hosted.object as FakeClient).logout().catch(() => undefined);
    }
    this.#objects.clear();
    this.#uids.clear();
    this.#replay = [];
    this.#socket?.close(1001, 'fake RTM server closing');
    this.#socket = undefined;
    this.#onEnd(this);
  }

  /** One frame from the client, already parsed and checked by `parseClientFrame`. */
  handle(frame: ClientFrame): void {
    if (frame.n !== 0) {
      if (frame.n <= this.#seen) return; // a resend of a frame handled before the drop
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
        return this.#set(frame);
      case 'ping':
        return void this.#rtm.flush().then(
          () => this.#send({ t: 'pong', id: frame.id }),
          (error: unknown) => this.#send({ t: 'error', id: frame.id, message: String(error) }),
        );
      case 'control': {
        // Runs at once (the controls act synchronously), so it lands between the calls around it.
        let result: Promise<unknown>;
        try {
          result = this.#control(frame.name, frame.body);
        } catch (error) {
          result = Promise.reject(error);
        }
        return void result.then(
          (value) => this.#send({ t: 'pong', id: frame.id, value: fakeRtmWire.encodeValue(value) }),
          (error: unknown) => this.#send({ t: 'error', id: frame.id, message: wireError(error).message }),
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
    if (kind !== 'client' && kind !== 'channel' && kind !== 'invitation') {
      return this.#error(`unknown object kind ${kind} of the rtm1 namespace`, frame.id);
    }
    const parent = frame.of === undefined ? undefined : this.#objects.get(frame.of);
    if (kind !== 'client' && parent?.kind !== 'client') return this.#error(`no client ${String(frame.of)}`, frame.id);
    const args = this.#decode(frame.args, frame.id);
    if (!args) return;
    try {
      const client = parent?.object as FakeClient | undefined;
      const create = {
        client: () => this.#rtm.createInstance(...(args as Parameters<FakeRtm['createInstance']>)),
        channel: () => client!.createChannel(args[0] as string),
        invitation: () => client!.createLocalInvitation(args[0] as string),
      }[kind];
      this.#host(frame.handle, kind, create());
      this.#send({ t: 'result', id: frame.id, ok: true });
    } catch (error) {
      this.#send({ t: 'result', id: frame.id, ok: false, error: wireError(error) });
    }
  }

  #host(handle: string, kind: HostedKind, object: HostedObject): void {
    const spec = KINDS[kind];
    const emitter = object as unknown as {
      on(event: string, listener: (...args: unknown[]) => void): void;
      off(event: string, listener: (...args: unknown[]) => void): void;
    };
    const listeners = spec.events.map((event) => {
      const listener = (...args: unknown[]) => this.#forward(handle, kind, object, event, args);
      emitter.on(event, listener);
      return [event, listener] as const;
    });
    this.#objects.set(handle, {
      kind,
      object,
      detach: () => {
        for (const [event, listener] of listeners) emitter.off(event, listener);
      },
    });
  }

  #forward(handle: string, kind: HostedKind, object: HostedObject, event: string, args: unknown[]): void {
    if (this.#quiet === handle) return;
    if (event === 'ConnectionStateChanged' && (args[0] === 'DISCONNECTED' || args[0] === 'ABORTED')) {
      this.#uids.delete(handle);
    }
    let wireArgs: unknown[];
    if (event === 'RemoteInvitationReceived') {
      const remoteHandle = `r${(this.#nextRemote++).toString(36)}`;
      this.#host(remoteHandle, 'remoteInvitation', args[0] as HostedObject);
      wireArgs = [{ $invitation: remoteHandle, state: KINDS.remoteInvitation.snapshot(args[0] as HostedObject) }];
    } else {
      wireArgs = args.map(fakeRtmWire.encodeValue);
    }
    this.#send({ t: 'event', on: handle, event, args: wireArgs, state: KINDS[kind].snapshot(object) });
  }

  #call(frame: Extract<ClientFrame, { t: 'call' }>): void {
    const hosted = this.#objects.get(frame.on);
    if (!hosted) return this.#error(`no object ${frame.on}`, frame.id);
    const spec = KINDS[hosted.kind];
    const isSync = spec.sync.includes(frame.method);
    if (!isSync && !spec.async.includes(frame.method)) {
      return this.#error(`unknown method ${frame.method} of a ${hosted.kind}`, frame.id);
    }
    const args = this.#decode(frame.args, frame.id);
    if (!args) return;
    const method = (hosted.object as unknown as Record<string, (...a: unknown[]) => unknown>)[frame.method];
    const state = () => spec.snapshot(hosted.object);
    if (isSync) {
      this.#quiet = frame.on;
      try {
        method.apply(hosted.object, args);
        this.#send({ t: 'result', id: frame.id, ok: true, state: state() });
      } catch (error) {
        this.#send({ t: 'result', id: frame.id, ok: false, error: wireError(error), state: state() });
      } finally {
        this.#quiet = undefined;
      }
      return;
    }
    const messageIndex = MESSAGE_ARGUMENT[frame.method];
    const message = messageIndex === undefined ? undefined : args[messageIndex];
    const touched = () => touchedKeys(message);
    if (frame.method === 'login') this.#noteLogin(frame.on, args[0]);
    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(method.apply(hosted.object, args));
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => this.#send({ t: 'result', id: frame.id, ok: true, value: fakeRtmWire.encodeValue(value), state: state(), touched: touched() }),
      (error: unknown) => this.#send({ t: 'result', id: frame.id, ok: false, error: wireError(error), state: state(), touched: touched() }),
    );
  }

  #noteLogin(handle: string, options: unknown): void {
    const uid = (options as { uid?: unknown } | null)?.uid;
    if (typeof uid === 'string') this.#uids.set(handle, uid);
  }

  #set(frame: Extract<ClientFrame, { t: 'set' }>): void {
    const hosted = this.#objects.get(frame.on);
    if (!hosted) return this.#error(`no object ${frame.on}`);
    if (!KINDS[hosted.kind].writable.includes(frame.prop)) return this.#error(`${frame.prop} of a ${hosted.kind} is not writable`);
    try {
      (hosted.object as unknown as Record<string, unknown>)[frame.prop] = frame.value;
    } catch (error) {
      this.#error(`setting ${frame.prop} failed: ${wireError(error).message}`);
    }
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

/** An error as the wire carries it: the SDK's observable `name`, `code`, `message` (and `serverCode`). */
export function wireError(error: unknown): fakeRtmWire.WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, serverCode } = error as Error & { code?: unknown; serverCode?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'number' || typeof code === 'string' ? { code } : {}),
    ...(typeof serverCode === 'number' ? { serverCode } : {}),
  };
}

/** The string members the fake added to or changed on the app's message object (docs/reference/rtm1-web-sdk.md §1.2 normalisation). */
function touchedKeys(message: unknown): Record<string, string> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const out: Record<string, string> = {};
  for (const key of ['messageType', 'description']) {
    const value = (message as Record<string, unknown>)[key];
    if (typeof value === 'string') out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
