/**
 * Message throughput through the shim against the same RTM calls made directly, on one zero-latency
 * FakeRtm in one process. Absolute rates depend on the machine and the moment; the ratio of the two,
 * measured side by side, is the shim's cost.
 */
import { ManualClock } from 'signaling-compat/fake';
import type { RtmMessage } from 'signaling-compat';
import { bytesPerMessage } from './allocation';
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
/** Batches per path whose allocations are sampled (after the timed rounds, so the paths are warm). */
const SAMPLED_BATCHES = 300;
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
  /**
   * The same for the legacy contract written by hand on raw RTM (`handWritten`): what the ratio
   * can reach at best with today's fake, since the shim must do at least that much per message.
   */
  ceiling: { perSec: number; ratio: number; spread: [number, number] };
  /** Shim throughput ÷ hand-written throughput: the shim's cost beyond the contract itself. */
  shimToCeiling: number;
  /** Bytes allocated per message on each path (`bytesPerMessage`), sampled after the timed rounds. */
  bytesPerMessage: Record<Path, number>;
  rounds: number;
}

type Send = () => Promise<void>;
type Path = 'shim' | 'direct' | 'handWritten';
type Paths = Record<Path, Send>;

/** Every order of the three paths: round r runs them in `ORDERS[r % 6]`, so no path always goes first. */
const ORDERS: readonly (readonly Path[])[] = [
  ['shim', 'direct', 'handWritten'],
  ['direct', 'handWritten', 'shim'],
  ['handWritten', 'shim', 'direct'],
  ['shim', 'handWritten', 'direct'],
  ['handWritten', 'direct', 'shim'],
  ['direct', 'shim', 'handWritten'],
];

/**
 * Times the three paths in rotating order. Each iteration sends `BATCH` messages and ends when every
 * sender callback and every receive callback ran; the manual clock moves past the rate window
 * before each iteration (untimed), so each batch starts with an empty window on every path. No
 * forced collection between rounds: see BENCHMARKS.md, "Collector".
 */
async function compare(paths: Paths, clock: ManualClock, rounds: number): Promise<Comparison> {
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
  const results: Array<Record<Path, number>> = [];
  for (let round = 0; round < WARMUP_ROUNDS + rounds; round++) {
    const ms = { shim: 0, direct: 0, handWritten: 0 };
    for (const path of ORDERS[round % ORDERS.length]!) ms[path] = await timeOf(paths[path]);
    if (round >= WARMUP_ROUNDS) results.push(ms);
  }
  const perSec = (path: Path): number => (BATCH * 1000) / median(results.map((r) => r[path]));
  const against = (path: Path): { ratio: number; spread: [number, number] } => {
    const ratios = results.map((r) => r.direct / r[path]);
    const perBlock = Math.floor(ratios.length / BLOCKS);
    const blockMedians = Array.from({ length: BLOCKS }, (_, b) => median(ratios.slice(b * perBlock, (b + 1) * perBlock)));
    return { ratio: median(ratios), spread: [Math.min(...blockMedians), Math.max(...blockMedians)] };
  };
  const shim = against('shim');
  const bytes = { shim: 0, direct: 0, handWritten: 0 };
  for (const path of ORDERS[0]!) bytes[path] = await bytesPerMessage(paths[path], () => clock.advance(RATE_WINDOW_MS), BATCH, SAMPLED_BATCHES);
  return {
    shimPerSec: perSec('shim'),
    directPerSec: perSec('direct'),
    ratio: shim.ratio,
    spread: shim.spread,
    ceiling: { perSec: perSec('handWritten'), ...against('handWritten') },
    shimToCeiling: median(results.map((r) => r.handWritten / r.shim)),
    bytesPerMessage: bytes,
    rounds,
  };
}

/**
 * The legacy contract by hand on raw RTM, as an app author would write it without the shim: the
 * receiver's callback deferred with the sender's account and uid (cached per sender), the send
 * callback deferred after RTM's answer and, on a channel, the sender's own copy deferred with it.
 * Nothing else the shim does (validation, pacing, hostile-input checks, logout gates) is in it.
 */
