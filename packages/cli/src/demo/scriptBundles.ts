import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The two script-tag bundles of `signaling-compat`: the shim (`window.Signal`) and the fake. */
export interface ScriptBundles {
  shim: string;
  fake: string;
}

const SHIM = 'signaling-compat.global.js';
const FAKE = 'signaling-compat-fake.global.js';

/**
 * The installed package's built bundles; inside this repository, where the library may not be
 * built, the same entry points bundled from its sources on the spot (esbuild, a build tool of the
 * workspace).
 */
export async function loadScriptBundles(): Promise<ScriptBundles> {
  const packageDir = dirname(createRequire(import.meta.url).resolve('signaling-compat/package.json'));
  const built = (name: string) => join(packageDir, 'dist', name);
  if (existsSync(built(SHIM)) && existsSync(built(FAKE))) {
    return { shim: readFileSync(built(SHIM), 'utf8'), fake: readFileSync(built(FAKE), 'utf8') };
  }
  const sources = join(packageDir, 'src/browser');
  if (!existsSync(sources)) throw new Error(`signaling-compat's script bundles are missing from ${join(packageDir, 'dist')}`);
  const { build } = await import('esbuild');
  const bundle = async (entry: string) => {
    const result = await build({
      entryPoints: [join(sources, entry)],
      bundle: true,
      format: 'iife',
      target: 'es2022',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  };
  return { shim: await bundle('signal.global.ts'), fake: await bundle('fake.global.ts') };
}
