import { isLegacyNoToken } from './tokens';

/**
 * The tokens one login handled, and the one place they are blanked out. Backends may echo a token in
 * any error (login, renewal, a join, a send), so redaction happens at the seam — every error the RTM
 * client throws or rejects with passes through `redactingClient` — and again in the login's log, so
 * no error path can carry a token to an app callback or a log line.
 */
export class Secrets {
  #tokens = new Set<string>();

  remember(token: unknown): void {
    // Short strings are not blanked: they would mangle every message and are no credential anyway.
    if (typeof token === 'string' && token.length >= 8 && !isLegacyNoToken(token)) this.#tokens.add(token);
  }

  redact(text: string): string {
    for (const token of this.#tokens) if (text.includes(token)) text = text.split(token).join('<token>');
    return text;
  }

  /** The error itself when it mentions no token; otherwise an Error with the same name and code. */
  redactError(error: unknown): unknown {
    if (this.#tokens.size === 0 || typeof error !== 'object' || error === null) {
      return typeof error === 'string' ? this.redact(error) : error;
    }
    const e = error as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown };
    const message = typeof e.message === 'string' ? e.message : '';
    const stack = typeof e.stack === 'string' ? e.stack : '';
    if (this.redact(message) === message && this.redact(stack) === stack) return error;
    const copy = new Error(this.redact(message)) as Error & { code?: unknown };
    if (typeof e.name === 'string') copy.name = e.name;
    if (e.code !== undefined) copy.code = e.code;
    copy.stack = this.redact(stack);
    return copy;
  }
}

/** Methods whose result is itself an RTM object with methods that can fail. */
const FACTORIES = new Set<PropertyKey>(['createChannel', 'createLocalInvitation']);

/**
 * `target` with every method's thrown or rejected error redacted. Properties are read and written on
 * the target itself (RTM objects keep state in private fields and accessors).
 */
export function redactingClient<T extends object>(target: T, secrets: Secrets): T {
  const wrapped = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop);
      if (typeof value !== 'function') return value;
      let wrapper = wrapped.get(prop);
      if (wrapper === undefined || (wrapper as { original?: unknown }).original !== value) {
        const method = value as (...args: unknown[]) => unknown;
        const fn = (...args: unknown[]): unknown => {
          let result: unknown;
          try {
            result = method.apply(obj, args);
          } catch (error) {
            throw secrets.redactError(error);
          }
          if (FACTORIES.has(prop) && typeof result === 'object' && result !== null) return redactingClient(result, secrets);
          if (result instanceof Promise) {
            return result.then(undefined, (error: unknown) => {
              throw secrets.redactError(error);
            });
          }
          // `on`/`off` return the target for chaining; keep the chain on the redacting view.
          return result === obj ? proxy : result;
        };
        wrapper = Object.assign(fn, { original: value });
        wrapped.set(prop, wrapper);
      }
      return wrapper;
    },
    set(obj, prop, value) {
      return Reflect.set(obj, prop, value);
    },
  });
  return proxy;
}
