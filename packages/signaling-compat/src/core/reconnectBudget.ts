/**
 * The legacy reconnect limits (docs/reference/mapping-decisions.md, "Login"): `reconnect_count` retries at 200 ms
 * doubling to a 2 s cap (default 10) and `reconnect_time` in seconds (default 30). RTM reconnects by
 * itself; the shim gives up at whichever legacy limit is reached first.
 */
export interface ReconnectLimits {
  count?: number;
  timeSeconds?: number;
}

const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 2000;
export const DEFAULT_RECONNECT_COUNT = 10;
export const DEFAULT_RECONNECT_SECONDS = 30;

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The times (ms after the drop) at which the legacy SDK would have retried, within the budget. */
export function retrySchedule(limits: ReconnectLimits): { attempts: number[]; budgetMs: number } {
  const count = Math.floor(positive(limits.count, DEFAULT_RECONNECT_COUNT));
  const timeMs = positive(limits.timeSeconds, DEFAULT_RECONNECT_SECONDS) * 1000;
  const attempts: number[] = [];
  let at = 0;
  let delay = FIRST_DELAY_MS;
  for (let i = 0; i < count; i++) {
    at += delay;
    delay = Math.min(delay * 2, MAX_DELAY_MS);
    if (at > timeMs) break;
    attempts.push(at);
  }
  return { attempts, budgetMs: Math.min(at, timeMs) };
}
