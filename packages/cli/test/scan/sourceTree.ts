import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/runCli';

/** Writes `files` (path relative to `root` → text) under `root`, making their folders. */
export async function writeFiles(root: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

/** A new temporary folder holding `files`; `remove()` deletes it. */
export async function temporaryTree(prefix: string, files: Readonly<Record<string, string>>) {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await writeFiles(root, files);
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** `signaling-compat-cli scan …argv` run in `cwd`, with what it wrote to each stream. */
export async function runScan(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['scan', ...argv], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {} });
  return { code, stdout, stderr };
}
