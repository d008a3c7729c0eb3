/**
 * Size of the script-tag shim (`signaling-compat.global.js`): the browser entry bundled the way
 * tsup.config.ts builds it (IIFE, ES2022, minified, dependencies inlined), in memory, so the
 * benchmark never touches `dist/`. The fake is a separate script and must not be in it.
 */
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';

const ENTRY = 'packages/signaling-compat/src/browser/signal.global.ts';

export interface BundleSize {
  minBytes: number;
  gzBytes: number;
  /** Minified bytes per source directory (`src/core`, `node_modules/eventemitter3`, …), largest first. */
  byDirectory: Record<string, number>;
}

/**
 * A Web-only script: the global `Signal` of the Web dialect alone (pages never use the Server or
 * native dialects), bundled from an in-memory entry until the package ships such a script.
 */
const WEB_ONLY_ENTRY = {
  contents: "import { Signal } from './legacy/Signal';\nglobalThis.Signal = Signal;\n",
  resolveDir: 'packages/signaling-compat/src',
  sourcefile: 'web-only.global.ts',
  loader: 'ts',
} as const;

export function bundleSize(): Promise<BundleSize> {
  return measure({ entryPoints: [ENTRY] }, ENTRY);
}

export function webBundleSize(): Promise<BundleSize> {
  return measure({ stdin: WEB_ONLY_ENTRY }, WEB_ONLY_ENTRY.sourcefile);
}

async function measure(entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>, name: string): Promise<BundleSize> {
  const result = await build({
    ...entry,
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
  if (!output) throw new Error(`esbuild produced nothing for ${name}`);
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