const later = Promise.resolve();
const handWrittenUids = new Map<string, number>();
function handWrittenUid(account: string): number {
  let uid = handWrittenUids.get(account);
  if (uid === undefined) {
    uid = 0;
    for (let i = 0; i < account.length; i++) uid = (Math.imul(uid, 31) + account.charCodeAt(i)) >>> 0;
    handWrittenUids.set(account, uid);
  }
  return uid;
}

/** Web `messageInstantSend` against `sendMessageToPeer` of the same message, and the contract by hand. */
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
  const handAlice = await directLogin(rtm, 'p2p-hand-alice');
  const handBob = await directLogin(rtm, 'p2p-hand-bob');
  const handReceive: (account: string, uid: number, text: string) => void = counter.tick;
  handBob.on('MessageFromPeer', (message: RtmMessage, peerId: string) => {
    const uid = handWrittenUid(peerId);
    void later.then(() => handReceive(peerId, uid, message.text ?? ''));
  });
  const handSent = (failed: boolean): void => void later.then(() => sent(failed));
  const result = await compare(
    {
      shim: async () => {
        const done = counter.expect(2 * BATCH);
        for (let i = 0; i < BATCH; i++) alice.messageInstantSend('p2p-shim-bob', TEXT, sent);
        await done;
      },
      direct: async () => {
        const done = counter.expect(2 * BATCH);
        for (let i = 0; i < BATCH; i++) directAlice.sendMessageToPeer(MESSAGE, 'p2p-direct-bob').then(directSent, directFailed);
        await done;
      },
      handWritten: async () => {
        const done = counter.expect(2 * BATCH);
        for (let i = 0; i < BATCH; i++) {
          handAlice.sendMessageToPeer(MESSAGE, 'p2p-hand-bob').then(
            () => handSent(false),
            () => handSent(true),
          );
        }
        await done;
      },
    },
    clock,
    rounds,
  );
  if (failures > 0) throw new Error(`${failures} peer messages failed during the throughput run`);
  return result;
}

/** Web `messageChannelSend` (with the legacy echo to the sender) against `channel.sendMessage`, and the contract by hand. */
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
  const ownCopy = (_account: string, _uid: number, _text: unknown): void => undefined;
  aliceRoom.onMessageChannelReceive = ownCopy;
  bobRoom.onMessageChannelReceive = counter.tick;
  const directAlice = await directLogin(rtm, 'ch-direct-alice');
  const directBob = await directLogin(rtm, 'ch-direct-bob');
  const directRoom = await directJoin(directAlice, 'ch-direct-room');
  (await directJoin(directBob, 'ch-direct-room')).on('ChannelMessage', counter.tick);
  const handAccount = 'ch-hand-alice';
  const handRoom = await directJoin(await directLogin(rtm, handAccount), 'ch-hand-room');
  const handReceive: (account: string, uid: number, text: string) => void = counter.tick;
  (await directJoin(await directLogin(rtm, 'ch-hand-bob'), 'ch-hand-room')).on('ChannelMessage', (message: RtmMessage, memberId: string) => {
    const uid = handWrittenUid(memberId);
    void later.then(() => handReceive(memberId, uid, message.text ?? ''));
  });
  const handSent = (): void => {
    const uid = handWrittenUid(handAccount);
    void later.then(() => ownCopy(handAccount, uid, TEXT));
    void later.then(counter.tick);
  };
  const result = await compare(
    {
      shim: async () => {
        const done = counter.expect(2 * BATCH);
        for (let i = 0; i < BATCH; i++) aliceRoom.messageChannelSend(TEXT, counter.tick);
        await done;
      },
      direct: async () => {
        const done = counter.expect(2 * BATCH);
        for (let i = 0; i < BATCH; i++) directRoom.sendMessage(MESSAGE).then(counter.tick, directFailed);
        await done;
      },
      handWritten: async () => {
        const done = counter.expect(2 * BATCH);
        for (let i = 0; i < BATCH; i++) handRoom.sendMessage(MESSAGE).then(handSent, directFailed);
        await done;
      },
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
