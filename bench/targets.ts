/**
 * The targets of the benchmark suite, each checked against one run's figures. BENCHMARKS.md says
 * what each one means.
 */
import type { BundleSize } from './bundle';
import type { Fanout } from './fanout';
import type { Latency } from './latency';
import type { RtmCalls } from './rtmCalls';
import type { SessionMemory } from './sessions';
import type { Comparison } from './throughput';

export interface Figures {
  p2p: Comparison;
  channel: Comparison;
  rtmCalls: RtmCalls;
  /** The same operations on Signaling 2.x (FakeRtm2 through the adapter). */
  rtmCalls2: RtmCalls;
  latency: Latency;
  /** By channel size; sizes past the build budget are missing. */
  fanouts: Record<string, Fanout>;
  sessions: SessionMemory;
  /** The script with every dialect (`signaling-compat.global.js`). */
  bundle: BundleSize;
  /** A script with the Web dialect alone. */
  bundleWeb: BundleSize;
  /** The whole run, build excluded. */
  seconds: number;
}

export interface Check {
  /** What is measured, as the table shows it. */
  name: string;
  value: string;
  target: string;
  met: boolean;
}

const KB = 1024;
const LATENCY_SLACK = 1.05;
/**
 * Shim throughput ÷ direct. The issue behind it measured a hand-written legacy contract on raw RTM
 * at 0.92–0.96 of direct; the bench measures that contract too (`ceiling`), on today's fake.
 */
const RATIO = 0.93;

export function checkTargets(f: Figures): Check[] {
  const { shim, direct, hopMs } = f.latency;
  const latencyTwin = (name: string, s: number, d: number): Check => ({
    name: `latency ${name}`,
    value: `${s} ms (direct ${d} ms)`,
    target: `≤ ${LATENCY_SLACK} × direct`,
    met: s <= LATENCY_SLACK * d,
  });
  const counted = (figures: RtmCalls, suffix: string) => (name: keyof RtmCalls, max: number, exact = false): Check => ({
    name: `RTM calls per ${name}${suffix}`,
    value: String(figures[name].calls),
    target: exact ? `${max}` : `≤ ${max}`,
    met: exact ? figures[name].calls === max : figures[name].calls <= max,
  });
  const calls = counted(f.rtmCalls, '');
  const calls2 = counted(f.rtmCalls2, ' on 2.x');
  const fan = (size: number): Fanout | undefined => f.fanouts[size];
  const ms = (n: number | undefined): string => (n === undefined ? 'not measured' : `${n.toFixed(1)} ms`);
  const ratio = (name: string, c: Comparison): Check => ({
    name: `${name} throughput ratio`,
    value: `${c.ratio.toFixed(3)} (blocks ${c.spread.map((r) => r.toFixed(3)).join('–')}; the contract by hand ${c.ceiling.ratio.toFixed(3)})`,
    target: `≥ ${RATIO}`,
    met: c.ratio >= RATIO,
  });
  const big = fan(50_000);
  const mid = fan(10_000);
  return [
    ratio('p2p', f.p2p),
    ratio('channel', f.channel),
    calls('messageInstantSend', 1, true),
    calls('messageChannelSend', 1, true),
    calls('channelJoin', 3),
    calls('attrBurst100', 12),
    calls('attrSetClearSet3', 2, true),
    calls('statusQueryBurst5', 1, true),
    calls('autoUpdateNumPerMinute', 2),
    calls2('messageInstantSend', 1, true),
    calls2('messageChannelSend', 1, true),
    calls2('channelJoin', 3),
    calls2('attrBurst100', 12),
    latencyTwin('login', shim.login, direct.login),
    latencyTwin('instant', shim.instant, direct.instant),
    latencyTwin('invite', shim.invite, direct.invite),
    latencyTwin('attr', shim.attr, direct.attr),
    {
      name: 'latency joinToUserList',
      value: `${shim.joinToUserList} ms (direct join ${direct.join} ms)`,
      target: `≤ direct join + ${2 * hopMs} ms (one round trip)`,
      met: shim.joinToUserList <= direct.join + 2 * hopMs,
    },
    { name: 'fan-out to 1,000', value: ms(fan(1000)?.ms), target: '≤ 50 ms', met: (fan(1000)?.ms ?? Infinity) <= 50 },
    {
      name: 'fan-out to 50,000',
      value: big && mid ? `${ms(big.ms)} (${(big.ms / mid.ms).toFixed(1)} × 10,000)` : ms(big?.ms),
      target: '≤ 6 × the 10,000 figure',
      met: big !== undefined && mid !== undefined && big.ms <= 6 * mid.ms,
    },
    {
      name: 'build a 10,000-member channel',
      value: ms(mid?.buildMs),
      target: '≤ 5,000 ms',
      met: mid !== undefined && mid.buildMs <= 5000,
    },
    {
      name: `heap per session (${f.sessions.count.toLocaleString('en')})`,
      value: `${(f.sessions.heapBytesPerSession / KB).toFixed(1)} KB`,
      target: '≤ 8 KB',
      met: f.sessions.heapBytesPerSession <= 8 * KB,
    },
    {
      name: 'Web-only script, minified',
      value: `${(f.bundleWeb.minBytes / KB).toFixed(1)} KB`,
      target: '≤ 35 KB',
      met: f.bundleWeb.minBytes <= 35 * KB,
    },
    {
      name: 'Web-only script, gzipped',
      value: `${(f.bundleWeb.gzBytes / KB).toFixed(1)} KB`,
      target: '≤ 11.5 KB',
      met: f.bundleWeb.gzBytes <= 11.5 * KB,
    },
    { name: 'whole run', value: `${Math.round(f.seconds)} s`, target: '≤ 60 s', met: f.seconds <= 60 },
  ];
}
