/**
 * `npm run bench`: builds the package (the code users run, `packages/signaling-compat/dist`),
 * compiles the benchmark itself with esbuild (`bench/dist/main.mjs`, with `signaling-compat` left
 * as an import so it resolves to that build), then runs it with plain `node --expose-gc`: no tsx,
 * whose per-closure `__name()` calls would be timed with the shim.
 *
 *   npm run bench                      readable report          npm run -s bench -- --json
 *   npm run bench -- --no-build        reuse the current dist   npm run bench -- --quick
 *
 * Everything but `--no-build` is passed on to bench/main.ts. The build's output goes to stderr, so
 * `--json` leaves exactly one JSON object on stdout.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

if (!args.includes('--no-build')) {
  process.stderr.write('bench: building signaling-compat…\n');
  const built = spawnSync('npm', ['run', '-s', 'build', '-w', 'signaling-compat'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

await build({
  entryPoints: [`${root}/bench/main.ts`],
  outfile: `${root}/bench/dist/main.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages (signaling-compat, esbuild) stay imports: the package resolves to its dist through the
  // workspace link in node_modules. An empty tsconfig keeps the root tsconfig's `paths`, which
  // point the typechecker at the sources, out of the compiled benchmark.
  packages: 'external',
  tsconfigRaw: '{}',
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, ['--expose-gc', `${root}/bench/dist/main.mjs`, ...args.filter((a) => a !== '--no-build')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
