/**
 * Size of the script-tag shim (`signaling-compat.global.js`): the browser entry bundled the way
 * tsup.config.ts builds it (IIFE, ES2022, minified, dependencies inlined), in memory, so the
 * benchmark never touches `dist/`. The fake is a separate script and must not be in it.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ENTRY = 'packages/signaling-compat/src/browser/signal.global.ts';

export interface BundleSize {
  minBytes: number;
  gzBytes: number;
  /** Minified bytes per source directory (`src/core`, `node_modules/eventemitter3`, …), largest first. */
  byDirectory: Record<string, number>;
}

export async function bundleSize(): Promise<BundleSize> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${ENTRY}`);
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const fake = Object.keys(inputs).filter((path) => path.includes('src/fake/'));
  if (fake.length > 0) throw new Error(`the shim bundle contains fake code: ${fake.join(', ')}`);
  const byDirectory: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const path = input.replace(/^packages\/signaling-compat\//, '');
    const directory = path.split('/').slice(0, path.startsWith('node_modules/') ? 2 : 3).join('/');
    const key = directory.endsWith('.ts') ? path.split('/').slice(0, -1).join('/') : directory;
    byDirectory[key] = (byDirectory[key] ?? 0) + bytesInOutput;
  }
  const sorted = Object.entries(byDirectory).sort(([, a], [, b]) => b - a);
  return { minBytes: output.contents.byteLength, gzBytes: gzipSync(output.contents).byteLength, byDirectory: Object.fromEntries(sorted) };
}
