/**
 * A project outside the workspace that installs packed tarballs, as a user's app would: each test
 * file makes its own in a temporary folder, so nothing from the workspace's node_modules leaks in.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ConsumerProject {
  dir: string;
  /** Runs a command in the project; resolves with its output and exit code, never rejects. */
  run(command: string, args: string[], options?: { timeout?: number; env?: NodeJS.ProcessEnv }): Promise<Outcome>;
  remove(): void;
}

/**
 * Makes an empty project (package.json `{ name, private }` and the given fixture files), then
 * `npm install`s the tarballs into it.
 */
export async function installedProject(tarballs: string[], fixtures?: string): Promise<ConsumerProject> {
  const dir = mkdtempSync(join(tmpdir(), 'signaling-compat-consumer-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  if (fixtures) cpSync(fixtures, dir, { recursive: true });
  await run('npm', ['install', ...tarballs, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, timeout: 240_000 });
  return {
    dir,
    async run(command, args, options) {
      try {
        const env = options?.env && { ...process.env, ...options.env };
        const { stdout, stderr } = await run(command, args, { cwd: dir, timeout: options?.timeout ?? 60_000, env });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const { code, stdout = '', stderr = '' } = error as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof code === 'number' ? code : -1, stdout, stderr };
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
