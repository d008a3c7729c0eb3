import { defineConfig } from 'tsup';

// The command is one ESM file. `signaling-compat` and the scanner's parser stay external: they are
// this package's dependencies, so the CLI runs the same library code a user imports.
export default defineConfig({
  entry: { cli: 'src/main.ts' },
  format: 'esm',
  target: 'es2022',
  platform: 'node',
});
