import type { CompatOptions } from './options';

/**
 * `Signal.configure()`'s process-wide defaults. They live on `globalThis` under a registered symbol,
 * not in a module variable, so every copy of the package loaded in one process shares them: the ESM
 * and the CommonJS build side by side (an app that `import`s the package while one of its
 * dependencies `require`s it), or a script-tag bundle next to a bundled copy. The legacy SDK had one
 * global `Signal`, so configuring it once configured it for the whole app.
 */
const DEFAULTS = Symbol.for('signaling-compat.defaults');

type Holder = { [DEFAULTS]?: CompatOptions };

/** A copy of the defaults now in force. */
export function readProcessDefaults(): CompatOptions {
  return { ...(globalThis as Holder)[DEFAULTS] };
}

/** Merges `options` over the defaults now in force. */
export function mergeProcessDefaults(options: CompatOptions): void {
  (globalThis as Holder)[DEFAULTS] = { ...(globalThis as Holder)[DEFAULTS], ...options };
}

/** `Signal.configure(options?)`: merges `options` (if any) and returns the defaults now in force. */
export function configureProcessDefaults(options?: CompatOptions): CompatOptions {
  if (options) mergeProcessDefaults(options);
  return readProcessDefaults();
}
