import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // An unhandled rejection anywhere fails the run (vitest's default; stated here on purpose).
    dangerouslyIgnoreUnhandledErrors: false,
    testTimeout: 20_000,
  },
});
