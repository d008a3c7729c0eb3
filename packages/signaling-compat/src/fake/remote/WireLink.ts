import {
  type ClientFrame,
  MAX_FRAME_BYTES,
  type Namespace,
  type Parsed,
  parseServerFrame,
  REPLAY_FRAMES,
  RESUME_WINDOW_MS,
  type ServerFrame,
  WIRE_VERSION,
  exceedsFrameBound,
} from './wire';

/** The part of the WebSocket API the link uses: the browser's, Node 22's global, or the `ws` package's. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type SocketConstructor = new (url: string) => SocketLike;

/** Frames the link sends: the counters are its own. */
export type OutgoingFrame = ClientFrame extends infer F ? (F extends ClientFrame ? Omit<F, 'v' | 'n' | 'ack'> : never) : never;

export interface LinkHooks {
  /** Every frame from the server, in order, except the link's own (`welcome`, `pong`, `end`). */
  receive(frame: ServerFrame): void;
  /** The connection dropped unexpectedly; the link is trying to resume the session. */
  dropped(): void;
  /** The session is over (server shutdown, restart, or no way back within the resume window). */
  lost(): void;
  /** The `new` frames that recreate every object the app still holds, for a fresh session. */
  declarations(): OutgoingFrame[];
  /** True when nothing is logged in or under way, so the connection may close. */
  idle(): boolean;
}

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 2_000;
/** The client acknowledges the server's frames at least this often, so the server's replay buffer can shrink. */
const ACK_EVERY = 256;
const OPEN = 1;

