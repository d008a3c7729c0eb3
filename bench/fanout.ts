/**
 * One channel message to N shim sessions: wall time from `messageChannelSend` until every
 * receiver's `onMessageChannelReceive` ran. At zero latency every hop is a microtask, so the figure
 * is the CPU work of fanning out, through the fake server and each receiving session.
 */
import { ManualClock } from 'signaling-compat/fake';
import { Countdown, inBatches, shimJoin, shimLogin, world } from './world';
import { median } from './throughput';

/** Sends before the timed ones, so both sizes are timed with warm code. */
const WARMUP_SENDS = 3;
const TIMED_SENDS = 7;
/**
 * Joins in flight at once. Every join is announced to every member already in (member counts), so
 * building a 10,000-member channel costs ~50 million notices, most of this suite's run time; small
 * batches keep them from piling up in memory, which made the build several times slower.
 */
const JOIN_BATCH = 5;

export interface Fanout {
  /** Median milliseconds for one message to reach every receiver. */
  ms: number;
  /** Milliseconds from the first `channelJoin` until every member had its user list. */
  buildMs: number;
}

/** One channel message to `members` receivers (the sender is one more member). */
export async function fanout(members: number): Promise<Fanout> {
  // A manual clock that never moves: nothing here waits for time, and the fake's per-member
  // member-count timers stay idle instead of firing every second during the long build.
  const { signal } = world({ clock: new ManualClock() });
  const accounts = Array.from({ length: members + 1 }, (_, i) => `fan${members}-${i}`);
  const sessions = await inBatches(accounts, 500, (account) => shimLogin(signal, account));
  const buildStart = performance.now();
  const channels = await inBatches(sessions, JOIN_BATCH, (session) => shimJoin(session, `fanout-${members}`));
  const buildMs = performance.now() - buildStart;
  const [sender, ...receivers] = channels;
  if (!sender) throw new Error('no sender');
  const counter = new Countdown();
  for (const channel of receivers) channel.onMessageChannelReceive = counter.tick;
  sender.onMessageChannelReceive = () => undefined;
  // The build's garbage is not the messages' cost: collect it before timing (npm run bench exposes gc).
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  for (let i = 0; i < WARMUP_SENDS + TIMED_SENDS; i++) {
    const done = counter.expect(members);
    const start = performance.now();
    sender.messageChannelSend(`message ${i}`);
    await done;
    if (i >= WARMUP_SENDS) times.push(performance.now() - start);
  }
  // No logout: each leave would be announced to the members still in, as costly as the build.
  return { ms: median(times), buildMs };
}
