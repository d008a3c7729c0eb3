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

/** What a redacting view answers for these keys, for the send hot path (see `unredacted`). */
const TARGET = Symbol('target');
const SECRETS = Symbol('secrets');

/**
 * `target` with every method's thrown or rejected error redacted. Properties are read and written on
 * the target itself (RTM objects keep state in private fields and accessors). Each method is
 * wrapped once (again only if the target's method changes), and the rejection handler is made once
 * per view.
 */
export function redactingClient<T extends object>(target: T, secrets: Secrets): T {
  const wrapped = new Map<PropertyKey, { original: unknown; fn: unknown }>();
  const rethrowRedacted = (error: unknown): never => {
    throw secrets.redactError(error);
  };
  const proxy: T = new Proxy(target, {
    get(obj, prop) {
      if (prop === TARGET) return obj;
      if (prop === SECRETS) return secrets;
      const value: unknown = Reflect.get(obj, prop);
      if (typeof value !== 'function') return value;
      const known = wrapped.get(prop);
      if (known !== undefined && known.original === value) return known.fn;
      const method = value as (...args: unknown[]) => unknown;
      const factory = FACTORIES.has(prop);
      const fn = (...args: unknown[]): unknown => {
        let result: unknown;
        try {
          result = method.apply(obj, args);
        } catch (error) {
          throw secrets.redactError(error);
        }
        if (factory && typeof result === 'object' && result !== null) return redactingClient(result, secrets);
        if (result instanceof Promise) return result.then(undefined, rethrowRedacted);
        // `on`/`off` return the target for chaining; keep the chain on the redacting view.
        return result === obj ? proxy : result;
      };
      wrapped.set(prop, { original: value, fn });
      return fn;
    },
    set(obj, prop, value) {
      return Reflect.set(obj, prop, value);
    },
  });
  return proxy;
}

/**
 * The object behind a redacting view, and how to redact its errors: for the message sends, whose
 * only reader of an error is the send's own result handler, which redacts it before anything else
 * sees it. That saves the view's call wrapper and one promise per message. An object that is no
 * view is its own target, with nothing to redact.
 */
export function unredacted<T extends object>(view: T): { target: T; redact: (error: unknown) => unknown } {
  const keyed = view as { [TARGET]?: T; [SECRETS]?: Secrets };
  const target = keyed[TARGET];
  const secrets = keyed[SECRETS];
  if (target === undefined || secrets === undefined) return { target: view, redact: (error) => error };
  return { target, redact: (error) => secrets.redactError(error) };
}
