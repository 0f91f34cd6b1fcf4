// Test configuration: every test lives under test/ and belongs to one of four projects, by what it
// does (test/support/projects.ts; see test/README.md). `npx vitest run --project unit` runs the
// fast ones alone; `npm test` runs all four: unit, then programs, then site and pipeline side by
// side, whose copies of the project replay the results the programs project's run of every example
// stored.
import { defineConfig } from 'vitest/config';
import { PIPELINE, PROGRAMS, SITE, UNIT, type TestProjectSpec } from './test/support/projects.ts';

/** What a project's spec decides: its name, its files, its group, and how many files run at once. */
const fromSpec = (spec: TestProjectSpec) => ({
  name: spec.name,
  include: [...spec.files],
  sequence: { groupOrder: spec.groupOrder },
  ...(spec.maxWorkers === undefined ? {} : { maxWorkers: spec.maxWorkers }),
});

export default defineConfig({
  test: {
    // The default report, then one plain closing line (`tests: N passed, N failed, N skipped`).
    reporters: ['default', './test/support/summary-line-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          ...fromSpec(UNIT),
          // Nothing to prepare: a unit test taking long is one that belongs elsewhere.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // The files share their worker's modules instead of importing everything again each (half
          // the time): a unit test runs in its own process and leaves no shared state changed.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          ...fromSpec(PROGRAMS),
          // Each test's own work; what tests share is prepared before them (global setup) or in hooks.
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // Prepares every language's toolchain once, before the first test.
          globalSetup: ['test/support/toolchains-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...fromSpec(SITE),
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // Builds the docs site once for test/site and test/browser (see test/README.md).
          globalSetup: ['test/site/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...fromSpec(PIPELINE),
          // Each test is a whole `npm ci` or `npm run build`, and gives itself that command's limit. It
          // runs after the programs project: the result cache holds every example's results by then.
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
