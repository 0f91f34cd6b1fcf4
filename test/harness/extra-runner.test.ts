// A new language is one runner plus its registration: a TypeScript runner defined here, through
// the public contract only, finds its files, runs every scenario and reports like the others.
import path from 'node:path';
import { dirname, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT, runHarness } from '../../scripts/harness/harness.ts';
import { toReport } from '../../scripts/report/reporters/summary.ts';
import { SCENARIO_NAMES } from '../../scripts/harness/case/scenarios.ts';
import { HarnessReportSchema } from '../../scripts/report/report-schema.ts';
import { defineRunner } from '../../scripts/runners/runner-contract.ts';
import { runProcess } from '../../scripts/runners/process.ts';
import { DEFAULT_RUNNERS } from '../../scripts/runners/registry.ts';

/** TypeScript snippets (`.mts`), run by the harness's own Node with type stripping. */
const typescriptRunner = defineRunner({
  id: 'typescript',
  label: 'TypeScript',
  extensions: ['.mts'],
  // Node's V8 maps more private memory when it starts than the sandbox's default allows.
  limits: { memoryMiB: 1024 },
  async detect() {
    return { available: true, version: `Node.js ${process.versions.node} (type stripping)` };
  },
  async prepare(file) {
    return { command: process.execPath, args: [resolve(file)], cwd: dirname(resolve(file)) };
  },
  run: runProcess,
});

describe('an extra runner', () => {
  test('runs its files under every scenario and reports them like the built-in languages', async () => {
    const root = path.join(PROJECT_ROOT, 'test', 'fixtures', 'extra-language');
    const run = await runHarness({ root, runners: [...DEFAULT_RUNNERS, typescriptRunner] });
    expect(run.results.map((result) => result.key)).toEqual(SCENARIO_NAMES.map((scenario) => `list-clients/typescript/${scenario}`));
    for (const result of run.results) {
      expect(
        result.status,
        result.checks
          .filter((c) => c.status === 'failed')
          .map((c) => c.message)
          .join('\n'),
      ).toBe('passed');
      expect(result.checks.map((check) => check.id)).toContain('auth-header');
    }
    const report = HarnessReportSchema.parse(toReport(run.results, run.info));
    expect(report.cases[0]).toMatchObject({
      example: 'list-clients',
      language: 'typescript',
      file: 'test/fixtures/extra-language/list-clients/list-clients.mts',
    });
  });

  test('leaves the file unclaimed when it is not registered', async () => {
    const root = path.join(PROJECT_ROOT, 'test', 'fixtures', 'extra-language');
    const run = await runHarness({ root });
    expect(run.results).toEqual([]);
  });
});
