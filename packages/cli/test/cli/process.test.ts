import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// The command as a process: what `runCli` cannot show in-process is how the exit code and a closed
// stdout reach the shell.
const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `signaling-compat-cli …` from the sources; `closeStdout` closes the reading end at once. */
function runProcess(argv: string[], closeStdout = false): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('the process exits with the policy code and prints the reason', async () => {
  const [usage, version] = await Promise.all([runProcess(['scan', '--fail-on', 'everything']), runProcess(['--version'])]);
  expect(usage).toEqual({
    code: 2,
    stdout: '',
    stderr: "signaling-compat-cli scan: --fail-on takes one of unsupported, emulated, native, not 'everything'\nRun 'signaling-compat-cli scan --help' for usage.\n",
  });
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(version).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
}, 60_000);

test('demo into a closed pipe (demo | head -1) finishes quietly with exit code 0', async () => {
  const { code, stderr } = await runProcess(['demo'], true);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
}, 60_000);
