import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the end-to-end tests (tests/e2e/*.e2e.ts). They drive real clients (the ESLint language
// server, the ESLint CLI with the SARIF formatter, oxlint, npm pack/install, publint, attw, tsc, and `npm run
// new-rule` followed by `npm test` in a copy of the repository) against the built dist/, so the script builds first.
// They are mostly child processes and temporary directories, not CPU in this process: two files at a time, generous
// time limits, each with its own hard timeouts inside.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
  },
});
