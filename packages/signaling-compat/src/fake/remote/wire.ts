/**
 * The remote fake's wire format, shared by `connectFakeRtm` and the `signaling-compat-cli serve`
 * server. Every frame is one JSON object with `v` (the format version) and `t` (its type). The wire
 * carries only calls, results and events of RTM objects that live in the server's `FakeRtm`; no RTM
 * behaviour is decided here.
 *
 * Client → server: `hello` (opens or resumes a session, naming the namespace: `rtm1` for the
 * server's `FakeRtm`, `rtm2` for its `FakeRtm2`, each with its own object kinds), `new` (declares an
 * object under a handle the client chose, so creators can return synchronously), `call`, `set`
 * (a property write), `ping` (answered once the fake has nothing due), `control` (a test control
 * of the server's fake, run in order with the calls before it), `park` (closes an idle
 * connection, keeping the session), `ack`.
 * Server → client: `welcome`, `result`, `event`, `pong`, `error` (a frame the server could not
 * take; the connection stays open), `end` (the session is over: server shutdown or unknown session).
 *
 * Both sides number their frames (`n`) and acknowledge the other side's (`ack`), so a resumed
 * connection replays exactly what the other side has not seen.
 */

export const WIRE_VERSION = 1;
/** The largest frame either side sends or accepts (RTM's own payloads are at most 32 KB). */
export const MAX_FRAME_BYTES = 1024 * 1024;
/** Frames kept for replay after a dropped connection; a gap beyond this ends the session. */
export const REPLAY_FRAMES = 4096;
/**
 * How long a dropped connection may stay away before its session is lost (the fake's 30 s offline
 * window): the client stops retrying after it and the server ends the session after it, so both
 * sides read this one value.
 */
export const RESUME_WINDOW_MS = 30_000;

export type Namespace = 'rtm1' | 'rtm2';
/** `client`: an RTM 1.x client or a 2.x `RTMClient`; 1.x also `channel`, `invitation`; 2.x its parts. */
export type ObjectKind = 'client' | 'channel' | 'invitation' | 'presence' | 'storage' | 'lock' | 'history';
const NAMESPACES: readonly unknown[] = ['rtm1', 'rtm2'];
const OBJECT_KINDS: readonly unknown[] = ['client', 'channel', 'invitation', 'presence', 'storage', 'lock', 'history'];

/**
 * The `rtm2` namespace's objects and the methods the wire carries for each (docs/reference/rtm2-web-sdk.md §1.3–§1.7):
 * every one returns a promise; only the `RTM` constructor and `createStreamChannel` throw, and
 * those run in the client's page.
 */
export const RTM2_METHODS = {
  client: ['login', 'logout', 'renewToken', 'publish', 'subscribe', 'unsubscribe'],
  presence: ['whoNow', 'getOnlineUsers', 'whereNow', 'getUserChannels', 'setState', 'getState', 'removeState'],
  storage: [
    'setChannelMetadata',
    'updateChannelMetadata',
    'removeChannelMetadata',
    'getChannelMetadata',
    'setUserMetadata',
    'updateUserMetadata',
    'removeUserMetadata',
    'getUserMetadata',
    'subscribeUserMetadata',
    'unsubscribeUserMetadata',
  ],
  lock: ['setLock', 'removeLock', 'acquireLock', 'releaseLock', 'revokeLock', 'getLock'],
  history: ['getMessages'],
} as const satisfies Record<string, readonly string[]>;

/** The `addEventListener` events of a 2.x client, forwarded as `event` frames (docs/reference/rtm2-web-sdk.md §2.17). */
export const RTM2_EVENTS = ['linkState', 'message', 'presence', 'storage', 'lock', 'token', 'tokenPrivilegeWillExpire', 'topic'] as const;

