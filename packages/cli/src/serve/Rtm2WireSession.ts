import { type FakeRtm2, fakeRtmWire, type RTMClient } from 'signaling-compat/fake';
import { RTM2_KINDS, type Rtm2Kind } from './hostedObjects';
import { attempt, type ClientFrame, type ControlRunner, WireSessionBase } from './WireSessionBase';

type Listener = (payload: unknown) => void;

/** Link states in which the user holds a session the service knows of (docs/reference/rtm2-web-sdk.md §2.2). */
const LIVE_STATES: ReadonlySet<unknown> = new Set(['CONNECTING', 'CONNECTED', 'DISCONNECTED', 'SUSPENDED']);

/**
 * One client page or process of the `rtm2` namespace: the FakeRtm2 `RTMClient`s (and their
 * `presence`, `storage`, `lock`, `history`) it declared, on the frame bookkeeping of
 * `WireSessionBase`. Runs every call on the hosted FakeRtm2 and forwards every
 * `addEventListener` event; it decides nothing about RTM itself.
 */
export class Rtm2WireSession extends WireSessionBase<Rtm2Kind, object> {
  readonly #rtm: FakeRtm2;
  /** The user ID of each client handle whose link is live (for the network controls). */
  readonly #live = new Map<string, string>();
  readonly #userIds = new Map<string, string>();

  constructor(rtm: FakeRtm2, control: ControlRunner, onEnd: (session: { readonly id: string }) => void) {
    super(rtm, control, onEnd);
    this.#rtm = rtm;
  }

  /** The user IDs logged in (or logging in) through this session. */
  get uids(): string[] {
    return [...this.#live.values()];
  }

  /** A dropped socket cuts the link of every user whose link is live. */
  protected linkedUids(): Iterable<string> {
    return this.#live.values();
  }

  protected forgetUsers(): void {
    this.#live.clear();
  }

  protected set(): void {
    this.error('the rtm2 namespace has no writable properties');
  }

  protected create(frame: Extract<ClientFrame, { t: 'new' }>): void {
    if (this.objects.has(frame.handle)) return this.error(`handle ${frame.handle} is taken`, frame.id);
    const kind = frame.kind;
    if (!Object.hasOwn(RTM2_KINDS, kind)) return this.error(`unknown object kind ${kind} of the rtm2 namespace`, frame.id);
    const rtm2Kind = kind as Rtm2Kind;
    const parent = frame.of === undefined ? undefined : this.objects.get(frame.of);
    if (rtm2Kind !== 'client' && parent?.kind !== 'client') return this.error(`no client ${String(frame.of)}`, frame.id);
    const args = this.decode(frame.args, frame.id);
    if (!args) return;
    try {
      if (rtm2Kind === 'client') {
        const [appId, userId, config] = args as ConstructorParameters<FakeRtm2['RTM']>;
        this.#hostClient(frame.handle, new this.#rtm.RTM(appId, userId, config), userId);
      } else {
        const part = (parent!.object as RTMClient)[rtm2Kind];
        this.objects.set(frame.handle, { kind: rtm2Kind, object: part, detach: () => undefined });
      }
      this.send({ t: 'result', id: frame.id, ok: true });
    } catch (error) {
      this.send({ t: 'result', id: frame.id, ok: false, error: wireError2(error) });
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
    this.objects.set(handle, {
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
    this.send({ t: 'event', on: handle, event, args: [fakeRtmWire.encodeValue(payload)] });
  }

  protected call(frame: Extract<ClientFrame, { t: 'call' }>): void {
    const hosted = this.objects.get(frame.on);
    if (!hosted) return this.error(`no object ${frame.on}`, frame.id);
    if (!RTM2_KINDS[hosted.kind].methods.includes(frame.method)) {
      return this.error(`unknown method ${frame.method} of a ${hosted.kind}`, frame.id);
    }
    const args = this.decode(frame.args, frame.id);
    if (!args) return;
    const method = (hosted.object as Record<string, (...a: unknown[]) => unknown>)[frame.method];
    attempt(() => method.apply(hosted.object, args)).then(
      (value) => this.send({ t: 'result', id: frame.id, ok: true, value: fakeRtmWire.encodeValue(value) }),
      (error: unknown) => this.send({ t: 'result', id: frame.id, ok: false, error: wireError2(error) }),
    );
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
