import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScan, writeFiles } from './sourceTree';

// One legacy call per file, so the files a scan reports are the files it read.
const CALL = "session.messageInstantSend('bob', 'hi');\n";

/** A web app in a git work tree: build output and generated code are ignored the usual ways. */
const TREE: Record<string, string> = {
  '.gitignore': '# build output\npublic/\n*.bundle.js\n/vendor\n',
  'app/.gitignore': 'generated/\n!keep.bundle.js\n',
  'app/src/chat.js': CALL,
  'app/src/chat.test.js': CALL,
  'app/src/chat.bundle.js': CALL,
  'app/src/keep.bundle.js': CALL,
  'app/src/my chat.js': CALL,
  'app/public/app.js': CALL,
  'app/generated/api.js': CALL,
  'app/vendor/lib.js': CALL,
  'generated/tool.js': CALL,
  'public/index.js': CALL,
  'vendor/lib.js': CALL,
  '.next/server/page.js': CALL,
};

let outside: string;
let repo: string;

async function writeTree(root: string, withGit: boolean): Promise<void> {
  await writeFiles(root, TREE);
  if (withGit) await mkdir(join(root, '.git'));
}

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'scan-ignore-'));
  repo = join(outside, 'repo');
  await writeTree(repo, true);
  // The same tree outside any git work tree.
  await writeTree(join(outside, 'plain'), false);
});

afterAll(async () => {
  await rm(outside, { recursive: true, force: true });
});

/** The files a scan read, from its JSON report. */
async function scannedFiles(cwd: string, ...argv: string[]): Promise<string[]> {
  const { code, stdout, stderr } = await runScan(cwd, ['--json', ...argv]);
  expect([code, stderr]).toEqual([0, '']);
  const report = JSON.parse(stdout) as { summary: { files: number }; findings: Array<{ file: string }> };
  const files = [...new Set(report.findings.map((finding) => finding.file))];
  expect(files).toHaveLength(report.summary.files);
  return files;
}

describe('scan and .gitignore', () => {
  test('each .gitignore applies to its own directory and below; a deeper one overrides with !pattern', async () => {
    expect(await scannedFiles(repo)).toEqual([
      'app/src/chat.js',
      'app/src/chat.test.js',
      'app/src/keep.bundle.js',
      'app/src/my chat.js',
      'app/vendor/lib.js',
      'generated/tool.js',
    ]);
  });

  test('a subdirectory of a work tree keeps the rules of the .gitignore files above it', async () => {
    const files = ['app/src/chat.js', 'app/src/chat.test.js', 'app/src/keep.bundle.js', 'app/src/my chat.js', 'app/vendor/lib.js'];
    expect(await scannedFiles(repo, 'app')).toEqual(files);
    expect(await scannedFiles(join(repo, 'app'))).toEqual(files.map((file) => file.slice('app/'.length)));
  });

  test('a path named on the command line is scanned even when .gitignore excludes it', async () => {
    expect(await scannedFiles(repo, 'app/public', 'app/src/chat.bundle.js')).toEqual(['app/public/app.js', 'app/src/chat.bundle.js']);
  });

  test('outside a git work tree only the .gitignore files inside the scanned directory apply', async () => {
    expect(await scannedFiles(outside, 'plain/app')).toEqual([
      'plain/app/public/app.js',
      'plain/app/src/chat.bundle.js',
      'plain/app/src/chat.js',
      'plain/app/src/chat.test.js',
      'plain/app/src/keep.bundle.js',
      'plain/app/src/my chat.js',
      'plain/app/vendor/lib.js',
    ]);
  });

  test('--no-gitignore reads every file but the always-skipped folders', async () => {
    const files = await scannedFiles(repo, '--no-gitignore');
    expect(files).toHaveLength(Object.keys(TREE).filter((path) => path.endsWith('.js')).length - 1);
    expect(files).not.toContain('.next/server/page.js');
  });
});

describe('scan --ignore', () => {
  test('skips matching paths, in .gitignore syntax relative to the working directory; repeatable', async () => {
    expect(await scannedFiles(repo, '--ignore', '*.test.js', '--ignore=app/vendor', '--ignore', 'my *')).toEqual([
      'app/src/chat.js',
      'app/src/keep.bundle.js',
      'generated/tool.js',
    ]);
    expect(await scannedFiles(join(repo, 'app'), '--ignore', 'src/')).toEqual(['vendor/lib.js']);
  });

  test('.gitignore cannot bring back what --ignore skips', async () => {
    expect(await scannedFiles(repo, '--ignore', 'keep.bundle.js', 'app/src')).toEqual(['app/src/chat.js', 'app/src/chat.test.js', 'app/src/my chat.js']);
  });

  test('a file named on the command line is scanned even when --ignore matches it', async () => {
    expect(await scannedFiles(repo, '--ignore', '*.test.js', 'app/src/chat.test.js')).toEqual(['app/src/chat.test.js']);
  });
});
