/**
 * Message throughput through the shim against the same RTM calls made directly, on one zero-latency
 * FakeRtm in one process. Absolute rates depend on the machine and the moment; the ratio of the two,
 * measured side by side, is the shim's cost.
 */
import { Bench } from 'tinybench';
import { ManualClock } from '../packages/signaling-compat/src/fake';
import { Countdown, directJoin, directLogin, shimJoin, shimLogin, world } from './world';

/** Sends per timed iteration: under RTM's 180 per sliding 3 s, so neither path ever waits for the window. */
const BATCH = 100;
/**
 * Short tinybench runs per comparison. The machine is shared and noisy over hundreds of
 * milliseconds, so the two paths are timed in many short rounds, in alternating order, and each
 * round's ratio compares samples taken within a few milliseconds of each other.
 */
const ROUNDS = 60;
const WARMUP_ROUNDS = 6;
const ITERATIONS_PER_ROUND = 6;
const RATE_WINDOW_MS = 3000;
const TEXT = 'the quick brown fox';

export interface Comparison {
  /** Messages per second, each sent, acknowledged to the sender and received. */
  shimPerSec: number;
  directPerSec: number;
  /** Shim throughput ÷ direct throughput (median of the rounds' ratios). */
  ratio: number;
}

type Send = () => Promise<void>;

/**
 * Times both paths in alternating tinybench rounds. Each iteration sends `BATCH` messages and ends
 * when every sender callback and every receive callback ran; the manual clock moves past the rate
 * window between iterations (untimed), so each batch starts with an empty window on both paths.
 */
async function compare(shim: Send, direct: Send, clock: ManualClock): Promise<Comparison> {
  const clearWindow = () => clock.advance(RATE_WINDOW_MS);
  const rounds: Comparison[] = [];
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const bench = new Bench({ time: 0, iterations: ITERATIONS_PER_ROUND, warmup: false, throws: true });
    const paths = round % 2 === 0 ? { shim, direct } : { direct, shim };
    for (const [name, send] of Object.entries(paths)) bench.add(name, send, { beforeEach: clearWindow });
    await bench.run();
    if (round < WARMUP_ROUNDS) continue;
    const perSec = (name: string): number => {
      const result = bench.getTask(name)?.result;
      if (result?.state !== 'completed') throw new Error(`throughput task ${name} did not complete`);
      return (BATCH * 1000) / result.latency.p50;
    };
    const shimPerSec = perSec('shim');
    const directPerSec = perSec('direct');
    rounds.push({ shimPerSec, directPerSec, ratio: shimPerSec / directPerSec });
  }
  return {
    shimPerSec: median(rounds.map((r) => r.shimPerSec)),
    directPerSec: median(rounds.map((r) => r.directPerSec)),
    ratio: median(rounds.map((r) => r.ratio)),
  };
}

/** Web `messageInstantSend` against `sendMessageToPeer`. */
export async function peerThroughput(): Promise<Comparison> {
  const clock = new ManualClock();
  const { rtm, signal } = world({ clock });
  const counter = new Countdown();
  let failures = 0;
  const sent = (failed: boolean): void => {
    if (failed) failures++;
    counter.tick();
  };
  const alice = await shimLogin(signal, 'p2p-shim-alice');
  const bob = await shimLogin(signal, 'p2p-shim-bob');
  bob.onMessageInstantReceive = counter.tick;
  const directAlice = await directLogin(rtm, 'p2p-direct-alice');
  const directBob = await directLogin(rtm, 'p2p-direct-bob');
  directBob.on('MessageFromPeer', counter.tick);
  const result = await compare(
    async () => {
      const done = counter.expect(2 * BATCH);
      for (let i = 0; i < BATCH; i++) alice.messageInstantSend('p2p-shim-bob', TEXT, sent);
      await done;
    },
    async () => {
      const done = counter.expect(2 * BATCH);
      for (let i = 0; i < BATCH; i++) {
        directAlice.sendMessageToPeer({ text: TEXT }, 'p2p-direct-bob').then(() => sent(false), () => sent(true));
      }
      await done;
    },
    clock,
  );
  if (failures > 0) throw new Error(`${failures} peer messages failed during the throughput run`);
  return result;
}

/** Web `messageChannelSend` (with the legacy echo to the sender) against `channel.sendMessage`. */
export async function channelThroughput(): Promise<Comparison> {
  const clock = new ManualClock();
  const { rtm, signal } = world({ clock });
  const counter = new Countdown();
  let failures = 0;
  const [alice, bob] = await Promise.all([shimLogin(signal, 'ch-shim-alice'), shimLogin(signal, 'ch-shim-bob')]);
  const aliceRoom = await shimJoin(alice, 'ch-shim-room');
  const bobRoom = await shimJoin(bob, 'ch-shim-room');
  // A legacy app handles its own echo; the shim's cost of delivering it is part of the figure.
  aliceRoom.onMessageChannelReceive = () => undefined;
  bobRoom.onMessageChannelReceive = counter.tick;
  const directAlice = await directLogin(rtm, 'ch-direct-alice');
  const directBob = await directLogin(rtm, 'ch-direct-bob');
  const directRoom = await directJoin(directAlice, 'ch-direct-room');
  (await directJoin(directBob, 'ch-direct-room')).on('ChannelMessage', counter.tick);
  const result = await compare(
    async () => {
      const done = counter.expect(2 * BATCH);
      for (let i = 0; i < BATCH; i++) aliceRoom.messageChannelSend(TEXT, counter.tick);
      await done;
    },
    async () => {
      const done = counter.expect(2 * BATCH);
      for (let i = 0; i < BATCH; i++) {
        directRoom.sendMessage({ text: TEXT }).then(counter.tick, () => {
          failures++;
          counter.tick();
        });
      }
      await done;
    },
    clock,
  );
  if (failures > 0) throw new Error(`${failures} channel messages failed during the throughput run`);
  return result;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
