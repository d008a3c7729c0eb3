/**
 * The package as users get it: `npm pack`, installed into a separate project, used from ESM,
 * and CommonJS.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot } from './build';

const run = promisify(execFile);
const consumerFixtures = join(repoRoot, 'test/packaging/consumer');

let packDir: string;
let projectDir: string;

/** Runs a command in the consumer project; resolves with its output and exit code. */
async function inProject(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: projectDir, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout = '', stderr = '' } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof code === 'number' ? code : -1, stdout, stderr };
  }
}

beforeAll(async () => {
  const { packageDir } = await ensureBuilt();
  packDir = mkdtempSync(join(tmpdir(), 'signaling-compat-pack-'));
  projectDir = mkdtempSync(join(tmpdir(), 'signaling-compat-consumer-'));
  // The build is already made; --ignore-scripts skips the prepack rebuild.
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: packageDir });
  const [tarball] = readdirSync(packDir).filter((name) => name.endsWith('.tgz'));
  writeFileSync(join(projectDir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  cpSync(consumerFixtures, projectDir, { recursive: true });
  await run('npm', ['install', join(packDir, tarball), '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: projectDir,
    timeout: 240_000,
  });
}, 300_000);

afterAll(() => {
  for (const dir of [packDir, projectDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const expectedExchange = {
  uids: ['number', 'number'],
  received: ['alice', 0, 'hello bob'],
  sendFailed: false,
  logoutCodes: [101, 101],
};

describe('the packed package', () => {
  test('imports every subpath from ESM and runs two clients on the fake', async () => {
    const { code, stdout, stderr } = await inProject('node', ['esm.mjs']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ defaultType: 'function', namedSignalIsDefault: true, exchange: expectedExchange });
    expect(report.exports).toEqual(expect.arrayContaining(['Signal', 'default', 'AgoraAPI', 'createAgoraSDKInstance']));
    expect(report.fake).toEqual(expect.arrayContaining(['FakeRtm', 'ManualClock']));
    expect(report.mapping).toEqual(expect.arrayContaining(['MAPPING', 'findMapping']));
    expect(report.mappingRows).toBeGreaterThan(0);
  });

  test('require() returns the callable Signal with .default and the named exports, as the legacy package did', async () => {
    const [esm, cjs] = await Promise.all([inProject('node', ['esm.mjs']), inProject('node', ['cjs.cjs'])]);
    expect({ code: cjs.code, stderr: cjs.stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(cjs.stdout);
    expect(report).toMatchObject({
      type: 'function',
      defaultIsItself: true,
      namedSignalIsItself: true,
      exchange: expectedExchange,
    });
    expect(report.exports).toEqual(expect.arrayContaining(JSON.parse(esm.stdout).exports));
    expect(report.fake).toEqual(expect.arrayContaining(['FakeRtm', 'ManualClock']));
    expect(report.mapping).toEqual(expect.arrayContaining(['MAPPING', 'findMapping']));
  });

  test('webpack resolves `.` to the CommonJS build, so `import * as Signal` stays callable there', async () => {
    const resolve = "console.log(import.meta.resolve('signaling-compat'))";
    const webpack = await inProject('node', ['--conditions=webpack', '--input-type=module', '-e', resolve]);
    const plain = await inProject('node', ['--input-type=module', '-e', resolve]);
    expect(webpack.stdout.trim()).toMatch(/\/dist\/index\.cjs$/);
    expect(plain.stdout.trim()).toMatch(/\/dist\/index\.js$/);
  });

  test('a bare import of signaling-compat/global defines globalThis.Signal', async () => {
    const script = "await import('signaling-compat/global'); console.log(typeof globalThis.Signal)";
    const { stdout } = await inProject('node', ['--input-type=module', '-e', script]);
    expect(stdout.trim()).toBe('function');
  });
});
