import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeRtm, fakeRtmWire } from 'signaling-compat/fake';
import { type WebSocket, WebSocketServer } from 'ws';
import { ControlError, runControl } from './controls';
import { type ControlRunner, WireSession } from './WireSession';

export interface FakeRtmServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. The server has no authentication. */
  host?: string;
  /** Milliseconds per client↔server hop inside the hosted FakeRtm (default 0). */
  latencyMs?: number;
  /** A FakeRtm to host instead of a new one (e.g. with a ManualClock or limits). */
  rtm?: FakeRtm;
}

export interface FakeRtmServer {
  /** The WebSocket address for `connectFakeRtm(url)`, e.g. `ws://127.0.0.1:8790`. */
  url: string;
  /** The HTTP address of the test controls: `POST <controlUrl>/<name>`. */
  controlUrl: string;
  port: number;
  /** The hosted FakeRtm, for setups in the same process. */
  rtm: FakeRtm;
  /** Ends every session through the RTM logout path, then stops listening. */
  close(): Promise<void>;
}

/** Parked sessions kept for a resume; beyond this the oldest are ended. */
const MAX_PARKED_SESSIONS = 10_000;
const MAX_CONTROL_BODY_BYTES = 64 * 1024;
/** Frames past `MAX_FRAME_BYTES` get an error frame; past this the socket library closes the socket (1009). */
const MAX_PAYLOAD_BYTES = 4 * fakeRtmWire.MAX_FRAME_BYTES;

/**
 * Hosts one FakeRtm behind a WebSocket (the wire of `connectFakeRtm`) and its test controls
 * behind `POST /control/<name>` on the same port. Every page or process that connects shares the
 * one in-memory RTM.
 */
export async function startFakeRtmServer(options: FakeRtmServerOptions = {}): Promise<FakeRtmServer> {
  const rtm = options.rtm ?? new FakeRtm({ latencyMs: options.latencyMs ?? 0 });
  const host = options.host ?? '127.0.0.1';
  const sessions = new Map<string, WireSession>();
  const forget = (session: WireSession) => sessions.delete(session.id);

  const http = createServer((request, response) => {
    void answerHttp(request, response, rtm, sessions.values());
  });
  const wss = new WebSocketServer({ server: http, maxPayload: MAX_PAYLOAD_BYTES });
  const control = (name: string, body: Record<string, unknown>) => runControl(name, body, rtm, sessions.values());
  wss.on('connection', (socket) => serveSocket(socket, rtm, control, sessions, forget));
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
    close() {
      closing ??= (async () => {
        for (const session of [...sessions.values()]) session.end('shutdown');
        await rtm.flush().catch(() => undefined);
        for (const socket of wss.clients) socket.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return closing;
    },
  };
}

function serveSocket(
  socket: WebSocket,
  rtm: FakeRtm,
  control: ControlRunner,
  sessions: Map<string, WireSession>,
  forget: (session: WireSession) => void,
): void {
  let session: WireSession | undefined;
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
      const resumable = known !== undefined && known.canReplayFrom(frame.ack);
      if (known && !resumable) known.end('expired');
      session = resumable ? known : new WireSession(rtm, control, forget);
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

function evictParked(sessions: Map<string, WireSession>): void {
  let parked = 0;
  for (const session of sessions.values()) if (session.parked) parked++;
  for (const session of sessions.values()) {
    if (parked <= MAX_PARKED_SESSIONS) return;
    if (!session.parked) continue;
    session.end('evicted');
    parked--;
  }
}

async function answerHttp(
  request: IncomingMessage,
  response: ServerResponse,
  rtm: FakeRtm,
  sessions: Iterable<WireSession>,
): Promise<void> {
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const url = new URL(request.url ?? '/', 'http://localhost');
  const control = /^\/control\/([A-Za-z]+)$/.exec(url.pathname);
  if (!control) {
    if (url.pathname === '/' && request.method === 'GET') {
      return reply(200, { server: 'signaling-compat fake RTM', wire: fakeRtmWire.WIRE_VERSION, namespaces: ['rtm1'] });
    }
    return reply(404, { ok: false, error: 'not found: the controls are POST /control/<name>' });
  }
  if (request.method !== 'POST') return reply(405, { ok: false, error: 'controls take POST' });
  try {
    const body = await readJson(request);
    const value = await runControl(control[1], body, rtm, sessions);
    reply(200, value === undefined ? { ok: true } : { ok: true, value });
  } catch (error) {
    reply(error instanceof ControlError || error instanceof SyntaxError ? 400 : 409, {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > MAX_CONTROL_BODY_BYTES) throw new ControlError('control body too large');
  }
  if (text.trim() === '') return {};
  const body: unknown = JSON.parse(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ControlError('body must be a JSON object');
  return body as Record<string, unknown>;
}
