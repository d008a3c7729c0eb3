import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // An unhandled rejection anywhere fails the run (vitest's default; stated here on purpose).
    dangerouslyIgnoreUnhandledErrors: false,
    testTimeout: 20_000,
    // The JSON report lets CI print one plain "N passed, N failed" line (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-results.json' }]],
  },
});
