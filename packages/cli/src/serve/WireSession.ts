import { type FakeClient, type FakeRtm, fakeRtmWire } from 'signaling-compat/fake';
import { type HostedKind, type HostedObject, KINDS, MESSAGE_ARGUMENT } from './hostedObjects';
import { attempt, type ClientFrame, type ControlRunner, WireSessionBase } from './WireSessionBase';

/**
 * One client page or process of the `rtm1` namespace: the FakeRtm objects it declared, on the
 * frame bookkeeping of `WireSessionBase`. Runs every call on the hosted FakeRtm and forwards what
 * the objects emit; it decides nothing about RTM itself.
 */
export class WireSession extends WireSessionBase<HostedKind, HostedObject> {
  readonly #rtm: FakeRtm;
  /** The uid each logged-in client handle logged in as (for the network controls). */
  readonly #uids = new Map<string, string>();
  /** Events emitted synchronously inside a synchronous call the client already applied. */
  #quiet: string | undefined;
  #nextRemote = 1;

  constructor(rtm: FakeRtm, control: ControlRunner, onEnd: (session: { readonly id: string }) => void) {
    super(rtm, control, onEnd);
    this.#rtm = rtm;
  }

  /** The uids logged in through this session. */
  get uids(): string[] {
    return [...this.#uids.values()];
  }

  /** The clients still connected or reconnecting: a dropped socket is an RTM connection loss for them. */
  protected linkedUids(): string[] {
    const linked: string[] = [];
    for (const [handle, uid] of this.#uids) {
      const client = this.objects.get(handle)?.object as FakeClient | undefined;
      if (client && client.connectionState !== 'DISCONNECTED' && client.connectionState !== 'ABORTED') linked.push(uid);
    }
    return linked;
  }

  protected forgetUsers(): void {
    this.#uids.clear();
  }

  protected create(frame: Extract<ClientFrame, { t: 'new' }>): void {
    if (this.objects.has(frame.handle)) return this.error(`handle ${frame.handle} is taken`, frame.id);
    const kind = frame.kind;
    if (kind !== 'client' && kind !== 'channel' && kind !== 'invitation') {
      return this.error(`unknown object kind ${kind} of the rtm1 namespace`, frame.id);
    }
    const parent = frame.of === undefined ? undefined : this.objects.get(frame.of);
    if (kind !== 'client' && parent?.kind !== 'client') return this.error(`no client ${String(frame.of)}`, frame.id);
    const args = this.decode(frame.args, frame.id);
    if (!args) return;
    try {
      const client = parent?.object as FakeClient | undefined;
      const create = {
        client: () => this.#rtm.createInstance(...(args as Parameters<FakeRtm['createInstance']>)),
        channel: () => client!.createChannel(args[0] as string),
        invitation: () => client!.createLocalInvitation(args[0] as string),
      }[kind];
      this.#host(frame.handle, kind, create());
      this.send({ t: 'result', id: frame.id, ok: true });
    } catch (error) {
      this.send({ t: 'result', id: frame.id, ok: false, error: wireError(error) });
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
    this.objects.set(handle, {
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
    this.send({ t: 'event', on: handle, event, args: wireArgs, state: KINDS[kind].snapshot(object) });
  }

  protected call(frame: Extract<ClientFrame, { t: 'call' }>): void {
    const hosted = this.objects.get(frame.on);
    if (!hosted) return this.error(`no object ${frame.on}`, frame.id);
    const spec = KINDS[hosted.kind];
    const isSync = spec.sync.includes(frame.method);
    if (!isSync && !spec.async.includes(frame.method)) {
      return this.error(`unknown method ${frame.method} of a ${hosted.kind}`, frame.id);
    }
    const args = this.decode(frame.args, frame.id);
    if (!args) return;
    const method = (hosted.object as unknown as Record<string, (...a: unknown[]) => unknown>)[frame.method];
    const state = () => spec.snapshot(hosted.object);
    if (isSync) {
      this.#quiet = frame.on;
      try {
        method.apply(hosted.object, args);
        this.send({ t: 'result', id: frame.id, ok: true, state: state() });
      } catch (error) {
        this.send({ t: 'result', id: frame.id, ok: false, error: wireError(error), state: state() });
      } finally {
        this.#quiet = undefined;
      }
      return;
    }
    const messageIndex = MESSAGE_ARGUMENT[frame.method];
    const message = messageIndex === undefined ? undefined : args[messageIndex];
    const touched = () => touchedKeys(message);
    if (frame.method === 'login') this.#noteLogin(frame.on, args[0]);
    attempt(() => method.apply(hosted.object, args)).then(
      (value) => this.send({ t: 'result', id: frame.id, ok: true, value: fakeRtmWire.encodeValue(value), state: state(), touched: touched() }),
      (error: unknown) => this.send({ t: 'result', id: frame.id, ok: false, error: wireError(error), state: state(), touched: touched() }),
    );
  }

  #noteLogin(handle: string, options: unknown): void {
    const uid = (options as { uid?: unknown } | null)?.uid;
    if (typeof uid === 'string') this.#uids.set(handle, uid);
  }

  protected set(frame: Extract<ClientFrame, { t: 'set' }>): void {
    const hosted = this.objects.get(frame.on);
    if (!hosted) return this.error(`no object ${frame.on}`);
    if (!KINDS[hosted.kind].writable.includes(frame.prop)) return this.error(`${frame.prop} of a ${hosted.kind} is not writable`);
    try {
      (hosted.object as unknown as Record<string, unknown>)[frame.prop] = frame.value;
    } catch (error) {
      this.error(`setting ${frame.prop} failed: ${wireError(error).message}`);
    }
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
