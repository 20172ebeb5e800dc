import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'fixtures/reference-agent/tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Rule tests are CPU-bound; two workers match the CI machine.
    maxWorkers: 2,
  },
});
