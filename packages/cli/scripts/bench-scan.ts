/**
 * Times `signaling-compat-cli scan` over the synthetic 10,000-file tree of the scale test
 * (test/scan/syntheticTree.ts) and prints the figures for the Scanner section of BENCHMARKS.md.
 *
 *   npx tsx scripts/bench-scan.ts
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { scanPaths } from '../src/scan/index';
import { writeSyntheticTree } from '../test/scan/syntheticTree';

const root = await mkdtemp(join(tmpdir(), 'bench-scan-'));
try {
  const tree = await writeSyntheticTree(root);
  const bench = new Bench({ iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 });
  bench.add(`scan ${tree.files} files`, async () => {
    const result = await scanPaths(['.'], { cwd: root });
    // A scan that found less did less work: refuse to time it.
    if (result.files !== tree.files || result.findings.length !== tree.findings) throw new Error('unexpected scan result');
  });
  await bench.run();
  const [timed] = bench.tasks;
  if (timed?.result.state !== 'completed') throw new Error(`benchmark did not complete: ${timed?.result.state}`);
  const { latency } = timed.result;
  const ms = (value: number) => `${Math.round(value)} ms`;
  process.stdout.write(
    [
      `${timed.name}: mean ${ms(latency.mean)}, median ${ms(latency.p50)}, min ${ms(latency.min)}, max ${ms(latency.max)} ` +
        `(${latency.samplesCount} runs after 1 warm-up; ${(latency.mean / tree.files).toFixed(2)} ms per file)`,
      `tree: ${tree.files} files, ${tree.findings} findings, ${tree.unparsable} unparsable`,
      `machine: Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
      '',
    ].join('\n'),
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
