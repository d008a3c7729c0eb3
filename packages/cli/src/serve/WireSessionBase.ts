import { randomUUID } from 'node:crypto';
import { fakeRtmWire } from 'signaling-compat/fake';
import type { WebSocket } from 'ws';

export type ClientFrame = fakeRtmWire.ClientFrame;
type ServerFrame = fakeRtmWire.ServerFrame;
/** A server frame before the session numbers and acknowledges it. */
export type Outgoing = ServerFrame extends infer F ? (F extends ServerFrame ? Omit<F, 'v' | 'n' | 'ack'> : never) : never;

/** What `run` returns, as a promise; a synchronous throw becomes its rejection, as an async method's would. */
export function attempt(run: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Runs a named test control of the hosted fake (see controls.ts). */
export type ControlRunner = (name: string, body: Record<string, unknown>) => Promise<unknown>;

/** What a session needs of its namespace's fake: the settle point and the per-user network switch. */
export interface HostedNetwork {
  flush(): Promise<unknown>;
  disconnect(uid: string): void;
  reconnect(uid: string): void;
}

/** One object a client declared, of one of its namespace's kinds. */
export interface Hosted<Kind extends string, HostedObject extends object> {
  kind: Kind;
  object: HostedObject;
  /** Listeners to remove when the session ends. */
  detach: () => void;
}

/**
 * The frame bookkeeping both namespaces' sessions share: numbering, acknowledging and replaying
 * frames, attaching, parking, dropping and resuming sockets, the resume window, ping and control.
 * A subclass hosts its namespace's object kinds (`create`, `call`, `set`) and says which users
 * hold a live RTM link; it decides nothing about the frames.
 */
export abstract class WireSessionBase<Kind extends string, HostedObject extends object> {
  readonly id = randomUUID();
  protected readonly objects = new Map<string, Hosted<Kind, HostedObject>>();
  readonly #network: HostedNetwork;
  #socket: WebSocket | undefined;
  #sent = 0;
  #seen = 0;
  #replay: ServerFrame[] = [];
  #parked = false;
  #cutUids = new Set<string>();
  #expiry: ReturnType<typeof setTimeout> | undefined;
  #ended = false;
  /** Told once the session ended, so the server forgets it. */
  readonly #onEnd: (session: { readonly id: string }) => void;
  readonly #control: ControlRunner;

  constructor(network: HostedNetwork, control: ControlRunner, onEnd: (session: { readonly id: string }) => void) {
    this.#network = network;
    this.#control = control;
    this.#onEnd = onEnd;
  }

  get parked(): boolean {
    return this.#parked;
  }

  /** The uids logged in through this session (for the network controls). */
  abstract get uids(): string[];

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
    for (const uid of this.#cutUids) this.#network.reconnect(uid);
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
    for (const uid of this.linkedUids()) this.#cutUids.add(uid);
    for (const uid of this.#cutUids) this.#network.disconnect(uid);
    this.#expiry = setTimeout(() => this.end('expired'), fakeRtmWire.RESUME_WINDOW_MS);
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
    if (reason === 'shutdown') this.send({ t: 'end', reason: 'shutdown' });
    for (const hosted of this.objects.values()) hosted.detach();
    for (const uid of this.#cutUids) this.#network.reconnect(uid);
    for (const hosted of this.objects.values()) {
      if (hosted.kind === 'client') (hosted.object as { logout(): Promise<unknown> }).logout().catch(() => undefined);
    }
    this.objects.clear();
    this.forgetUsers();
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
        return this.error('already said hello');
      case 'new':
        return this.create(frame);
      case 'call':
        return this.call(frame);
      case 'set':
        return this.set(frame);
      case 'ping':
        return void this.#network.flush().then(
          () => this.send({ t: 'pong', id: frame.id }),
          (error: unknown) => this.send({ t: 'error', id: frame.id, message: String(error) }),
        );
      case 'control': {
        // Runs at once (the controls act synchronously), so it lands between the calls around it.
        return void attempt(() => this.#control(frame.name, frame.body)).then(
          (value) => this.send({ t: 'pong', id: frame.id, value: fakeRtmWire.encodeValue(value) }),
          (error: unknown) => this.send({ t: 'error', id: frame.id, message: error instanceof Error ? error.message : String(error) }),
        );
      }
      case 'park':
        this.#parked = true;
        return;
      case 'ack':
        return;
    }
  }

  /** Declares an object of the namespace's kinds under the client's handle. */
  protected abstract create(frame: Extract<ClientFrame, { t: 'new' }>): void;
  protected abstract call(frame: Extract<ClientFrame, { t: 'call' }>): void;
  protected abstract set(frame: Extract<ClientFrame, { t: 'set' }>): void;
  /** The users whose RTM link is up, so a dropped socket cuts it until the client resumes. */
  protected abstract linkedUids(): Iterable<string>;
  /** Forgets the users logged in through this session, once it ended. */
  protected abstract forgetUsers(): void;

  /** The call's arguments decoded, or undefined after telling the client they are not wire values. */
  protected decode(args: unknown[], id: number): unknown[] | undefined {
    try {
      return args.map(fakeRtmWire.decodeValue);
    } catch {
      this.error('arguments are not valid wire values', id);
      return undefined;
    }
  }

  protected error(message: string, id?: number): void {
    this.send({ t: 'error', message, ...(id === undefined ? {} : { id }) });
  }

  protected send(frame: Outgoing): void {
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
