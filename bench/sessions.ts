/**
 * Memory of many concurrent logins in one Node process: heap growth for N logged-in Web sessions
 * minus the growth for N logged-in bare fake clients, i.e. what the shim adds per session on top
 * of the RTM client it owns.
 */
import { directLogin, inBatches, shimLogin, world } from './world';

const SESSIONS = 10_000;
const LOGIN_BATCH = 500;

export interface SessionMemory {
  count: number;
  heapBytesPerSession: number;
  /** Heap growth per login, shim session and bare client, for the record. */
  shimBytesPerLogin: number;
  bareBytesPerLogin: number;
}

export async function sessionMemory(): Promise<SessionMemory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the session benchmark needs node --expose-gc (npm run bench passes it)');
  const settledHeap = async (): Promise<number> => {
    // Two full collections with a macrotask between, so whatever the first one freed is gone.
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    return process.memoryUsage().heapUsed;
  };
  /** Heap growth while `create`'s result is alive; it is released before returning. */
  const growth = async (create: (ids: string[]) => Promise<unknown>): Promise<number> => {
    const ids = Array.from({ length: SESSIONS }, (_, i) => `session-${i}`);
    const before = await settledHeap();
    let alive: unknown = await create(ids);
    const after = await settledHeap();
    if (alive === undefined) throw new Error('nothing was kept alive');
    alive = undefined;
    return after - before;
  };
  const bare = (ids: string[]) => {
    const { rtm } = world();
    return inBatches(ids, LOGIN_BATCH, (id) => directLogin(rtm, id)).then((clients) => [rtm, clients]);
  };
  const shim = (ids: string[]) => {
    const { rtm, signal } = world();
    return inBatches(ids, LOGIN_BATCH, (id) => shimLogin(signal, id)).then((sessions) => [rtm, signal, sessions]);
  };
  // Compile both paths first, so neither figure carries the other's first-run code.
  await bare(['warm-up']);
  await shim(['warm-up']);
  const bareBytes = await growth(bare);
  const shimBytes = await growth(shim);
  return {
    count: SESSIONS,
    heapBytesPerSession: Math.round((shimBytes - bareBytes) / SESSIONS),
    shimBytesPerLogin: Math.round(shimBytes / SESSIONS),
    bareBytesPerLogin: Math.round(bareBytes / SESSIONS),
  };
}
