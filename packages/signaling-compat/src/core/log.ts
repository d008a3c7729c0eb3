import type { Logger } from './options';

const PREFIX = 'signaling-compat:';

/**
 * The shim's log channel. Debug output follows the legacy `setDoLog(true, 'DEBUG')` switch;
 * warnings and errors always go out. Each warning about an RTM limitation is said once per log.
 */
export class Log {
  #sink: Logger;
  #debug: () => boolean;
  #warned: Set<string>;
  #redact: (text: string) => string;

  constructor(sink: Logger | undefined, debugEnabled: () => boolean) {
    this.#sink = sink ?? console;
    this.#debug = debugEnabled;
    this.#warned = new Set();
    this.#redact = (text) => text;
  }

  /**
   * The same log (sink, debug switch, said-once warnings) with every line passed through `redact`:
   * a login's view, which blanks that login's tokens out of whatever any error path writes.
   */
  redacting(redact: (text: string) => string): Log {
    const view = new Log(this.#sink, this.#debug);
    view.#warned = this.#warned;
    view.#redact = redact;
    return view;
  }

  debug(message: string): void {
    if (this.#debug()) this.#sink.debug?.(this.#redact(`${PREFIX} ${message}`));
  }

  warn(message: string): void {
    this.#sink.warn?.(this.#redact(`${PREFIX} ${message}`));
  }

  /** Warn once per `key` (e.g. one warning per unsupported feature). */
  warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.warn(message);
  }

  error(message: string, cause?: unknown): void {
    this.#sink.error?.(this.#redact(cause === undefined ? `${PREFIX} ${message}` : `${PREFIX} ${message}: ${describe(cause)}`));
  }
}

function describe(cause: unknown): string {
  try {
    if (cause instanceof Error) return cause.stack ?? `${cause.name}: ${cause.message}`;
    return String(cause);
  } catch {
    // An app's exception object whose toString or stack getter throws.
    return 'an exception that cannot be described';
  }
}
