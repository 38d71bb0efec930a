import { defineConfig } from 'vitest/config';

// Integration tests start servers and databases; keep parallelism modest on a 2-core machine.
const common = { pool: 'forks' as const, testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // Root only: projects repeat neither this nor an inherited copy, so the build runs once.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      { test: { ...common, name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/web/**'], maxWorkers: 2 } },
      {
        // Real Chromium (test/support/browser.ts): one browser test file at a time, after the rest of the
        // suite, so two browsers never compete with each other (or with the other tests) for 2 cores.
        test: {
          ...common,
          name: 'web',
          include: ['test/web/**/*.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
