import { defineConfig } from 'tsup';

// Two ESM entries: the command (`cli`) and the library (`index`: `startFakeRtmServer` for test
// setups, with declarations). `signaling-compat`, `ws` and the scanner's parser stay external:
// they are this package's dependencies, so the CLI runs the same library code a user imports.
export default defineConfig({
  entry: { cli: 'src/main.ts', index: 'src/serve/index.ts' },
  format: 'esm',
  target: 'es2022',
  platform: 'node',
  dts: { entry: { index: 'src/serve/index.ts' } },
});
