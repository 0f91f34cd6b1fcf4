// `npm run lint:api` on the real description reports no problem at all (no error, no warning,
// nothing ignored), offline; and the ruleset does catch a broken example in a copy of it.
// vitest project: programs (test/support/projects.ts)
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/project.ts';
import { LINTED_DESCRIPTION, REDOCLY_OFFLINE_ENV, redoclyLintArgs } from '../../scripts/api/lint-api.ts';

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

/** Redocly's JSON report on a description; the CLI's exit code is ignored, the report says it all. */
async function lint(target: { file: string; config: string } = LINTED_DESCRIPTION): Promise<LintReport> {
  const result = await execa(process.execPath, redoclyLintArgs(['--format=json'], target), {
    cwd: PROJECT_ROOT,
    env: { ...REDOCLY_OFFLINE_ENV },
    reject: false,
  });
  return JSON.parse(result.stdout) as LintReport;
}

const scratch = await mkdtemp(path.join(tmpdir(), 'api-lint-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

test('the description has zero errors, zero warnings and nothing ignored', async () => {
  const report = await lint();
  expect(report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
  expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
});

test('an example that breaks its schema is an error of no-invalid-media-type-examples', async () => {
  const text = await readFile(path.join(PROJECT_ROOT, LINTED_DESCRIPTION.file), 'utf8');
  const broken = text.replace('targetBaseURL: https://api.openai.com', 'targetBaseURL: http://api.openai.com');
  expect(broken).not.toBe(text);
  const file = path.join(scratch, 'broken.openapi.yaml');
  const config = path.join(scratch, 'redocly.yaml');
  await writeFile(file, broken);
  await copyFile(path.join(PROJECT_ROOT, LINTED_DESCRIPTION.config), config);
  const report = await lint({ file, config });
  expect(report.problems.map((problem) => [problem.ruleId, problem.location[0]?.pointer])).toEqual([
    ['no-invalid-media-type-examples', '#/components/examples/TargetCreateRequest/value/targetBaseURL'],
  ]);
});
