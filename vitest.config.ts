// Test configuration: every test lives under test/, see test/README.md for what goes where.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // The default report, then one plain closing line (`tests: N passed, N failed, N skipped`).
    reporters: ['default', './test/support/summary-line-reporter.ts'],
    // Builds the docs site once for test/site and test/browser, and prepares every language's
    // toolchain once before the tests that run programs (see test/README.md).
    globalSetup: ['test/site/global-setup.ts', 'test/support/toolchains-global-setup.ts'],
  },
});
