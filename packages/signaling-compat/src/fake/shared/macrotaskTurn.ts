/**
 * Resolves after one macrotask turn of the host, so every pending microtask and promise chain has
 * run. `setImmediate` where the host has it (Node), else a 0 ms host timeout (browsers). The host
 * function is looked up on each call, never cached.
 */
export function macrotaskTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof globalThis.setImmediate === 'function') globalThis.setImmediate(resolve);
    else globalThis.setTimeout(resolve, 0);
  });
}
