import type { FakeRtm } from '../FakeRtm';
import { rebuildError } from './remoteErrors';
import type { RemoteTarget, ResultFrame } from './RemoteTarget';
import { decodeValue, encodeValue, type ObjectKind, type ObjectState } from './wire';
import type { OutgoingFrame, WireLink } from './WireLink';

/** What every remote object shares: the link, the handle table, and an in-page fake for argument checks. */
export class RemoteContext {
  readonly link: WireLink;
  /**
   * A local, never-connected FakeRtm: the creators' synchronous argument checks (createInstance,
   * createChannel, createLocalInvitation) run on it, so they throw exactly what the server's fake
   * would, before the server is asked.
   */
  readonly probe: FakeRtm;
  readonly #targets = new Map<string, RemoteTarget>();
  readonly #declarations: OutgoingFrame[] = [];
  #nextHandle = 1;

  constructor(link: WireLink, probe: FakeRtm) {
    this.link = link;
    this.probe = probe;
  }

  handle(prefix: string): string {
    return `${prefix}${(this.#nextHandle++).toString(36)}`;
  }

  register(target: RemoteTarget): void {
    this.#targets.set(target.handle, target);
  }

  target(handle: string): RemoteTarget | undefined {
    return this.#targets.get(handle);
  }

  get targets(): Iterable<RemoteTarget> {
    return this.#targets.values();
  }

  /**
   * Declares a new server-side object. `expectOk` is what the local check decided: a server
   * answer that disagrees is reported, since the app has already been told.
   */
  declare(kind: ObjectKind, handle: string, of: string | undefined, args: unknown[], expectOk: boolean): void {
    const encoded = encodeValue(args) as unknown[];
    this.link.request(
      (id) => {
        const frame: OutgoingFrame = { t: 'new', id, handle, kind, ...(of ? { of } : {}), args: encoded };
        if (expectOk) this.#declarations.push(frame);
        return frame;
      },
      (answer) => {
        if (answer.t === 'result' && answer.ok !== expectOk) {
          console.error(`signaling-compat/fake: the fake RTM server disagreed with a local ${kind} check`);
        }
      },
    );
  }

  /** The `new` frames of every object declared so far, for a fresh session after a lost one. */
  declarations(): OutgoingFrame[] {
    return this.#declarations.map((frame) => ({ ...frame }));
  }

  /** An RTM call on the server-side object; the state it reports is applied before settling. */
  call<T>(
    target: { handle: string; applyState(state: ObjectState): void },
    method: string,
    args: unknown[],
    touch?: object,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.link.request(
        (id) => ({ t: 'call', id, on: target.handle, method, args: encodeValue(args) as unknown[] }),
        (frame) => {
          const result = frame as ResultFrame;
          if (result.state) target.applyState(result.state);
          // The SDK normalises the message object the app passed (adds messageType, description).
          if (result.touched && typeof touch === 'object' && touch !== null) Object.assign(touch, result.touched);
          if (result.ok) resolve(decodeValue(result.value) as T);
          else reject(rebuildError(result.error));
        },
      );
    });
  }

  /** A synchronous method already applied locally: the server repeats it; a refusal is reported. */
  mirror(target: { handle: string; applyState(state: ObjectState): void; readonly ended: boolean }, method: string): void {
    this.link.request(
      (id) => ({ t: 'call', id, on: target.handle, method, args: [] }),
      (frame) => {
        const result = frame as ResultFrame;
        if (result.ok || target.ended) return;
        console.error(`signaling-compat/fake: the fake RTM server refused ${method}(): ${result.error.message}`);
      },
    );
  }
}
