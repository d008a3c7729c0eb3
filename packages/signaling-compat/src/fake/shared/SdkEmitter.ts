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

/**
 * An event's registrations: the listener itself while there is one (as Node stores it), else the
 * list. A list is never changed, only replaced: Node copies it on every emit, but listeners change
 * rarely and a channel message is emitted once per receiver, so the list an emit started with is
 * its snapshot. One listener per event is the common case (the shim's, once per login).
 */
type Registrations = AnyListener | readonly AnyListener[];

const asList = (entry: Registrations | undefined): readonly AnyListener[] =>
  entry === undefined ? [] : typeof entry === 'function' ? [entry] : entry;

export class SdkEmitter<Events extends EventMap<Events>> {
  readonly #events = new Map<keyof Events, Registrations>();
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
    const list = asList(this.#events.get(event));
    for (let i = list.length - 1; i >= 0; i -= 1) {
      const entry = list[i] as AnyListener & Partial<OnceWrapper>;
      if (entry === listener || entry.listener === listener) {
        if (list.length === 1) this.#events.delete(event);
        else if (list.length === 2) this.#events.set(event, list[1 - i]!);
        else this.#events.set(event, list.slice(0, i).concat(list.slice(i + 1)));
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
    const entry = this.#events.get(event);
    try {
      if (entry === undefined) {
        if (event === 'error') throw args[0] instanceof Error ? args[0] : new Error('Unhandled error.');
        return;
      }
      if (typeof entry === 'function') (entry as (...a: unknown[]) => unknown).apply(this, args);
      else for (const listener of entry) (listener as (...a: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      console.error('RTM:ERROR Caught in the callback function of the event %s', String(event), error);
    }
  }

  listeners<E extends keyof Events>(event: E): Array<Events[E]> {
    return asList(this.#events.get(event)).map((entry) => ((entry as Partial<OnceWrapper>).listener ?? entry) as Events[E]);
  }

  rawListeners<E extends keyof Events>(event: E): Array<Events[E]> {
    return [...asList(this.#events.get(event))] as Array<Events[E]>;
  }

  listenerCount(event: keyof Events): number {
    return asList(this.#events.get(event)).length;
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
    const entry = this.#events.get(event);
    if (entry === undefined) {
      this.#events.set(event, listener);
      return this;
    }
    // `concat` allocates the exact length (a spread or a push leaves room for 16 more).
    const one = [listener];
    this.#events.set(event, prepend ? one.concat(entry) : asList(entry).concat(one));
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
