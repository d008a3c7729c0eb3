/** The listener signature of each event, as in `{ joined: () => void; … }`. */
type EventMap<Events> = { [K in keyof Events]: (...args: never[]) => void };

type Listener = (...args: unknown[]) => void;

/**
 * The core's event emitter (Engine, ChannelHandle, CoreCall → dialect facades): the part of
 * eventemitter3's API the core uses, with its listener semantics, which callback transcripts
 * depend on. Listeners run in the order they were added, with `this` = the emitter; `emit` runs the
 * listeners registered when it started (one added meanwhile waits for the next event, one removed
 * meanwhile still runs); a `once` listener is removed before it runs; a throwing listener is not
 * contained here — it ends `emit` and the caller sees the exception, so the dispatch helper (which
 * contains app callbacks' exceptions) stays the one place that decides.
 */
export class Emitter<Events extends EventMap<Events>> {
  #listeners = new Map<keyof Events, readonly Listener[]>();

  on<K extends keyof Events>(event: K, listener: Events[K]): this {
    // Copy on write: an `emit` under way keeps iterating the list it started with. `concat` and a
    // literal make lists of their exact length; a spread leaves room for 17 (184 B for one listener,
    // and an engine has five lists; BENCHMARKS.md, heap per session).
    const current = this.#listeners.get(event);
    this.#listeners.set(event, current ? current.concat(listener as unknown as Listener) : [listener as unknown as Listener]);
    return this;
  }

  once<K extends keyof Events>(event: K, listener: Events[K]): this {
    const once: Listener = (...args) => {
      this.#remove(event, once);
      (listener as unknown as Listener).apply(this, args);
    };
    return this.on(event, once as unknown as Events[K]);
  }

  emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): boolean {
    const listeners = this.#listeners.get(event);
    if (!listeners) return false;
    for (const listener of listeners) listener.apply(this, args);
    return true;
  }

  /** Drops every listener (of `event`, or of all events). */
  removeAllListeners(event?: keyof Events): this {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
    return this;
  }

  #remove(event: keyof Events, listener: Listener): void {
    const rest = (this.#listeners.get(event) ?? []).filter((candidate) => candidate !== listener);
    if (rest.length > 0) this.#listeners.set(event, rest);
    else this.#listeners.delete(event);
  }
}
