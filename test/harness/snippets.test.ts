// Every published example, in every language, under every scenario: one test per case, so
// `npm test` fails on a broken example and says which check broke. The run uses the project's
// result cache, as `npm run build` does: a case whose inputs are unchanged replays its signed
// result, and the pipeline project's copies of the project, which run after this one, replay the
// results this run stored instead of running every case again. When RR_DOCS_SNIPPETS_REPORT
// names a report (CI's merged shard reports of this commit), the cases are read from it instead of
// run again: it must be signed with the report key, of this commit and harness, about these bytes,
// and hold every case.
// vitest project: programs (test/support/projects.ts)
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { givenReportProblems } from '../../scripts/report/given-report.ts';
import { DEFAULT_RESULT_CACHE_DIR, engineOptions, planHarness } from '../../scripts/harness/harness.ts';
import { resultFromReport } from '../../scripts/report/merge.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { readTrustedReport } from '../../scripts/report/report-io.ts';
import { assertPassed, startBackgroundRun } from './case-runner.ts';

const { examples, cases } = await planHarness();
const reportFile = process.env.RR_DOCS_SNIPPETS_REPORT ? path.resolve(process.env.RR_DOCS_SNIPPETS_REPORT) : undefined;
const given = reportFile ? await readTrustedReport(reportFile, 'check the examples against') : undefined;
if (reportFile && !given) throw new Error(`RR_DOCS_SNIPPETS_REPORT names ${reportFile}, which does not exist`);

/** Each case's result: from the given report, or from a run started now. */
let resultOf: (key: string) => Promise<CaseResult>;
if (given) {
  const byKey = new Map(given.cases.map((entry) => [entry.key, resultFromReport(entry)]));
  resultOf = async (key) => {
    const found = byKey.get(key);
    if (!found) throw new Error(`${reportFile} has no result for ${key}`);
    return found;
  };
} else {
  const run = startBackgroundRun(cases, { resultCacheDir: DEFAULT_RESULT_CACHE_DIR });
  afterAll(() => run.done);
  resultOf = (key) => run.result(key);
}

describe('snippets/', () => {
  test('holds the guide examples, each in all five languages', () => {
    expect(examples.map((example) => example.id)).toEqual(expect.arrayContaining(['list-clients', 'verify-token']));
    for (const example of examples) {
      expect(
        example.files.map((file) => file.language),
        example.id,
      ).toEqual(['javascript', 'python', 'go', 'java', 'curl']);
    }
  });

  test.runIf(given !== undefined)('the given report is of this commit and harness, about these bytes, and holds every case', async () => {
    const options = engineOptions();
    expect(await givenReportProblems(given!, cases, { projectRoot: options.projectRoot, dependencyRoot: options.snippetsRoot })).toEqual(
      [],
    );
  });
});

describe.for(examples.map((example) => example.id))('%s', (exampleId) => {
  test.for(cases.filter((planned) => planned.example.id === exampleId).map((planned) => planned.key))(
    '%s passes every check',
    async (key, context) => {
      const skipped = assertPassed(await resultOf(key));
      if (skipped) context.skip(skipped);
    },
  );
});
