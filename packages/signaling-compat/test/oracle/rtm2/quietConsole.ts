import { vi } from 'vitest';

/**
 * The real bundle logs to the console on its own (every setParameter call, instance warnings,
 * the wasm banner) whatever `logLevel` says; the oracle files silence it so test output stays
 * readable. Call once at the top of an oracle file, before loading the bundle.
 */
export function quietConsole(): void {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation(() => undefined);
}
