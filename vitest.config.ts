// Test projects: `unit` (pure and engine tests beside the code, on real SQLite files) and `e2e`
// (the built app in Debian's Chromium, through playwright-core, against the real engine).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'test/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Issue 7's crash test: a child PlanDesk killed with SIGKILL ≥ 50 times (about a minute).
        extends: true,
        test: { name: 'crash', include: ['test/crash/**/*.test.ts'], testTimeout: 300_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/server/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A busy 2-core CI machine runs the engine, the server and Chromium at once: give polled
          // expectations time (they still fail when the condition never holds).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