/** The error an RTM call failed with, as the app sees it. */
export interface WireError {
  name: string;
  code?: number | string;
  message: string;
  serverCode?: number;
  /**
   * 2.x only: the error's own properties in order (`originalError`, `code`, `serverCode`, `error`,
   * `reason`, `operation`, `errorCode`, `name`, `statusCode`…, docs/reference/rtm2-web-sdk.md §1.10), as wire values.
   */
  fields?: Array<[string, unknown]>;
}

export type ClientFrame =
  | { v: 1; t: 'hello'; n: number; ack: number; ns: Namespace; resume?: string }
  | { v: 1; t: 'new'; n: number; ack: number; id: number; handle: string; kind: ObjectKind; of?: string; args: unknown[] }
  | { v: 1; t: 'call'; n: number; ack: number; id: number; on: string; method: string; args: unknown[] }
  | { v: 1; t: 'set'; n: number; ack: number; on: string; prop: string; value: unknown }
  | { v: 1; t: 'ping'; n: number; ack: number; id: number }
  | { v: 1; t: 'control'; n: number; ack: number; id: number; name: string; body: Record<string, unknown> }
  | { v: 1; t: 'park'; n: number; ack: number }
  | { v: 1; t: 'ack'; n: number; ack: number };

/** A snapshot of an object's readable state, sent with its events and results. */
export type ObjectState = Record<string, string | number | boolean>;

export type ServerFrame =
  | { v: 1; t: 'welcome'; n: number; ack: number; session: string; resumed: boolean }
  | { v: 1; t: 'result'; n: number; ack: number; id: number; ok: true; value?: unknown; state?: ObjectState; touched?: Record<string, string> }
  | { v: 1; t: 'result'; n: number; ack: number; id: number; ok: false; error: WireError; state?: ObjectState; touched?: Record<string, string> }
  | { v: 1; t: 'event'; n: number; ack: number; on: string; event: string; args: unknown[]; state?: ObjectState }
  | { v: 1; t: 'pong'; n: number; ack: number; id: number; value?: unknown }
  | { v: 1; t: 'error'; n: number; ack: number; message: string; id?: number }
  | { v: 1; t: 'end'; n: number; ack: number; reason: 'shutdown' | 'unknown-session' | 'replaced' };

/** A remote invitation handed to the callee inside a `RemoteInvitationReceived` event. */
export interface WireRemoteInvitation {
  $invitation: string;
  state: ObjectState;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Bytes become `{ $bytes: base64 }` and `undefined` array items (arguments left out)
 * `{ $undefined: true }`; everything else must already be JSON (`undefined` object members are
 * dropped, as `JSON.stringify` does). An object key of the app's or a peer's that starts with `$`
 * (an attribute named `$bytes`, say) gets one more `$`, so no data can pass for a marker.
 */
export function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
  if (Array.isArray(value)) return Array.from(value, (item) => (item === undefined ? { $undefined: true } : encodeValue(item)));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key.startsWith('$') ? `$${key}` : key] = encodeValue(item);
    return out;
  }
  return value;
}

export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && typeof value.$bytes === 'string') return fromBase64(value.$bytes);
    if (keys.length === 1 && value.$undefined === true) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$') && !key.startsWith('$$')) throw new TypeError(`unknown wire marker ${key}`);
      out[key.startsWith('$') ? key.slice(1) : key] = decodeValue(item);
    }
    return out;
  }
  return value;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether a frame's UTF-8 text is over the size bound. */
export const exceedsFrameBound = (text: string): boolean =>
  // A UTF-16 unit is at most 3 UTF-8 bytes: short frames need no encoding to be measured.
  text.length * 3 > MAX_FRAME_BYTES && new TextEncoder().encode(text).length > MAX_FRAME_BYTES;

export type Parsed<F> = { ok: true; frame: F } | { ok: false; message: string; id?: number };

