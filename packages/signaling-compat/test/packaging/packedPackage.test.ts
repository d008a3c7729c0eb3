/**
 * The package as users get it: `npm pack`, installed into a separate project, used from ESM,
 * CommonJS, both at once, a bundler that tree-shakes, and webpack.
 */
import { build } from 'esbuild';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpack from 'webpack';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packedLibrary, repoRoot } from './build';
import { installedProject, type ConsumerProject } from './consumerProject';

let project: ConsumerProject;

beforeAll(async () => {
  project = await installedProject([await packedLibrary()], join(repoRoot, 'test/packaging/consumer'));
}, 300_000);

afterAll(() => project?.remove());

const expectedExchange = {
  uids: ['number', 'number'],
  received: ['alice', 0, 'hello bob'],
  sendFailed: false,
  logoutCodes: [101, 101],
};

/** Bundles one file of the project with esbuild, minified, as an app's build would. */
async function bundle(file: string): Promise<{ code: string; warnings: string[] }> {
  const result = await build({
    entryPoints: [join(project.dir, file)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0].text, warnings: result.warnings.map((warning) => warning.text) };
}

/** Bundles one file of the project with webpack for Node, runs the bundle, and returns its outcome. */
async function webpackRun(folder: string, file: string) {
  const outputFile = `${file.replace(/\.js$/, '')}.bundle.cjs`;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(
      {
        mode: 'production',
        target: 'node',
        context: join(project.dir, folder),
        entry: `./${file}`,
        output: { path: join(project.dir, folder), filename: outputFile },
        optimization: { minimize: false },
      },
      (error, result) => (error || !result ? reject(error) : resolve(result)),
    ),
  );
  expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
  return project.run('node', [join(folder, outputFile)]);
}

describe('the packed package', () => {
  test('installs itself and eventemitter3, nothing else', () => {
    const installed = readdirSync(join(project.dir, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed.sort()).toEqual(['eventemitter3', 'signaling-compat']);
  });

  test('imports every subpath from ESM and runs two clients on the fake', async () => {
    const { code, stdout, stderr } = await project.run('node', ['esm.mjs']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ defaultType: 'function', namedSignalIsDefault: true, exchange: expectedExchange });
    expect(report.exports).toEqual(expect.arrayContaining(['Signal', 'default', 'AgoraAPI', 'createAgoraSDKInstance']));
    expect(report.fake).toEqual(expect.arrayContaining(['FakeRtm', 'ManualClock']));
    expect(report.mapping).toEqual(expect.arrayContaining(['MAPPING', 'findMapping']));
    expect(report.mappingRows).toBeGreaterThan(0);
  });

  test('require() returns the callable Signal with .default and the named exports, as the legacy package did', async () => {
    const [esm, cjs] = await Promise.all([project.run('node', ['esm.mjs']), project.run('node', ['cjs.cjs'])]);
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

  test('the ESM and the CommonJS copy in one process share one set of Signal.configure() defaults', async () => {
    const { code, stdout, stderr } = await project.run('node', ['both-copies.mjs']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      twoCopies: true,
      esmSeesCjsBackend: true,
      cjsSeesEsmOption: 'escape',
      esmLogin: 'onLoginSuccess(number)',
    });
  });

  test('a bare import of signaling-compat/global defines globalThis.Signal, the Signal the package exports', async () => {
    const esm = "import Signal from 'signaling-compat'; await import('signaling-compat/global'); console.log(globalThis.Signal === Signal)";
    const cjs = "require('signaling-compat/global'); console.log(typeof globalThis.Signal)";
    expect((await project.run('node', ['--input-type=module', '-e', esm])).stdout.trim()).toBe('true');
    expect((await project.run('node', ['--input-type=commonjs', '-e', cjs])).stdout.trim()).toBe('function');
  });

  test('a bundle that imports only LegacyCode leaves the shim out', async () => {
    const [constant, shim] = await Promise.all([bundle('legacy-code.mjs'), bundle('whole-shim.mjs')]);
    expect(constant.warnings).toEqual([]);
    // What stays is the code table and eventemitter3, which declares no `sideEffects` of its own, so
    // a bundler keeps the import of it that the shim's chunk makes.
    expect(constant.code.length).toBeLessThan(6 * 1024);
    expect(shim.code.length).toBeGreaterThan(30 * 1024);
    expect(constant.code).not.toContain('onLoginSuccess');
    expect(shim.code).toContain('onLoginSuccess');
  });

  test('a bundler keeps the side effect of signaling-compat/global', async () => {
    const { code, warnings } = await bundle('global-import.mjs');
    expect(warnings).toEqual([]);
    writeFileSync(join(project.dir, 'global-import.bundle.mjs'), code);
    const { stdout } = await project.run('node', ['global-import.bundle.mjs']);
    expect(stdout.trim()).toBe('function');
  });

  describe('under webpack', () => {
    test('`.` resolves to the CommonJS build', async () => {
      const resolve = "console.log(import.meta.resolve('signaling-compat'))";
      const withWebpack = await project.run('node', ['--conditions=webpack', '--input-type=module', '-e', resolve]);
      const plain = await project.run('node', ['--input-type=module', '-e', resolve]);
      expect(withWebpack.stdout.trim()).toMatch(/\/dist\/index\.cjs$/);
      expect(plain.stdout.trim()).toMatch(/\/dist\/index\.js$/);
    });

    test('`import * as Signal; Signal(appid)` works in a package without "type": "module"', async () => {
      const { code, stdout, stderr } = await webpackRun('webpack-auto', 'namespace-import.js');
      expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: 'onLoginSuccess(number)\n', stderr: '' });
    }, 60_000);

    test('in a package with "type": "module" a namespace is not callable; the default import works', async () => {
      const namespace = await webpackRun('webpack-esm', 'namespace-import.js');
      expect(namespace.code).not.toBe(0);
      expect(namespace.stderr).toMatch(/TypeError: .* is not a function/);
      const defaultImport = await webpackRun('webpack-esm', 'default-import.js');
      expect(defaultImport).toEqual({ code: 0, stdout: 'onLoginSuccess(number)\n', stderr: '' });
    }, 60_000);
  });
});
