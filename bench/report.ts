/** The readable form of a run: the targets table, then the figures behind it. */
import type { Comparison } from './throughput';
import type { Check, Figures } from './targets';

export interface Run {
  figures: Figures;
  checks: Check[];
  machine: string;
}

export function renderReport(run: Run): string {
  const { figures: f } = run;
  const throughput = { p2p: f.p2p, channel: f.channel };
  const rate = (n: number): string => `${Math.round(n).toLocaleString('en')}/s`;
  const throughputRow = (c: Comparison): string[] => [
    `shim ${rate(c.shimPerSec)}, direct ${rate(c.directPerSec)}, by hand ${rate(c.ceiling.perSec)}`,
    c.ratio.toFixed(3),
    spread(c),
    `${c.ceiling.ratio.toFixed(3)} (${c.ceiling.spread.map((r) => r.toFixed(3)).join('–')})`,
    c.shimToCeiling.toFixed(3),
    `shim ${c.bytesPerMessage.shim}, direct ${c.bytesPerMessage.direct}, by hand ${c.bytesPerMessage.handWritten}`,
  ];
  const lat = f.latency;
  const sections = [
    table(
      ['measure', 'value', 'target', ''],
      run.checks.map((c) => [c.name, c.value, c.target, c.met ? 'met' : 'NOT MET']),
    ),
    `Throughput (messages sent, acknowledged and received; zero-latency FakeRtm; ${throughput.p2p.rounds} rounds per path)`,
    table(
      ['path', 'rates', 'ratio', 'block medians', 'by hand ÷ direct (blocks)', 'shim ÷ by hand', 'bytes allocated per message'],
      [
        ['messageInstantSend vs sendMessageToPeer', ...throughputRow(throughput.p2p)],
        ['messageChannelSend vs channel.sendMessage', ...throughputRow(throughput.channel)],
      ],
    ),
    'Fan-out (one channel message to every member) and channel build (every member joined)',
    table(
      ['members', 'fan-out', 'build'],
      Object.entries(f.fanouts).map(([size, x]) => [Number(size).toLocaleString('en'), `${x.ms.toFixed(1)} ms`, `${Math.round(x.buildMs)} ms`]),
    ),
    'RTM calls per operation (FakeRtm.stats(); createChannel is a local factory, not counted)',
    table(
      ['operation', 'calls', 'by method'],
      Object.entries(f.rtmCalls).map(([op, c]) => [op, String(c.calls), describe(c.byMethod)]),
    ),
    'RTM calls per operation on Signaling 2.x (FakeRtm2.stats(): the 2.x calls the adapter makes)',
    table(
      ['operation', 'calls', 'by method'],
      Object.entries(f.rtmCalls2).map(([op, c]) => [op, String(c.calls), describe(c.byMethod)]),
    ),
    `Latency (simulated ms, ${lat.hopMs} ms per client↔server hop)`,
    table(
      ['operation', 'shim', 'direct'],
      [
        ['login → onLoginSuccess', lat.shim.login, lat.direct.login],
        ['messageInstantSend → peer receives', lat.shim.instant, lat.direct.instant],
        ['channelInviteUser2 → onInviteReceivedByPeer', lat.shim.invite, lat.direct.invite],
        ['channelSetAttr → other member notified', lat.shim.attr, lat.direct.attr],
        ['channelJoin → onChannelUserList (direct: join)', lat.shim.joinToUserList, lat.direct.join],
      ].map(([op, s, d]) => [String(op), `${s} ms`, `${d} ms`]),
    ),
    `Sessions: ${f.sessions.count.toLocaleString('en')} logged in; heap per login ${f.sessions.shimBytesPerLogin} B ` +
      `through the shim, ${f.sessions.bareBytesPerLogin} B for a bare fake client`,
    `Script with every dialect: ${f.bundle.minBytes} B minified, ${f.bundle.gzBytes} B gzipped; inputs (minified bytes): ${describe(f.bundle.byDirectory)}`,
    `Web-only script: ${f.bundleWeb.minBytes} B minified, ${f.bundleWeb.gzBytes} B gzipped; inputs: ${describe(f.bundleWeb.byDirectory)}`,
    `${run.machine}; the whole run took ${Math.round(f.seconds)} s`,
  ];
  return `${sections.join('\n\n')}\n`;
}

function spread(c: Comparison): string {
  return `${c.spread[0].toFixed(3)}–${c.spread[1].toFixed(3)}`;
}

function describe(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
