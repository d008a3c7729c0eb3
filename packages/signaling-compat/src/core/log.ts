import type { Logger } from './options';

const PREFIX = 'signaling-compat:';

/**
 * The shim's log channel. Debug output follows the legacy `setDoLog(true, 'DEBUG')` switch;
 * warnings and errors always go out. Each warning about an RTM limitation is said once per log.
 */
export class Log {
  #sink: Logger;
  #debug: () => boolean;
  #warned = new Set<string>();

  constructor(sink: Logger | undefined, debugEnabled: () => boolean) {
    this.#sink = sink ?? console;
    this.#debug = debugEnabled;
  }

  debug(message: string): void {
    if (this.#debug()) this.#sink.debug?.(`${PREFIX} ${message}`);
  }

  warn(message: string): void {
    this.#sink.warn?.(`${PREFIX} ${message}`);
  }

  /** Warn once per `key` (e.g. one warning per unsupported feature). */
  warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.warn(message);
  }

  error(message: string, cause?: unknown): void {
    this.#sink.error?.(cause === undefined ? `${PREFIX} ${message}` : `${PREFIX} ${message}: ${describe(cause)}`);
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.stack ?? `${cause.name}: ${cause.message}`;
  return String(cause);
}
