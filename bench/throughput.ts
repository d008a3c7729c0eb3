/**
 * Message throughput through the shim against the same RTM calls made directly, on one zero-latency
 * FakeRtm in one process. Absolute rates depend on the machine and the moment; the ratio of the two,
 * measured side by side, is the shim's cost.
 */
import { ManualClock } from 'signaling-compat/fake';
import type { RtmMessage } from 'signaling-compat';
import { Countdown, directJoin, directLogin, shimJoin, shimLogin, world } from './world';

/** Sends per timed iteration: under RTM's 180 per sliding 3 s, so neither path ever waits for the window. */
const BATCH = 100;
/**
 * The shared machine is noisy over hundreds of milliseconds, so the two paths are timed in many
 * short rounds, in alternating order, and each round's ratio compares samples taken within a few
 * milliseconds of each other. The rounds form `BLOCKS` equal blocks; the spread is the range of
 * the blocks' medians (what a run a fifth as long could report).
 */
const BLOCKS = 5;
const WARMUP_ROUNDS = 10;
const ITERATIONS_PER_ROUND = 5;
const RATE_WINDOW_MS = 3000;
const TEXT = 'the quick brown fox';
/** What the shim sends for a string payload (core/payload.ts), so the direct twin sends the same. */
const MESSAGE: RtmMessage = { text: TEXT, messageType: 'TEXT' };

export interface Comparison {
  /** Messages per second, each sent, acknowledged to the sender and received. */
  shimPerSec: number;
  directPerSec: number;
  /** Shim throughput ÷ direct throughput (median of the rounds' ratios). */
  ratio: number;
  /** Lowest and highest median ratio of the `BLOCKS` blocks of rounds. */
  spread: [number, number];
  rounds: number;
}

type Send = () => Promise<void>;

/**
 * Times both paths in alternating rounds. Each iteration sends `BATCH` messages and ends when every
 * sender callback and every receive callback ran; the manual clock moves past the rate window
 * before each iteration (untimed), so each batch starts with an empty window on both paths. A full
 * collection before each round (untimed) starts both paths from the same, nearly empty young
 * generation: see BENCHMARKS.md, "Collector".
 */
async function compare(shim: Send, direct: Send, clock: ManualClock, rounds: number): Promise<Comparison> {
  const timeOf = async (send: Send): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS_PER_ROUND; i++) {
      await clock.advance(RATE_WINDOW_MS);
      const start = performance.now();
      await send();
      times.push(performance.now() - start);
    }
    return median(times);
  };
  const results: Array<{ shimMs: number; directMs: number }> = [];
  for (let round = 0; round < WARMUP_ROUNDS + rounds; round++) {
    let shimMs: number;
    let directMs: number;
    if (round % 2 === 0) {
      shimMs = await timeOf(shim);
      directMs = await timeOf(direct);
    } else {
      directMs = await timeOf(direct);
      shimMs = await timeOf(shim);
    }
    if (round >= WARMUP_ROUNDS) results.push({ shimMs, directMs });
  }
  const ratios = results.map((r) => r.directMs / r.shimMs);
  const perBlock = Math.floor(ratios.length / BLOCKS);
  const blockMedians = Array.from({ length: BLOCKS }, (_, b) => median(ratios.slice(b * perBlock, (b + 1) * perBlock)));
  return {
    shimPerSec: (BATCH * 1000) / median(results.map((r) => r.shimMs)),
    directPerSec: (BATCH * 1000) / median(results.map((r) => r.directMs)),
    ratio: median(ratios),
    spread: [Math.min(...blockMedians), Math.max(...blockMedians)],
    rounds,
  };
}

/** Web `messageInstantSend` against `sendMessageToPeer` of the same message. */
export async function peerThroughput(rounds: number): Promise<Comparison> {
  const clock = new ManualClock();
  const { rtm, signal } = world({ clock });
  const counter = new Countdown();
  let failures = 0;
  const sent = (failed: boolean): void => {
    if (failed) failures++;
    counter.tick();
  };
  const directSent = (): void => counter.tick();
  const directFailed = (): void => sent(true);
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
      for (let i = 0; i < BATCH; i++) directAlice.sendMessageToPeer(MESSAGE, 'p2p-direct-bob').then(directSent, directFailed);
      await done;
    },
    clock,
    rounds,
  );
  if (failures > 0) throw new Error(`${failures} peer messages failed during the throughput run`);
  return result;
}

/** Web `messageChannelSend` (with the legacy echo to the sender) against `channel.sendMessage`. */
export async function channelThroughput(rounds: number): Promise<Comparison> {
  const clock = new ManualClock();
  const { rtm, signal } = world({ clock });
  const counter = new Countdown();
  let failures = 0;
  const directFailed = (): void => {
    failures++;
    counter.tick();
  };
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
      for (let i = 0; i < BATCH; i++) directRoom.sendMessage(MESSAGE).then(counter.tick, directFailed);
      await done;
    },
    clock,
    rounds,
  );
  if (failures > 0) throw new Error(`${failures} channel messages failed during the throughput run`);
  return result;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
