import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeRtm, FakeRtm2, fakeRtmWire } from 'signaling-compat/fake';
import { type WebSocket, WebSocketServer } from 'ws';
import { ControlError, runControl, runRtm2Control } from './controls';
import { readControlBody } from './readControlBody';
import { Rtm2WireSession } from './Rtm2WireSession';
import { WireSession } from './WireSession';
import type { ControlRunner } from './WireSessionBase';

type Session = WireSession | Rtm2WireSession;

export interface FakeRtmServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. The server has no authentication. */
  host?: string;
  /** Milliseconds per client↔server hop inside the hosted FakeRtm (default 0). */
  latencyMs?: number;
  /** A FakeRtm to host instead of a new one (e.g. with a ManualClock or limits). */
  rtm?: FakeRtm;
  /**
   * A FakeRtm2 to host instead of a new one (e.g. with a ManualClock, limits or switches). The
   * server sets its `IGNORE_DUPLICATE_USER_ID_ERR` parameter: the one-instance-per-user rule
   * belongs to each connecting page, which `connectFakeRtm2` checks locally.
   */
  rtm2?: FakeRtm2;
}

export interface FakeRtmServer {
  /** The WebSocket address for `connectFakeRtm(url)` and `connectFakeRtm2(url)`, e.g. `ws://127.0.0.1:8790`. */
  url: string;
  /** The HTTP address of the test controls: `POST <controlUrl>/<name>` (FakeRtm), `POST <controlUrl>/rtm2/<name>` (FakeRtm2). */
  controlUrl: string;
  port: number;
  /** The hosted FakeRtm, for setups in the same process. */
  rtm: FakeRtm;
  /** The hosted FakeRtm2. */
  rtm2: FakeRtm2;
  /** Ends every session through the RTM logout path, then stops listening. */
  close(): Promise<void>;
}

/** Parked sessions kept for a resume; beyond this the oldest are ended. */
const MAX_PARKED_SESSIONS = 10_000;
/** Frames past `MAX_FRAME_BYTES` get an error frame; past this the socket library closes the socket (1009). */
const MAX_PAYLOAD_BYTES = 4 * fakeRtmWire.MAX_FRAME_BYTES;

/**
 * Hosts one FakeRtm and one FakeRtm2 behind a WebSocket (the wire of `connectFakeRtm` and
 * `connectFakeRtm2`; the hello names the namespace) and their test controls behind
 * `POST /control/<name>` and `POST /control/rtm2/<name>` on the same port. Every page or process
 * that connects shares the one in-memory RTM of its namespace.
 */
export async function startFakeRtmServer(options: FakeRtmServerOptions = {}): Promise<FakeRtmServer> {
  const rtm = options.rtm ?? new FakeRtm({ latencyMs: options.latencyMs ?? 0 });
  const host = options.host ?? '127.0.0.1';
  const rtm2 = options.rtm2 ?? new FakeRtm2({ latencyMs: options.latencyMs ?? 0 });
  rtm2.setParameter('IGNORE_DUPLICATE_USER_ID_ERR', true);
  const sessions = new Map<string, Session>();
  const forget = (session: { readonly id: string }) => sessions.delete(session.id);
  const of = <S extends Session>(kind: new (...args: never[]) => S) => [...sessions.values()].filter((s): s is S => s instanceof kind);
  const controls: Hosts = {
    rtm1: (name, body) => runControl(name, body, rtm, of(WireSession)),
    rtm2: (name, body) => runRtm2Control(name, body, rtm2, of(Rtm2WireSession)),
  };
  const sessionFor: SessionFactory = (ns) =>
    ns === 'rtm1' ? new WireSession(rtm, controls.rtm1, forget) : new Rtm2WireSession(rtm2, controls.rtm2, forget);

  const http = createServer((request, response) => {
    void answerHttp(request, response, controls);
  });
  const wss = new WebSocketServer({ server: http, maxPayload: MAX_PAYLOAD_BYTES });
  wss.on('connection', (socket) => serveSocket(socket, sessionFor, sessions));
  wss.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `ws://${authority}`,
    controlUrl: `http://${authority}/control`,
    port,
    rtm,
    rtm2,
    close() {
      closing ??= (async () => {
        for (const session of [...sessions.values()]) session.end('shutdown');
        await rtm.flush().catch(() => undefined);
        await rtm2.flush().catch(() => undefined);
        for (const socket of wss.clients) socket.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return closing;
    },
  };
}

/** Each namespace's test controls. */
type Hosts = Record<fakeRtmWire.Namespace, ControlRunner>;
type SessionFactory = (ns: fakeRtmWire.Namespace) => Session;

function serveSocket(socket: WebSocket, sessionFor: SessionFactory, sessions: Map<string, Session>): void {
  let session: Session | undefined;
  const refuse = (message: string, id?: number) =>
    socket.send(JSON.stringify({ v: 1, t: 'error', n: 0, ack: 0, message, ...(id === undefined ? {} : { id }) }));
  socket.on('error', () => undefined);
  socket.on('message', (data, isBinary) => {
    if (isBinary) return refuse('frames must be text');
    const parsed = fakeRtmWire.parseClientFrame(data.toString());
    if (!parsed.ok) return refuse(parsed.message, parsed.id);
    const frame = parsed.frame;
    if (!session) {
      if (frame.t !== 'hello') return refuse('the first frame must be hello');
      const known = frame.resume === undefined ? undefined : sessions.get(frame.resume);
      const sameNamespace = known instanceof (frame.ns === 'rtm1' ? WireSession : Rtm2WireSession);
      const resumable = known !== undefined && sameNamespace && known.canReplayFrom(frame.ack);
      if (known && !resumable) known.end('expired');
      session = resumable ? known : sessionFor(frame.ns);
      if (!resumable) {
        sessions.set(session.id, session);
        evictParked(sessions);
      }
      session.attach(socket, frame.ack, resumable);
      return;
    }
    try {
      session.handle(frame);
    } catch (error) {
      refuse(`the frame could not be handled: ${String(error)}`);
    }
  });
  socket.on('close', () => session?.detach(socket));
}

function evictParked(sessions: Map<string, Session>): void {
  let parked = 0;
  for (const session of sessions.values()) if (session.parked) parked++;
  for (const session of sessions.values()) {
    if (parked <= MAX_PARKED_SESSIONS) return;
    if (!session.parked) continue;
    session.end('evicted');
    parked--;
  }
}

async function answerHttp(request: IncomingMessage, response: ServerResponse, controls: Hosts): Promise<void> {
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const url = new URL(request.url ?? '/', 'http://localhost');
  // `/control/<name>` is the FakeRtm's (as before there was a second namespace), `/control/rtm2/<name>` the FakeRtm2's.
  const control = /^\/control\/(?:(rtm2)\/)?([A-Za-z]+)$/.exec(url.pathname);
  if (!control) {
    if (url.pathname === '/' && request.method === 'GET') {
      return reply(200, { server: 'signaling-compat fake RTM', wire: fakeRtmWire.WIRE_VERSION, namespaces: ['rtm1', 'rtm2'] });
    }
    return reply(404, { ok: false, error: 'not found: the controls are POST /control/<name> and POST /control/rtm2/<name>' });
  }
  if (request.method !== 'POST') return reply(405, { ok: false, error: 'controls take POST' });
  try {
    const body = await readControlBody(request);
    const value = await controls[control[1] === 'rtm2' ? 'rtm2' : 'rtm1'](control[2], body);
    reply(200, value === undefined ? { ok: true } : { ok: true, value });
  } catch (error) {
    reply(error instanceof ControlError || error instanceof SyntaxError ? 400 : 409, {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
