/**
 * The event emitter behind `addEventListener`/`removeEventListener` of a 2.3.0 client
 * (docs/reference/rtm2-web-sdk.md §2.17): the same function added twice is called twice,
 * `removeEventListener` removes one registration, and listeners run synchronously in registration
 * order. A listener that throws is caught (and logged) and the remaining listeners of that
 * emission are skipped, as in 2.3.0.
 */
export class Listeners {
  readonly #byEvent = new Map<string, Array<(payload: unknown) => void>>();
  readonly #log: (message: string, error: unknown) => void;

  constructor(log: (message: string, error: unknown) => void) {
    this.#log = log;
  }

  add(event: string, listener: (payload: unknown) => void): void {
    const list = this.#byEvent.get(event) ?? [];
    list.push(listener);
    this.#byEvent.set(event, list);
  }

  remove(event: string, listener: (payload: unknown) => void): void {
    const list = this.#byEvent.get(event);
    if (!list) return;
    const index = list.indexOf(listener);
    if (index >= 0) list.splice(index, 1);
  }

  emit(event: string, payload: unknown): void {
    const list = this.#byEvent.get(event);
    if (!list) return;
    for (const listener of [...list]) {
      try {
        listener(payload);
      } catch (error) {
        this.#log(`Caught in the callback function of the event ${event}`, error);
        return;
      }
    }
  }
}
