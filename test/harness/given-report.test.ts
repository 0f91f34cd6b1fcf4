// A report made elsewhere stands for a run here only when it is of this commit and harness, about
// the files as they are now, and holds exactly the planned cases.
// vitest project: programs (test/support/projects.ts)
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenReportProblems } from '../../scripts/report/given-report.ts';
import { PROJECT_ROOT, engineOptions, planHarness, runHarness } from '../../scripts/harness/harness.ts';
import type { PlannedCase } from '../../scripts/harness/run/plan.ts';
import { toReport } from '../../scripts/report/reporters/summary.ts';
import type { HarnessReport } from '../../scripts/report/report-schema.ts';

let scratch: string;
let root: string;
let cases: PlannedCase[];
let report: HarnessReport;
const filter = { examples: ['verify-token'], languages: ['curl'] };

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'rr-given-report-'));
  root = path.join(scratch, 'snippets');
  await cp(path.join(PROJECT_ROOT, 'snippets'), root, { recursive: true });
  cases = (await planHarness({ root, ...filter })).cases;
  const run = await runHarness({ root, ...filter });
  report = toReport(run.results, run.info);
}, 120_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

const problems = (candidate: HarnessReport, planned = cases) =>
  givenReportProblems(candidate, planned, { projectRoot: PROJECT_ROOT, dependencyRoot: engineOptions({ root }).snippetsRoot });

describe('givenReportProblems', () => {
  test('finds none in a fresh report of every planned case', async () => {
    expect(await problems(report)).toEqual([]);
  });

  test('refuses a report of another commit', async () => {
    const other = { ...report, run: { ...report.run, commit: 'f'.repeat(40) } };
    expect(await problems(other)).toEqual([expect.stringMatching(new RegExp(`^it was made at commit f{40}, but this checkout is `))]);
  });

  test('refuses a report of another harness', async () => {
    const other = { ...report, run: { ...report.run, harness: 'e'.repeat(64) } };
    expect(await problems(other)).toEqual([expect.stringMatching(/^it was made by another harness version/)]);
  });

  test('names a planned case the report lacks, and a reported case not planned', async () => {
    const fewer = { ...report, cases: report.cases.slice(1) };
    expect(await problems(fewer)).toEqual(['1 planned case(s) are in no report:\n    - verify-token/curl/ok']);
    expect(await problems(report, cases.slice(1))).toEqual(['1 case(s) are not planned on this checkout:\n    - verify-token/curl/ok']);
  });

  test('names a file changed since the report was made', async () => {
    await writeFile(path.join(root, 'verify-token', 'verify-token.sh'), '\n# edited\n', { flag: 'a' });
    expect(await problems(report)).toEqual([
      expect.stringMatching(
        /^it is about other bytes than 1 file\(s\):\n {4}- .*verify-token\.sh: changed since it was tested: verify-token\.sh$/,
      ),
    ]);
  });
});
