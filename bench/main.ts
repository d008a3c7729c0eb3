/**
 * `npm run bench`: what the shim costs against apps calling RTM directly on the same FakeRtm.
 * Prints a table, or with `--json` one JSON object on stdout; progress goes to stderr.
 *
 *   npm run bench            npm run -s bench -- --json   (-s keeps npm's banner off stdout)
 *
 * Run by node with --expose-gc (the session memory figure needs it).
 */
import { cpus, loadavg } from 'node:os';
import { bundleSize } from './bundle';
import { fanout } from './fanout';
import { latency } from './latency';
import { renderReport } from './report';
import { rtmCallsPerOp } from './rtmCalls';
import { sessionMemory } from './sessions';
import { checkTargets, type Figures } from './targets';
import { channelThroughput, peerThroughput } from './throughput';

const started = performance.now();
const step = <T>(label: string, run: () => Promise<T>): Promise<T> => {
  process.stderr.write(`bench: ${label}…\n`);
  return run();
};

const machine =
  `Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
  `load average ${loadavg()[0]!.toFixed(2)} at start`;
const bundle = await step('bundle size', bundleSize);
const rtmCalls = await step('RTM calls per operation', () => rtmCallsPerOp('rtm1'));
const rtmCalls2 = await step('RTM calls per operation on Signaling 2.x', () => rtmCallsPerOp('rtm2'));
const lat = await step('latency', latency);
// Throughput before the big setups below, so a large live heap does not slow either path's GC.
const p2p = await step('p2p throughput', peerThroughput);
const channel = await step('channel throughput', channelThroughput);
const sessions = await step('session memory', sessionMemory);
const fanout1k = await step('fan-out to 1,000', () => fanout(1000));
const fanout10k = await step('fan-out to 10,000', () => fanout(10_000));

const figures: Figures = {
  p2pRatio: p2p.ratio,
  channelRatio: channel.ratio,
  rtmCalls,
  rtmCalls2,
  latency: lat,
  fanoutMs: { 1000: fanout1k, 10000: fanout10k },
  sessions,
  bundle,
};
const checks = checkTargets(figures);
const seconds = (performance.now() - started) / 1000;

if (process.argv.includes('--json')) {
  const round = (n: number, digits: number): number => Number(n.toFixed(digits));
  const json = {
    p2pRatio: round(p2p.ratio, 3),
    channelRatio: round(channel.ratio, 3),
    rtmCallsPerOp: Object.fromEntries(Object.entries(rtmCalls).map(([op, c]) => [op, c.calls])),
    rtmCallsPerOpOn2x: Object.fromEntries(Object.entries(rtmCalls2).map(([op, c]) => [op, c.calls])),
    latency: lat,
    fanoutMs: { 1000: round(fanout1k, 2), 10000: round(fanout10k, 2) },
    sessions: { count: sessions.count, heapBytesPerSession: sessions.heapBytesPerSession },
    bundle: { minBytes: bundle.minBytes, gzBytes: bundle.gzBytes },
    throughputPerSec: {
      p2p: { shim: Math.round(p2p.shimPerSec), direct: Math.round(p2p.directPerSec) },
      channel: { shim: Math.round(channel.shimPerSec), direct: Math.round(channel.directPerSec) },
    },
    targets: Object.fromEntries(checks.map((c) => [c.name, c.met])),
    machine,
    seconds: Math.round(seconds),
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
} else {
  process.stdout.write(renderReport({ figures, throughput: { p2p, channel }, checks, machine, seconds }));
}
