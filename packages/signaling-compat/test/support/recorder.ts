/**
 * The one callback recorder of the tests: legacy handlers that append `[label.name, ...args]` to a
 * transcript, so whole transcripts (names, arguments, order) can be compared.
 */

/** Recorded callbacks in order: `[label.name, ...args]` each. */
export type Transcript = unknown[][];

/** A handler per name that records its calls into `transcript` as `[label.name, ...show(args)]`. */
export function recorder<T extends object = Record<string, (...args: unknown[]) => unknown>>(
  transcript: Transcript,
  label: string,
  names: readonly string[],
  show: (args: unknown[]) => unknown[] = (args) => args,
): T {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of names) handlers[name] = (...args: unknown[]) => transcript.push([`${label}.${name}`, ...show(args)]);
  return handlers as T;
}

/**
 * Assigns recording handlers to the callback properties of a Web dialect object (Session, Channel,
 * Call), the way a legacy app assigns `session.onLoginSuccess = …`.
 */
export function watch(target: object, names: readonly string[], transcript: Transcript, label: string): void {
  Object.assign(target, recorder(transcript, label, names));
}
