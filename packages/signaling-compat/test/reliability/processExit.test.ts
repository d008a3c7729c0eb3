import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./fixtures/busySessionLogsOut.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Not a measure of speed: a process that has not exited by then never will. */
const GIVE_UP_MS = 30_000;

describe('a Node process exits by itself after its app logs out', () => {
  it('with attribute, message, member-count and call work in flight at logout', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const outcome = await new Promise<{ code: number | null; exited: boolean }>((resolve) => {
      const giveUp = setTimeout(() => {
        child.kill('SIGKILL');
        resolve({ code: null, exited: false });
      }, GIVE_UP_MS);
      child.on('exit', (code) => {
        clearTimeout(giveUp);
        resolve({ code, exited: true });
      });
    });
    expect(outcome.exited, `still running after logout; stdout: ${stdout}`).toBe(true);
    expect({ code: outcome.code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('logged out\n');
  }, GIVE_UP_MS + 10_000);
});
