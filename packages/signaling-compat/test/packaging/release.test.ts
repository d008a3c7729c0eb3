/**
 * What `npm publish` would release: both packages, from their builds, as tarballs. They agree on
 * one version, carry the licence and the repository's metadata, pass `npm publish --dry-run`
 * without a warning, and their types pass arethetypeswrong.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { cliRoot, ensureBuilt, ensureCliBuilt, packedCli, packedLibrary, repoRoot, workspaceRoot } from './build';

const run = promisify(execFile);

interface Manifest {
  name: string;
  version: string;
  license: string;
  repository: { type: string; url: string; directory: string };
  homepage: string;
  bugs: { url: string };
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
}

let library: { tarball: string; packageDir: string };
let cli: { tarball: string; packageDir: string };

beforeAll(async () => {
  const [libraryBuild, cliBuild, libraryTarball, cliTarball] = await Promise.all([
    ensureBuilt(),
    ensureCliBuilt(),
    packedLibrary(),
    packedCli(),
  ]);
  library = { tarball: libraryTarball, packageDir: libraryBuild.packageDir };
  cli = { tarball: cliTarball, packageDir: cliBuild.packageDir };
}, 300_000);

/** One file of a tarball, as npm would unpack it. */
async function fromTarball(tarball: string, file: string): Promise<string> {
  const { stdout } = await run('tar', ['-xOzf', tarball, `package/${file}`], { cwd: dirname(tarball) });
  return stdout;
}

async function filesOf(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball]);
  return stdout.trim().split('\n').map((path) => path.replace(/^package\//, ''));
}

const manifestOf = async (tarball: string): Promise<Manifest> => JSON.parse(await fromTarball(tarball, 'package.json'));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('the packages as published', () => {
  test('agree on one version with the workspace, the CLI dependency and the CHANGELOG', async () => {
    const [libraryManifest, cliManifest] = await Promise.all([manifestOf(library.tarball), manifestOf(cli.tarball)]);
    const { version } = libraryManifest;
    // The newest released version: changes not released yet sit above it under `## Unreleased`.
    const latestChangelogEntry = /^## (?!Unreleased$)(\S+)$/m.exec(readFileSync(join(workspaceRoot, 'CHANGELOG.md'), 'utf8'))?.[1];
    expect({
      cli: cliManifest.version,
      cliDependsOn: cliManifest.dependencies?.['signaling-compat'],
      workspace: readJson(join(workspaceRoot, 'package.json')).version,
      changelog: latestChangelogEntry,
    }).toEqual({ cli: version, cliDependsOn: version, workspace: version, changelog: version });
  });

  test('carry the MIT licence and one repository, each naming its own folder', async () => {
    const licence = readFileSync(join(workspaceRoot, 'LICENSE'), 'utf8');
    const root = readJson(join(workspaceRoot, 'package.json'));
    for (const [tarball, directory] of [
      [library.tarball, 'packages/signaling-compat'],
      [cli.tarball, 'packages/cli'],
    ]) {
      const manifest = await manifestOf(tarball);
      expect(await fromTarball(tarball, 'LICENSE')).toBe(licence);
      expect(manifest.license).toBe(root.license);
      expect(manifest.repository).toEqual({ ...root.repository, directory });
      expect({ homepage: manifest.homepage, bugs: manifest.bugs }).toEqual({ homepage: root.homepage, bugs: root.bugs });
    }
    expect(licence).toMatch(/^MIT License\n/);
    expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toBe(licence);
    expect(readFileSync(join(cliRoot, 'LICENSE'), 'utf8')).toBe(licence);
  });

  test('the CLI tarball keeps its bin, and the library ships no tooling', async () => {
    const cliManifest = await manifestOf(cli.tarball);
    expect(cliManifest.bin).toEqual({ 'signaling-compat-cli': 'dist/cli.js' });
    expect(await filesOf(cli.tarball)).toContain('dist/cli.js');
    expect((await fromTarball(cli.tarball, 'dist/cli.js')).startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(Object.keys((await manifestOf(library.tarball)).dependencies ?? {})).toEqual(['eventemitter3']);
  });

  test('carry every file outside dist/ that npm would publish from the package folder, README.md included', async () => {
    for (const [tarball, root] of [
      [library.tarball, repoRoot],
      [cli.tarball, cliRoot],
    ] as const) {
      // What `npm publish` run in the package's own folder would take (dist/ may not be built there).
      const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
      const [{ files }] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
      const outsideDist = (paths: string[]) => paths.filter((path) => !path.startsWith('dist/')).sort();
      const packed = outsideDist(await filesOf(tarball));
      expect(packed).toEqual(outsideDist(files.map((file) => file.path)));
      expect(packed).toContain('README.md');
    }
    expect(await filesOf(cli.tarball)).toContain('demo/legacy-call.html');
  }, 60_000);

  test('npm publish --dry-run has no warning for either package', async () => {
    for (const { packageDir } of [library, cli]) {
      const { stderr } = await run('npm', ['publish', '--dry-run', '--ignore-scripts', '--offline'], { cwd: packageDir });
      // The one warning every offline dry run gives: it cannot check a login it does not need.
      const warnings = stderr.split('\n').filter((line) => /^npm warn/i.test(line) && !/requires you to be logged in/.test(line));
      expect(warnings).toEqual([]);
    }
  }, 60_000);

  test('arethetypeswrong finds no problem with the library in any resolution mode', async () => {
    const attw = join(workspaceRoot, 'node_modules/.bin/attw');
    // --no-definitely-typed: the package brings its own types, and the check stays offline.
    const outcome = await run(attw, [library.tarball, '--format', 'json', '--no-definitely-typed', '--profile', 'strict']).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    const report = JSON.parse(outcome) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './fake', './global', './mapping', './package.json']);
    expect(report.analysis.problems).toEqual([]);
  }, 60_000);
});
