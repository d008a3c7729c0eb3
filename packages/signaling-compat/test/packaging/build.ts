/**
 * Builds the workspace's packages (the library and the CLI) once for every test that needs them,
 * and only when their inputs changed, and packs them as `npm publish` would.
 *
 * Each build goes to its own directory, `.tmp/<name>-<fingerprint of the inputs>/`, holding `dist/`
 * and the other files the package publishes, so tests can pack, serve and lint it while the
 * sources keep changing and other test runs build theirs; its tarball goes next to it, in
 * `<build>.pack/`. Test files run in parallel workers: the first one to need a build or a tarball
 * makes it under a lock, the others wait for it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The package's own folder (packages/signaling-compat). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The workspace root, where the tools and the installed packages live. */
export const workspaceRoot = fileURLToPath(new URL('../../../..', import.meta.url));
/** The CLI package's folder (packages/cli). */
export const cliRoot = join(workspaceRoot, 'packages/cli');

/** A finished build: a directory laid out like the package's root, and its `dist/`. */
export interface Build {
  packageDir: string;
  distDir: string;
}

/** How to build one workspace package. */
interface PackageRecipe {
  /** Names the build directories. */
  name: string;
  root: string;
  /** What the build reads. */
  inputs: string[];
  /** Commands run in `root` after tsup, given the new `dist/`. */
  after: Array<(distDir: string) => [string, string[]]>;
}

const library: PackageRecipe = {
  name: 'build',
  root: repoRoot,
  inputs: ['src', 'scripts/cjs-declarations.ts', 'tsup.config.ts', 'tsconfig.json', 'package.json'],
  after: [(distDir) => [process.execPath, ['--import', 'tsx', 'scripts/cjs-declarations.ts', distDir]]],
};

const cli: PackageRecipe = {
  name: 'cli-build',
  root: cliRoot,
  inputs: ['src', 'tsup.config.ts', 'tsconfig.json', 'package.json'],
  after: [],
};

/** Files npm publishes whatever package.json `files` says. */
const ALWAYS_PUBLISHED = ['package.json', 'README.md', 'LICENSE'];

/**
 * What a build copies next to `dist/`: the top-level files and folders that package.json `files`
 * names outside `dist/`, and what npm always includes. Read from `files` so that a file added there
 * reaches the packed package without a second list to keep in step; `npm pack` applies the globs.
 */
function publishedOf(recipe: PackageRecipe): string[] {
  const { files = [] } = JSON.parse(readFileSync(join(recipe.root, 'package.json'), 'utf8')) as { files?: string[] };
  const topLevel = files.map((pattern) => pattern.split('/')[0]!).filter((entry) => entry !== 'dist');
  return [...new Set([...ALWAYS_PUBLISHED, ...topLevel])];
}

const workDir = join(workspaceRoot, '.tmp');
/** Builds untouched for this long belong to sources long gone. */
const staleBuildMs = 60 * 60 * 1000;

const run = promisify(execFile);

const builds = new Map<PackageRecipe, Promise<Build>>();
const packs = new Map<PackageRecipe, Promise<string>>();

/** Resolves once there is a build of the library's current sources. */
export function ensureBuilt(): Promise<Build> {
  return buildOf(library);
}

/** Resolves once there is a build of the CLI's current sources. */
export function ensureCliBuilt(): Promise<Build> {
  return buildOf(cli);
}

/** The library's tarball, as `npm pack` makes it from the current build. */
export function packedLibrary(): Promise<string> {
  return packOf(library);
}

/** The CLI's tarball, as `npm pack` makes it from the current build. */
export function packedCli(): Promise<string> {
  return packOf(cli);
}

function buildOf(recipe: PackageRecipe): Promise<Build> {
  let build = builds.get(recipe);
  if (!build) builds.set(recipe, (build = buildOnce(recipe)));
  return build;
}

function packOf(recipe: PackageRecipe): Promise<string> {
  let pack = packs.get(recipe);
  if (!pack) packs.set(recipe, (pack = packOnce(recipe)));
  return pack;
}

