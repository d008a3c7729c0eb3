/**
 * What the shim costs against apps calling RTM directly on the same FakeRtm. Prints a table, or
 * with `--json` one JSON object on stdout; progress goes to stderr. Run through `npm run bench`
 * (bench/run.mjs), which builds the package and runs this compiled, on the package's dist, under
 * `node --expose-gc`.
 *
 *   --json                   one JSON object instead of the table
 *   --quick                  fewer throughput rounds and fan-out to 1,000 and 2,000 only (a smoke run)
 *   --rounds=N               throughput rounds per path (default 200)
 *   --fanout=1000,10000,…    channel sizes for the fan-out and build figures
 *   --build-budget=S         skip larger fan-out sizes once a channel took over S seconds to build
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { bundleSize, webBundleSize } from './bundle';
import { measureFanouts, type Fanout } from './fanout';
import { latency } from './latency';
import { renderReport } from './report';
import { rtmCallsPerOp } from './rtmCalls';
import { sessionMemory } from './sessions';
import { checkTargets, type Figures } from './targets';
import { channelThroughput, peerThroughput } from './throughput';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    fanout: { type: 'string' },
    'build-budget': { type: 'string', default: '30' },
  },
});
const rounds = Number(args.rounds ?? (args.quick ? 40 : 200));
const sizes = (args.fanout ?? (args.quick ? '1000,2000' : '1000,10000,50000')).split(',').map(Number);
const buildBudgetMs = Number(args['build-budget']) * 1000;
if (!Number.isInteger(rounds) || rounds < 5 || sizes.some((n) => !Number.isInteger(n) || n < 1) || !(buildBudgetMs > 0)) {
  throw new Error('bench: --rounds is an integer ≥ 5, --fanout a list of sizes, --build-budget seconds');
}

const started = performance.now();
const step = <T>(label: string, run: () => Promise<T>): Promise<T> => {
  process.stderr.write(`bench: ${label}…\n`);
  return run();
};

const machine =
  `Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
  `load average ${loadavg()[0]!.toFixed(2)} at start`;
const bundle = await step('bundle size', bundleSize);
const bundleWeb = await step('Web-only bundle size', webBundleSize);
const rtmCalls = await step('RTM calls per operation', () => rtmCallsPerOp('rtm1'));
const rtmCalls2 = await step('RTM calls per operation on Signaling 2.x', () => rtmCallsPerOp('rtm2'));
const lat = await step('latency', latency);
// Throughput before the big setups below, so a large live heap does not slow either path's GC.
const p2p = await step(`p2p throughput (${rounds} rounds)`, () => peerThroughput(rounds));
const channel = await step(`channel throughput (${rounds} rounds)`, () => channelThroughput(rounds));
const sessions = await step('session memory', sessionMemory);
const { figures: fanouts, skipped } = await measureFanouts(sizes, buildBudgetMs, (label) => process.stderr.write(`bench: fan-out: ${label}…\n`));
for (const size of skipped) process.stderr.write(`bench: fan-out to ${size.toLocaleString('en')} skipped (a smaller channel took over ${buildBudgetMs / 1000} s to build)\n`);

const figures: Figures = {
  p2p,
  channel,
  rtmCalls,
  rtmCalls2,
  latency: lat,
  fanouts,
  sessions,
  bundle,
  bundleWeb,
  seconds: (performance.now() - started) / 1000,
};
const checks = checkTargets(figures);

if (args.json) {
  const round = (n: number, digits: number): number => Number(n.toFixed(digits));
  const perSize = (pick: (f: Fanout) => number): Record<string, number> =>
    Object.fromEntries(Object.entries(fanouts).map(([size, f]) => [size, round(pick(f), 2)]));
  const callsOf = (calls: typeof rtmCalls) => Object.fromEntries(Object.entries(calls).map(([op, c]) => [op, c.calls]));
  const json = {
    p2pRatio: round(p2p.ratio, 3),
    channelRatio: round(channel.ratio, 3),
    ratioSpread: { p2p: p2p.spread.map((r) => round(r, 3)), channel: channel.spread.map((r) => round(r, 3)) },
    ceilingRatio: { p2p: round(p2p.ceiling.ratio, 3), channel: round(channel.ceiling.ratio, 3) },
    ceilingSpread: { p2p: p2p.ceiling.spread.map((r) => round(r, 3)), channel: channel.ceiling.spread.map((r) => round(r, 3)) },
    shimToCeiling: { p2p: round(p2p.shimToCeiling, 3), channel: round(channel.shimToCeiling, 3) },
    rtmCallsPerOp: callsOf(rtmCalls),
    rtmCallsPerOpOn2x: callsOf(rtmCalls2),
    latency: lat,
    fanoutMs: perSize((f) => f.ms),
    channelBuildMs: perSize((f) => f.buildMs),
    sessions: { count: sessions.count, heapBytesPerSession: sessions.heapBytesPerSession },
    bundle: { minBytes: bundle.minBytes, gzBytes: bundle.gzBytes },
    bundleWeb: { minBytes: bundleWeb.minBytes, gzBytes: bundleWeb.gzBytes },
    bytesPerMessage: { p2p: p2p.bytesPerMessage, channel: channel.bytesPerMessage },
    throughputPerSec: {
      p2p: { shim: Math.round(p2p.shimPerSec), direct: Math.round(p2p.directPerSec), handWritten: Math.round(p2p.ceiling.perSec) },
      channel: { shim: Math.round(channel.shimPerSec), direct: Math.round(channel.directPerSec), handWritten: Math.round(channel.ceiling.perSec) },
    },
    targets: Object.fromEntries(checks.map((c) => [c.name, c.met])),
    machine,
    seconds: Math.round(figures.seconds),
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
} else {
  process.stdout.write(renderReport({ figures, checks, machine }));
}
