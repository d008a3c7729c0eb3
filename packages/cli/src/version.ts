import { readFileSync } from 'node:fs';

export interface CliManifest {
  name: string;
  version: string;
  homepage: string;
}

/**
 * This package's package.json: one directory up both from `src/` and from the built
 * `dist/cli.js`, so the sources and the published command report the same version.
 */
export function cliManifest(): CliManifest {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as CliManifest;
}
