import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../src/runCli';
import { type SyntheticTree, writeSyntheticTree } from './syntheticTree';

let root: string;
let tree: SyntheticTree;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'scan-large-'));
  tree = await writeSyntheticTree(root);
}, 180_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

test('a tree of 10,000 files is scanned completely, with progress on stderr and nothing from ignored folders', async () => {
  let stdout = '';
  const stderr: string[] = [];
  const code = await runCli(['scan', '--json', '.'], { stdout: (s) => (stdout += s), stderr: (s) => stderr.push(s), cwd: root, env: {} });

  expect(code).toBe(0);
  const report = JSON.parse(stdout) as { summary: { files: number; findings: number }; warnings: Array<{ file: string }> };
  expect(tree).toEqual({ files: 10_000, findings: 19_970, unparsable: 10 });
  expect(report.summary.files).toBe(tree.files);
  expect(report.summary.findings).toBe(tree.findings);
  expect(report.warnings.map((w) => w.file)).toEqual(
    // Files are scanned in path order.
    Array.from({ length: 10 }, (_, i) => `module${i * 10 + 5}/broken${i * 1000 + 500}.js`).sort(),
  );
  const progress = stderr.filter((line) => line.startsWith('scan: '));
  expect(progress).toEqual(Array.from({ length: 10 }, (_, i) => `scan: ${(i + 1) * 1000}/10000 files\n`));
  expect(stderr.filter((line) => line.startsWith('warning: '))).toHaveLength(10);
}, 120_000);
