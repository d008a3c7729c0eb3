/**
 * The event emitter of every agora-rtm-sdk 1.6.0 object (client, channel, both invitations):
 * Node's `events` API as the bundle ships it (a browserified copy of Node's EventEmitter), inside
 * the SDK's own wrapper (docs/reference/rtm1-web-sdk.md §1.2):
 * - `emit` returns `undefined`, never throws, and catches an exception thrown by a listener: it is
 *   logged ("Caught in the callback function of the event …") and the remaining listeners of that
 *   emit are skipped, because Node's emit stops at the throw;
 * - `off(event)` without a listener is Node's TypeError; `off(event, fn)` removes the most recent
 *   registration of `fn` only;
 * - `listeners` unwraps `once` listeners, `rawListeners` does not; `prependListener`,
 *   `prependOnceListener`, `eventNames`, `setMaxListeners`, `getMaxListeners` (10 by default,
 *   512 on a client) are all there.
 */

type AnyListener = (...args: never[]) => unknown;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listener parameters are per event
type EventMap<Events> = { [E in keyof Events]: (...args: any[]) => void };

/** A `once` registration: the wrapper Node stores, with the app's listener on `listener`. */
interface OnceWrapper {
  (...args: unknown[]): void;
  listener: AnyListener;
}

function checkListener(listener: unknown): asserts listener is AnyListener {
  if (typeof listener !== 'function') {
    throw new TypeError(`The "listener" argument must be of type Function. Received type ${typeof listener}`);
  }
}

const DEFAULT_MAX_LISTENERS = 10;

export class SdkEmitter<Events extends EventMap<Events>> {
  readonly #events = new Map<keyof Events, AnyListener[]>();
  #maxListeners = DEFAULT_MAX_LISTENERS;

  on<E extends keyof Events>(event: E, listener: Events[E]): this {
    return this.#add(event, listener, false);
  }

  addListener<E extends keyof Events>(event: E, listener: Events[E]): this {
    return this.#add(event, listener, false);
  }

  prependListener<E extends keyof Events>(event: E, listener: Events[E]): this {
    return this.#add(event, listener, true);
  }

  once<E extends keyof Events>(event: E, listener: Events[E]): this {
    checkListener(listener);
    return this.#add(event, this.#onceWrapper(event, listener), false);
  }

  prependOnceListener<E extends keyof Events>(event: E, listener: Events[E]): this {
    checkListener(listener);
    return this.#add(event, this.#onceWrapper(event, listener), true);
  }

  off<E extends keyof Events>(event: E, listener: Events[E]): this {
    return this.removeListener(event, listener);
  }

  /** Node: removes the most recently added registration of `listener` (or its `once` wrapper). */
  removeListener<E extends keyof Events>(event: E, listener: Events[E]): this {
    checkListener(listener);
    const list = this.#events.get(event);
    if (!list) return this;
    for (let i = list.length - 1; i >= 0; i -= 1) {
      const entry = list[i] as AnyListener & Partial<OnceWrapper>;
      if (entry === listener || entry.listener === listener) {
        list.splice(i, 1);
        if (list.length === 0) this.#events.delete(event);
        break;
      }
    }
    return this;
  }

  removeAllListeners(event?: keyof Events): this {
    if (event === undefined) this.#events.clear();
    else this.#events.delete(event);
    return this;
  }

  /**
   * The SDK's wrapped emit: listeners run in order on a snapshot; one that throws is logged and
   * ends this emit. Node's "error" event without a listener throws inside, which the wrapper
   * catches the same way.
   */
  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    const list = this.#events.get(event);
    try {
      if (!list) {
        if (event === 'error') throw args[0] instanceof Error ? args[0] : new Error('Unhandled error.');
        return;
      }
      for (const listener of [...list]) (listener as (...a: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      console.error('RTM:ERROR Caught in the callback function of the event %s', String(event), error);
    }
  }

  listeners<E extends keyof Events>(event: E): Array<Events[E]> {
    return (this.#events.get(event) ?? []).map(
      (entry) => ((entry as Partial<OnceWrapper>).listener ?? entry) as Events[E],
    );
  }

  rawListeners<E extends keyof Events>(event: E): Array<Events[E]> {
    return [...(this.#events.get(event) ?? [])] as Array<Events[E]>;
  }

  listenerCount(event: keyof Events): number {
    return this.#events.get(event)?.length ?? 0;
  }

  eventNames(): Array<keyof Events> {
    return [...this.#events.keys()];
  }

  setMaxListeners(n: number): this {
    if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
      throw new RangeError(`The value of "n" is out of range. It must be a non-negative number. Received ${String(n)}`);
    }
    this.#maxListeners = n;
    return this;
  }

  getMaxListeners(): number {
    return this.#maxListeners;
  }

  #add(event: keyof Events, listener: unknown, prepend: boolean): this {
    checkListener(listener);
    const list = this.#events.get(event);
    if (!list) this.#events.set(event, [listener]);
    else if (prepend) list.unshift(listener);
    else list.push(listener);
    return this;
  }

  #onceWrapper(event: keyof Events, listener: AnyListener): OnceWrapper {
    const wrapper = ((...args: unknown[]) => {
      this.removeListener(event, wrapper as unknown as Events[keyof Events]);
      (listener as (...a: unknown[]) => unknown).apply(this, args);
    }) as OnceWrapper;
    wrapper.listener = listener;
    return wrapper;
  }
}
