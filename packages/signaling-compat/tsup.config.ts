import { defineConfig } from 'tsup';

// Three builds of one source tree:
// - ESM: the library subpaths. Splitting puts shared code into chunks, so `./fake` and `.` share one
//   copy of the code they have in common.
// - CJS: the same subpaths for `require`. `.` comes from `src/index.cjs.ts`, which makes
//   `require('signaling-compat')` return the callable `Signal` (the legacy `module.exports = Signal`).
//   Its declarations are generated from `src/index.ts` as `dist/exports.d.cts`, and
//   `scripts/cjs-declarations.ts` (run after tsup) wraps them in `dist/index.d.cts` as the
//   `export =` of a callable, so TypeScript and checkJs see `require()`'s result as callable too.
// - IIFE: minified script-tag bundles. The shim defines `window.Signal` like the legacy
//   `AgoraSig-*.js`, with every dialect on RTM 1.x and 2.x; the Web-only shim has the Web dialect
//   on RTM 1.x alone (what pages used, at about a third of the size); the fake is a separate file
//   so pages that don't use it never download it.
//
// `global` is what `import 'signaling-compat/global'` runs: it defines the global `Signal`. In ESM
// it shares its chunks with `.`, so the global is the very `Signal` the package exports; its
// declarations are the global's type, sharing the declaration chunks of `.` likewise.
//
// Target ES2022 everywhere: supported Node versions and current browsers run it as is, and
// keeping the core's `#private` fields native (not lowered to WeakMap helpers) makes the script
// bundle ~13% smaller.
const subpaths = {
  index: 'src/index.ts',
  fake: 'src/fake/index.ts',
  mapping: 'src/mapping/index.ts',
};
const globalScript = { global: 'src/browser/signal.global.ts' };

export default defineConfig([
  {
    entry: { ...subpaths, ...globalScript },
    format: 'esm',
    target: 'es2022',
    splitting: true,
    dts: { entry: { ...subpaths, ...globalScript } },
  },
  {
    entry: { ...subpaths, index: 'src/index.cjs.ts', ...globalScript },
    format: 'cjs',
    target: 'es2022',
    dts: { entry: { exports: subpaths.index, fake: subpaths.fake, mapping: subpaths.mapping, ...globalScript } },
    esbuildOptions(options) {
      // `src/index.cjs.ts` assigns `module.exports` on purpose; esbuild warns about that in a
      // module that also uses `import`.
      options.logOverride = { ...options.logOverride, 'commonjs-variable-in-esm': 'silent' };
    },
  },
  {
    entry: {
      'signaling-compat': 'src/browser/signal.global.ts',
      'signaling-compat-web': 'src/browser/web.global.ts',
      'signaling-compat-fake': 'src/browser/fake.global.ts',
    },
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    // esbuild minifies (renaming `#private` names too, which terser keeps), then terser compresses
    // further: about 450 B and 360 B gzipped less on the Web-only script than esbuild alone.
    minify: 'terser',
    minifyWhitespace: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    terserOptions: { ecma: 2020, compress: { passes: 2 } },
    // dist/metafile-iife.json lists each bundle's inputs, so a test can prove the shim bundle
    // carries no fake code and the fake bundle no shim code.
    metafile: true,
    // A script tag has no module loader: everything, dependencies included, goes in the file.
    noExternal: [/./],
  },
]);
