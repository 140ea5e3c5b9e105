import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,db,electron,platform,build,tests/node}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.e2e.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts', 'electron/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['./tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own servers and browser; two cores run two at a time.
          maxWorkers: 2,
          // Runs after the unit project, in its own group: projects with different worker limits may not share one.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
