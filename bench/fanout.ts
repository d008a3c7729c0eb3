/**
 * One channel message to N shim sessions: wall time from `messageChannelSend` until every
 * receiver's `onMessageChannelReceive` ran. At zero latency every hop is a microtask, so the figure
 * is the CPU work of fanning out, through the fake server and each receiving session.
 */
import { ManualClock } from 'signaling-compat/fake';
import { Countdown, inBatches, shimJoin, shimLogin, world } from './world';
import { median } from './throughput';

/** Rounds before the timed ones: the first sends after a large build run while its heap settles. */
const WARMUP_ROUNDS = 3;
const TIMED_ROUNDS = 11;
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

interface BuiltChannel {
  members: number;
  buildMs: number;
  /** Sends one message and resolves once every receiver got it. */
  send: (round: number) => Promise<void>;
}

/**
 * Fan-out for each size. Every channel is built first and kept, then the sizes are timed in
 * interleaved rounds (one send to each size per round, the order reversed every other round), so
 * each size's sends run in the same heap and in the same moments of a shared machine: the ratio
 * between sizes measures how the fan-out scales, not how busy the machine was while one size ran.
 * Once a build took longer than `buildBudgetMs`, the larger sizes are skipped (`skipped`).
 */
export async function measureFanouts(
  sizes: readonly number[],
  buildBudgetMs: number,
  progress: (label: string) => void,
): Promise<{ figures: Record<string, Fanout>; skipped: number[] }> {
  const built: BuiltChannel[] = [];
  const skipped: number[] = [];
  for (const members of sizes) {
    const previous = built.at(-1);
    if (previous && previous.buildMs > buildBudgetMs) {
      skipped.push(members);
      continue;
    }
    progress(`building a channel of ${members.toLocaleString('en')} members`);
    built.push(await buildChannel(members));
  }
  // The builds' garbage is not the messages' cost: collect it before timing (npm run bench exposes gc).
  (globalThis as { gc?: () => void }).gc?.();
  progress(`timing fan-out (${WARMUP_ROUNDS + TIMED_ROUNDS} interleaved rounds)`);
  const times = built.map((): number[] => []);
  for (let round = 0; round < WARMUP_ROUNDS + TIMED_ROUNDS; round++) {
    const order = built.map((_, i) => (round % 2 === 0 ? i : built.length - 1 - i));
    for (const i of order) {
      const start = performance.now();
      await built[i]!.send(round);
      if (round >= WARMUP_ROUNDS) times[i]!.push(performance.now() - start);
    }
  }
  // No logout: each leave would be announced to the members still in, as costly as the build.
  const figures = Object.fromEntries(built.map((b, i) => [String(b.members), { ms: median(times[i]!), buildMs: b.buildMs }]));
  return { figures, skipped };
}

/** `members` receivers and one sender in one channel of a world of their own. */
async function buildChannel(members: number): Promise<BuiltChannel> {
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
  return {
    members,
    buildMs,
    send: (round) => {
      const done = counter.expect(members);
      sender.messageChannelSend(`message ${round}`);
      return done;
    },
  };
}