/** Packs a build once, into `<build>.pack/`, under the build's lock. */
async function packOnce(recipe: PackageRecipe): Promise<string> {
  const { packageDir } = await buildOf(recipe);
  const packDir = `${packageDir}.pack`;
  const tarball = () => readdirSync(packDir).find((name) => name.endsWith('.tgz'));
  if (!existsSync(packDir) || !tarball()) {
    await withLock(`${packageDir}.pack.lock`, async () => {
      if (existsSync(packDir) && tarball()) return;
      const partial = mkdtempSync(`${packageDir}.pack-partial-`);
      try {
        // The build is already made; --ignore-scripts skips the prepack rebuild.
        await run('npm', ['pack', '--ignore-scripts', '--pack-destination', partial], { cwd: packageDir });
        rmSync(packDir, { recursive: true, force: true });
        renameSync(partial, packDir);
      } finally {
        rmSync(partial, { recursive: true, force: true });
      }
    });
  }
  return join(packDir, tarball()!);
}

async function buildOnce(recipe: PackageRecipe): Promise<Build> {
  const fingerprint = fingerprintInputs(recipe);
  const packageDir = join(workDir, `${recipe.name}-${fingerprint}`);
  const result = { packageDir, distDir: join(packageDir, 'dist') };
  if (existsSync(packageDir)) return result;
  mkdirSync(workDir, { recursive: true });
  await withLock(join(workDir, `${recipe.name}-${fingerprint}.lock`), async () => {
    if (existsSync(packageDir)) return; // another worker built it while this one waited
    const partial = mkdtempSync(join(workDir, `partial-${fingerprint}-`));
    try {
      await buildInto(recipe, partial);
      renameSync(partial, packageDir);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  });
  removeStaleBuilds();
  return result;
}

async function buildInto(recipe: PackageRecipe, dir: string): Promise<void> {
  const distDir = join(dir, 'dist');
  const steps: Array<[string, string[]]> = [
    [join(workspaceRoot, 'node_modules/.bin/tsup'), ['--out-dir', distDir]],
    ...recipe.after.map((step) => step(distDir)),
  ];
  for (const [command, args] of steps) {
    try {
      await run(command, args, { cwd: recipe.root, maxBuffer: 16 << 20 });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`${recipe.name} failed:\n${stdout}\n${stderr}`);
    }
  }
  for (const file of publishedOf(recipe)) {
    if (existsSync(join(recipe.root, file))) cpSync(join(recipe.root, file), join(dir, file), { recursive: true });
  }
}

function fingerprintInputs(recipe: PackageRecipe): string {
  const hash = createHash('sha256');
  const files = [...recipe.inputs, ...publishedOf(recipe)].flatMap((input) => listFiles(join(recipe.root, input)));
  for (const file of [...new Set(files)].sort()) {
    hash.update(relative(recipe.root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => listFiles(join(path, name)));
}

function removeStaleBuilds(): void {
  for (const name of readdirSync(workDir)) {
    const path = join(workDir, name);
    if (!/^(build|cli-build|partial)-/.test(name)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > staleBuildMs) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed meanwhile by another run
    }
  }
}

async function withLock(lockDir: string, body: () => Promise<void>): Promise<void> {
  while (!tryLock(lockDir)) await released(lockDir);
  try {
    await body();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function tryLock(lockDir: string): boolean {
  try {
    mkdirSync(lockDir);
  } catch {
    return false;
  }
  writeFileSync(join(lockDir, 'pid'), String(process.pid));
  return true;
}

/** Polls until the lock holder finishes, or removes the lock of a process that no longer exists. */
async function released(lockDir: string): Promise<void> {
  for (;;) {
    if (!existsSync(lockDir)) return;
    if (holderIsGone(lockDir)) {
      rmSync(lockDir, { recursive: true, force: true });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function holderIsGone(lockDir: string): boolean {
  try {
    const pidFile = join(lockDir, 'pid');
    // No pid yet: the holder is between creating the directory and writing its pid, unless that
    // was long ago and it died in between.
    if (!existsSync(pidFile)) return Date.now() - statSync(lockDir).mtimeMs > 30_000;
    process.kill(Number(readFileSync(pidFile, 'utf8')), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
