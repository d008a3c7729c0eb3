/**
 * Sizes of the script-tag shims as the package ships them: `dist/signaling-compat.global.js`
 * (every dialect, RTM 1.x and 2.x) and `dist/signaling-compat-web.global.js` (the Web dialect on
 * RTM 1.x), from the build bench/run.mjs made (or the current one with `--no-build`). Each input's
 * share comes from the esbuild metafile the build writes next to them: bytes as esbuild wrote them,
 * before terser's pass, so the shares add up to a little more than the file. The fake is a separate
 * script and must be in neither.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const DIST = 'packages/signaling-compat/dist';

export interface BundleSize {
  minBytes: number;
  gzBytes: number;
  /** Minified bytes per source directory (`src/core`, `node_modules/eventemitter3`, …), largest first. */
  byDirectory: Record<string, number>;
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

export function bundleSize(): Promise<BundleSize> {
  return measure('signaling-compat.global.js');
}

export function webBundleSize(): Promise<BundleSize> {
  return measure('signaling-compat-web.global.js');
}

async function measure(file: string): Promise<BundleSize> {
  const code = await readFile(`${DIST}/${file}`);
  const meta = JSON.parse(await readFile(`${DIST}/metafile-iife.json`, 'utf8')) as Metafile;
  const output = Object.entries(meta.outputs).find(([path]) => path.endsWith(`/${file}`));
  if (!output) throw new Error(`${DIST}/metafile-iife.json does not list ${file}`);
  const inputs = Object.entries(output[1].inputs).map(([path, { bytesInOutput }]) => [path.replace(/^(\.\.\/)+/, ''), bytesInOutput] as const);
  const fake = inputs.map(([path]) => path).filter((path) => path.startsWith('src/fake'));
  if (fake.length > 0) throw new Error(`${file} contains fake code: ${fake.join(', ')}`);
  const byDirectory: Record<string, number> = {};
  for (const [path, bytes] of inputs) {
    const directory = path.split('/').slice(0, path.startsWith('node_modules/') ? 2 : 3).join('/');
    const key = directory.endsWith('.ts') ? path.split('/').slice(0, -1).join('/') : directory;
    byDirectory[key] = (byDirectory[key] ?? 0) + bytes;
  }
  const sorted = Object.entries(byDirectory).sort(([, a], [, b]) => b - a);
  return { minBytes: code.byteLength, gzBytes: gzipSync(code).byteLength, byDirectory: Object.fromEntries(sorted) };
}
