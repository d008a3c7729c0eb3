/**
 * The targets of the benchmark suite, each checked against one run's figures. BENCHMARKS.md says
 * what each one means.
 */
import type { BundleSize } from './bundle';
import type { Latency } from './latency';
import type { RtmCalls } from './rtmCalls';
import type { SessionMemory } from './sessions';

export interface Figures {
  p2pRatio: number;
  channelRatio: number;
  rtmCalls: RtmCalls;
  /** The same operations on Signaling 2.x (FakeRtm2 through the adapter). */
  rtmCalls2: RtmCalls;
  latency: Latency;
  fanoutMs: { 1000: number; 10000: number };
  sessions: SessionMemory;
  bundle: BundleSize;
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
  const growth = f.fanoutMs[10000] / f.fanoutMs[1000];
  return [
    { name: 'p2p throughput ratio', value: f.p2pRatio.toFixed(2), target: '≥ 0.90', met: f.p2pRatio >= 0.9 },
    { name: 'channel throughput ratio', value: f.channelRatio.toFixed(2), target: '≥ 0.90', met: f.channelRatio >= 0.9 },
    calls('messageInstantSend', 1, true),
    calls('messageChannelSend', 1, true),
    calls('channelJoin', 3),
    calls('attrBurst100', 12),
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
    { name: 'fan-out to 1,000', value: `${f.fanoutMs[1000].toFixed(1)} ms`, target: '≤ 50 ms', met: f.fanoutMs[1000] <= 50 },
    {
      name: 'fan-out to 10,000',
      value: `${f.fanoutMs[10000].toFixed(1)} ms (${growth.toFixed(1)} × 1,000)`,
      target: '≤ 12 × the 1,000 figure',
      met: growth <= 12,
    },
    {
      name: `heap per session (${f.sessions.count.toLocaleString('en')})`,
      value: `${(f.sessions.heapBytesPerSession / KB).toFixed(1)} KB`,
      target: '≤ 20 KB',
      met: f.sessions.heapBytesPerSession <= 20 * KB,
    },
    {
      name: 'shim bundle, minified',
      value: `${(f.bundle.minBytes / KB).toFixed(1)} KB`,
      target: '≤ 25 KB',
      met: f.bundle.minBytes <= 25 * KB,
    },
    {
      name: 'shim bundle, gzipped',
      value: `${(f.bundle.gzBytes / KB).toFixed(1)} KB`,
      target: '≤ 8 KB',
      met: f.bundle.gzBytes <= 8 * KB,
    },
  ];
}
