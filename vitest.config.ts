import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(`./packages/signaling-compat/src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // The CLI's tests run against the library's sources, as tsconfig.json's `paths` say.
    alias: [
      { find: /^signaling-compat$/, replacement: source('index.ts') },
      { find: /^signaling-compat\/fake$/, replacement: source('fake/index.ts') },
      { find: /^signaling-compat\/mapping$/, replacement: source('mapping/index.ts') },
      {
        find: /^signaling-compat-cli$/,
        replacement: fileURLToPath(new URL('./packages/cli/src/serve/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'rtm1',
          include: ['packages/*/test/**/*.test.ts'],
          typecheck: { enabled: true, include: ['packages/*/test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        // The same Web, Server and native transcript tests and the interop test, on Signaling 2.x:
        // the harnesses read the backend from this variable (test/support/harness.ts).
        extends: true,
        test: {
          name: 'rtm2',
          include: [
            'packages/signaling-compat/test/{web,server,native}/**/*.test.ts',
            'packages/signaling-compat/test/interop.test.ts',
          ],
          env: { SIGNALING_COMPAT_BACKEND: 'rtm2' },
        },
      },
    ],
    // An unhandled rejection anywhere fails the run (vitest's default; stated here on purpose).
    dangerouslyIgnoreUnhandledErrors: false,
    testTimeout: 20_000,
    // The JSON report lets CI print one plain "N passed, N failed" line (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-results.json' }]],
  },
});