/** A macrotask without timer clamping: `setImmediate` in Node, a MessageChannel in browsers. */
function nextTurn(run: () => void): void {
  if (typeof globalThis.setImmediate === 'function') {
    globalThis.setImmediate(run);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(undefined);
}

/**
 * One session with the server over one WebSocket at a time. Opens the socket when there is
 * something to send, parks it (closes it, keeping the session) when the app is idle, so a Node
 * process can exit after logout, and resumes the session after an unexpected drop, replaying
 * whatever either side missed.
 */
export class WireLink {
  readonly #url: string;
  readonly #ns: Namespace;
  readonly #Socket: SocketConstructor;
  readonly #hooks: LinkHooks;
  #socket: SocketLike | undefined;
  #ready = false;
  #session: string | undefined;
  #hadSession = false;
  /** Frames not yet acknowledged by the server, oldest first. */
  #unacked: ClientFrame[] = [];
  #sent = 0;
  #seen = 0;
  #ackedByUs = 0;
  #nextId = 1;
  readonly #waiting = new Map<number, (frame: ServerFrame) => void>();
  #droppedAt: number | undefined;
  #retryDelay = FIRST_RETRY_MS;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #idleCheck = false;
  /** Closed while idle, the session kept on the server. */
  #parked = false;
  readonly #inbox: string[] = [];
  #pumping = false;
  /** Frames sent other than pings: lets `flush()` tell whether the app reacted to what arrived. */
  appFrames = 0;

  constructor(url: string, Socket: SocketConstructor, hooks: LinkHooks, ns: Namespace = 'rtm1') {
    this.#url = url;
    this.#ns = ns;
    this.#Socket = Socket;
    this.#hooks = hooks;
  }

  /** Sends a frame now or as soon as a connection is up. */
  send(frame: OutgoingFrame): void {
    if (frame.t !== 'ping') this.appFrames++;
    const full = { ...frame, v: WIRE_VERSION, n: ++this.#sent, ack: this.#seen } as ClientFrame;
    this.#unacked.push(full);
    if (this.#ready) this.#write(full);
    else this.#open();
  }

  /** Sends a frame carrying a fresh request id; `answer` gets the server's reply to it. */
  request(build: (id: number) => OutgoingFrame, answer: (frame: ServerFrame) => void): void {
    const id = this.#nextId++;
    this.#waiting.set(id, answer);
    this.send(build(id));
  }

  /** Resolves once the server has handled every earlier frame and its fake has nothing due now. */
  ping(): Promise<void> {
    return new Promise((resolve) => this.request((id) => ({ t: 'ping', id }), () => resolve()));
  }

  get busy(): boolean {
    return this.#waiting.size > 0;
  }

  #write(frame: ClientFrame): void {
    const text = JSON.stringify(frame);
    if (exceedsFrameBound(text)) {
      this.#unacked = this.#unacked.filter((f) => f !== frame);
      this.#answerLocally(frame, `frame exceeds ${MAX_FRAME_BYTES} bytes`);
      return;
    }
    this.#socket?.send(text);
  }

  #answerLocally(frame: ClientFrame, message: string): void {
    const id = 'id' in frame && typeof frame.id === 'number' ? frame.id : undefined;
    const answer = id === undefined ? undefined : this.#waiting.get(id);
    if (id === undefined || !answer) return;
    this.#waiting.delete(id);
    answer({ v: 1, t: 'result', n: 0, ack: 0, id, ok: false, error: { name: 'Error', message } });
  }

  #open(): void {
    if (this.#socket || this.#retryTimer) return;
    let socket: SocketLike;
    try {
      socket = new this.#Socket(this.#url);
    } catch {
      this.#connectFailed();
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      const hello = { v: WIRE_VERSION, t: 'hello', n: 0, ack: this.#seen, ns: this.#ns, resume: this.#session };
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (event) => {
      if (this.#socket === socket) this.#take(typeof event.data === 'string' ? event.data : String(event.data));
    };
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.#ready = false;
      this.#onClosed();
    };
  }

  /**
   * One frame per host turn: a socket may deliver several frames in one task, and the app's
   * promise continuations for one answer must run before the next event, as they would on FakeRtm.
   */
  #take(text: string): void {
    this.#inbox.push(text);
    if (this.#pumping) return;
    this.#pumping = true;
    this.#pump();
  }

  #pump(): void {
    const text = this.#inbox.shift();
    try {
      if (text !== undefined) this.#onText(text);
    } catch (error) {
      // An app listener threw: report it as FakeRtm's emit would (uncaught), but keep the link going.
      queueMicrotask(() => {
        throw error;
      });
    }
    nextTurn(() => {
      if (this.#inbox.length > 0) this.#pump();
      else this.#pumping = false;
    });
  }

  #onText(text: string): void {
    const parsed: Parsed<ServerFrame> = parseServerFrame(text);
    if (!parsed.ok) {
      console.error(`signaling-compat/fake: ignored a frame from the fake RTM server: ${parsed.message}`);
      return;
    }
    const frame = parsed.frame;
    if (frame.n !== 0) {
      if (frame.n <= this.#seen) return; // already seen before a resume
      this.#seen = frame.n;
    }
    let acked = 0;
    while (acked < this.#unacked.length && this.#unacked[acked].n <= frame.ack) acked++;
    if (acked > 0) this.#unacked.splice(0, acked);
    switch (frame.t) {
      case 'welcome':
        return this.#welcomed(frame.session, frame.resumed);
      case 'end':
        return this.#ended();
      case 'pong':
      case 'result': {
        const answer = this.#waiting.get(frame.id);
        if (answer) {
          this.#waiting.delete(frame.id);
          answer(frame);
        }
        break;
      }
      case 'error':
        if (frame.id !== undefined && this.#waiting.has(frame.id)) {
          this.#answerLocally({ id: frame.id } as ClientFrame, frame.message);
        } else {
          console.error(`signaling-compat/fake: the fake RTM server refused a frame: ${frame.message}`);
        }
        break;
      case 'event':
        this.#hooks.receive(frame);
        break;
    }
    if (this.#seen - this.#ackedByUs >= ACK_EVERY) this.#control('ack');
    this.#scheduleIdleCheck();
  }

  #welcomed(session: string, resumed: boolean): void {
    if (!resumed && this.#hadSession) {
      // A new server (restart) or a session it no longer has. Parked, nothing was under way: the
      // objects are declared afresh before what the app has sent since. Dropped: every RTM
      // session of this link is over.
      this.#seen = 0;
      if (this.#parked) this.#unacked = this.#redeclared(this.#unacked);
      else {
        this.#loseSession();
        this.#unacked = this.#redeclared([]);
      }
    }
    this.#session = session;
    this.#hadSession = true;
    this.#parked = false;
    this.#ready = true;
    this.#droppedAt = undefined;
    this.#retryDelay = FIRST_RETRY_MS;
    for (const frame of this.#unacked) this.#write({ ...frame, ack: this.#seen });
    this.#ackedByUs = this.#seen;
    this.#scheduleIdleCheck();
  }

  /** The declarations of every object the app holds, then `kept`, numbered afresh for a new session. */
  #redeclared(kept: ClientFrame[]): ClientFrame[] {
    const declaredInKept = new Set(kept.flatMap((frame) => (frame.t === 'new' ? [frame.handle] : [])));
    const declarations = this.#hooks.declarations().filter((frame) => !(frame.t === 'new' && declaredInKept.has(frame.handle)));
    return [...declarations, ...kept].map((frame) => ({ ...frame, v: WIRE_VERSION, n: ++this.#sent, ack: 0 }) as ClientFrame);
  }

  #ended(): void {
    this.#loseSession();
    this.#session = undefined;
    this.#hadSession = false;
    this.#unacked = this.#redeclared([]);
    this.#seen = 0;
    this.#close();
  }

  #loseSession(): void {
    this.#unacked = [];
    this.#seen = 0;
    const waiting = [...this.#waiting.keys()];
    for (const id of waiting) this.#answerLocally({ id } as ClientFrame, 'the fake RTM session ended');
    this.#hooks.lost();
  }

  #onClosed(): void {
    if (!this.#hadSession && this.#unacked.length === 0) return;
    if (this.#droppedAt === undefined) {
      this.#droppedAt = Date.now();
      if (this.#hadSession) this.#hooks.dropped();
    }
    this.#connectFailed();
  }

  #connectFailed(): void {
    this.#socket = undefined;
    if (this.#droppedAt === undefined) this.#droppedAt = Date.now();
    if (Date.now() - this.#droppedAt >= RESUME_WINDOW_MS) {
      this.#droppedAt = undefined;
      this.#ended();
      return;
    }
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.#open();
    }, this.#retryDelay);
    this.#retryDelay = Math.min(this.#retryDelay * 2, MAX_RETRY_MS);
  }

  /** `ack` and `park` are not numbered: they are never replayed. */
  #control(t: 'ack' | 'park'): void {
    this.#ackedByUs = this.#seen;
    this.#socket?.send(JSON.stringify({ v: WIRE_VERSION, t, n: 0, ack: this.#seen }));
  }

  #scheduleIdleCheck(): void {
    if (this.#idleCheck) return;
    this.#idleCheck = true;
    queueMicrotask(() => {
      this.#idleCheck = false;
      if (!this.#ready || this.busy || !this.#hooks.idle()) return;
      this.#control('park');
      this.#parked = true;
      this.#close();
    });
  }

  #close(): void {
    const socket = this.#socket;
    this.#ready = false;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    if (!socket) return;
    this.#socket = undefined;
    socket.close(socket.readyState === OPEN ? 1000 : undefined);
  }
}
