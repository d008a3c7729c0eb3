/**
 * Builds the package once for every test that needs it, and only when its inputs changed.
 *
 * Each build goes to its own directory, `.tmp/build-<fingerprint of the inputs>/`, holding `dist/`
 * and the other files the package publishes, so tests can pack, serve and lint it while the
 * sources keep changing and other test runs build theirs. Test files run in parallel workers: the
 * first one to need a build makes it under a lock, the others wait for it.
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

/** A finished build: a directory laid out like the package's root, and its `dist/`. */
export interface Build {
  packageDir: string;
  distDir: string;
}

const workDir = join(workspaceRoot, '.tmp');
/** What the build reads. */
const buildInputs = ['src', 'tsup.config.ts', 'tsconfig.json', 'package.json'];
/** Published next to `dist/` (package.json `files`, plus what npm always includes). */
const publishedFiles = ['package.json', 'README.md', 'migration-guide.md', 'docs'];
/** Builds untouched for this long belong to sources long gone. */
const staleBuildMs = 60 * 60 * 1000;

const run = promisify(execFile);

let built: Promise<Build> | undefined;

/** Resolves once there is a build of the current sources. */
export function ensureBuilt(): Promise<Build> {
  built ??= buildOnce();
  return built;
}

async function buildOnce(): Promise<Build> {
  const fingerprint = fingerprintInputs();
  const packageDir = join(workDir, `build-${fingerprint}`);
  const result = { packageDir, distDir: join(packageDir, 'dist') };
  if (existsSync(packageDir)) return result;
  mkdirSync(workDir, { recursive: true });
  await withLock(join(workDir, `build-${fingerprint}.lock`), async () => {
    if (existsSync(packageDir)) return; // another worker built it while this one waited
    const partial = mkdtempSync(join(workDir, `partial-${fingerprint}-`));
    try {
      await buildInto(partial);
      renameSync(partial, packageDir);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  });
  removeStaleBuilds();
  return result;
}

async function buildInto(dir: string): Promise<void> {
  try {
    await run(join(workspaceRoot, 'node_modules/.bin/tsup'), ['--out-dir', join(dir, 'dist')], {
      cwd: repoRoot,
      maxBuffer: 16 << 20,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`build failed:\n${stdout}\n${stderr}`);
  }
  for (const file of publishedFiles) {
    if (existsSync(join(repoRoot, file))) cpSync(join(repoRoot, file), join(dir, file), { recursive: true });
  }
}

function fingerprintInputs(): string {
  const hash = createHash('sha256');
  const files = [...buildInputs, ...publishedFiles].flatMap((input) => listFiles(join(repoRoot, input)));
  for (const file of [...new Set(files)].sort()) {
    hash.update(relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
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
    if (!/^(build|partial)-/.test(name)) continue;
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