const HANDLE = /^[a-z][a-z0-9]{0,15}$/;
const isHandle = (value: unknown): value is string => typeof value === 'string' && HANDLE.test(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const METHOD = /^[A-Za-z]{1,40}$/;

/** Checks a client frame's envelope and field types; says what is wrong otherwise. */
export function parseClientFrame(text: string): Parsed<ClientFrame> {
  if (exceedsFrameBound(text)) return { ok: false, message: `frame exceeds ${MAX_FRAME_BYTES} bytes` };
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { ok: false, message: 'frame is not JSON' };
  }
  if (!isRecord(frame)) return { ok: false, message: 'frame is not a JSON object' };
  const id = isCount(frame.id) ? frame.id : undefined;
  if (frame.v !== WIRE_VERSION) return { ok: false, message: `unsupported wire version ${String(frame.v)}`, id };
  if (!isCount(frame.n) || !isCount(frame.ack)) return { ok: false, message: 'frame needs counters n and ack', id };
  const bad = (message: string): Parsed<ClientFrame> => ({ ok: false, message, id });
  switch (frame.t) {
    case 'hello':
      if (!NAMESPACES.includes(frame.ns)) return bad(`unknown namespace ${String(frame.ns)}`);
      if (frame.resume !== undefined && (typeof frame.resume !== 'string' || frame.resume.length > 64)) {
        return bad('hello.resume must be a session id');
      }
      break;
    case 'new':
      if (id === undefined) return bad('new.id must be a counter');
      if (!isHandle(frame.handle)) return bad('new.handle must be a handle');
      if (!OBJECT_KINDS.includes(frame.kind)) {
        return bad(`unknown object kind ${String(frame.kind)}`);
      }
      if (frame.kind !== 'client' && !isHandle(frame.of)) return bad('new.of must name the client');
      if (!Array.isArray(frame.args)) return bad('new.args must be an array');
      break;
    case 'call':
      if (id === undefined) return bad('call.id must be a counter');
      if (!isHandle(frame.on)) return bad('call.on must be a handle');
      if (typeof frame.method !== 'string' || !METHOD.test(frame.method)) return bad('call.method must be a method name');
      if (!Array.isArray(frame.args)) return bad('call.args must be an array');
      break;
    case 'set':
      if (!isHandle(frame.on)) return bad('set.on must be a handle');
      if (typeof frame.prop !== 'string' || !METHOD.test(frame.prop)) return bad('set.prop must be a property name');
      break;
    case 'ping':
      if (id === undefined) return bad('ping.id must be a counter');
      break;
    case 'control':
      if (id === undefined) return bad('control.id must be a counter');
      if (typeof frame.name !== 'string' || !METHOD.test(frame.name)) return bad('control.name must be a control name');
      if (!isRecord(frame.body)) return bad('control.body must be an object');
      break;
    case 'park':
    case 'ack':
      break;
    default:
      return bad(`unknown frame type ${String(frame.t)}`);
  }
  return { ok: true, frame: frame as ClientFrame };
}

/** Checks a server frame's envelope; the client trusts nothing else about it. */
export function parseServerFrame(text: string): Parsed<ServerFrame> {
  if (exceedsFrameBound(text)) return { ok: false, message: `frame exceeds ${MAX_FRAME_BYTES} bytes` };
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { ok: false, message: 'frame is not JSON' };
  }
  if (!isRecord(frame) || frame.v !== WIRE_VERSION || !isCount(frame.n) || !isCount(frame.ack)) {
    return { ok: false, message: 'not a wire frame of this version' };
  }
  const known = ['welcome', 'result', 'event', 'pong', 'error', 'end'];
  if (typeof frame.t !== 'string' || !known.includes(frame.t)) return { ok: false, message: `unknown frame type ${String(frame.t)}` };
  if (frame.t === 'event' && (!isHandle(frame.on) || typeof frame.event !== 'string' || !Array.isArray(frame.args))) {
    return { ok: false, message: 'malformed event frame' };
  }
  if ((frame.t === 'result' || frame.t === 'pong') && !isCount(frame.id)) return { ok: false, message: 'frame needs an id' };
  return { ok: true, frame: frame as ServerFrame };
}
