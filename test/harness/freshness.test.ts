// A report speaks about exact bytes: each case's recorded input hashes are matched with the files
// as they are now, and anything changed (snippet, manifest, request.http, dependencies, harness) is named.
// vitest project: unit (test/support/projects.ts)
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fileFreshness, staleFiles } from '../../scripts/report/freshness.ts';
import { caseInputs, type CaseSubject } from '../../scripts/report/case-inputs.ts';
import { loadExample } from '../../scripts/manifest/examples.ts';
import { harnessFingerprint } from '../../scripts/report/harness-files.ts';
import { pythonRunner } from '../../scripts/runners/python.ts';
import { caseReport, reportOf } from '../support/report.ts';

let work: string;
let subject: CaseSubject;
const projectRoot = path.resolve('.');

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'rr-docs-fresh-'));
  await cp(path.resolve('test/fixtures/site/snippets/complete'), path.join(work, 'complete'), { recursive: true });
  await writeFile(path.join(work, 'requirements.txt'), 'requests==2.32.5\n');
  const example = await loadExample(path.join(work, 'complete'));
  subject = { example, file: example.files.find((file) => file.language === 'python')!, runner: pythonRunner };
});
afterEach(() => rm(work, { recursive: true, force: true }));

/** A report whose one case recorded the subject's inputs as they are at this moment. */
function reportNow() {
  const inputs = caseInputs(
    subject,
    { available: true, version: 'Python 3' },
    { harness: harnessFingerprint(projectRoot), dependencyRoot: work },
  );
  return reportOf([caseReport({ example: 'complete', language: 'python', scenario: 'ok', status: 'passed', inputs })]);
}

describe('fileFreshness', () => {
  test('is fresh while nothing changed', () => {
    expect(fileFreshness(reportNow(), subject, { projectRoot, dependencyRoot: work }).state).toBe('fresh');
  });

  test.each([
    ['the snippet', 'complete/hello.py', 'hello.py'],
    ['the manifest', 'complete/example.json', 'example.json'],
    ['the raw request', 'complete/request.http', 'request.http'],
    ['the pinned dependencies', 'requirements.txt', 'requirements.txt'],
  ])('is stale after %s changed, and names it', async (_what, file, named) => {
    const report = reportNow();
    await writeFile(path.join(work, file), '# changed\n', { flag: 'a' });
    expect(fileFreshness(report, subject, { projectRoot, dependencyRoot: work })).toMatchObject({ state: 'stale', changed: [named] });
  });

  test('is stale when the harness that ran the case was another one', () => {
    const report = reportNow();
    report.cases[0]!.inputs.harness = 'f'.repeat(64);
    expect(fileFreshness(report, subject, { projectRoot, dependencyRoot: work })).toMatchObject({
      state: 'stale',
      changed: ['the harness'],
    });
  });

  test('is absent when the report has no case for the file, or there is no report', () => {
    const report = reportNow();
    report.cases[0]!.language = 'go';
    expect(fileFreshness(report, subject, { projectRoot, dependencyRoot: work }).state).toBe('absent');
    expect(fileFreshness(undefined, subject, { projectRoot, dependencyRoot: work }).state).toBe('absent');
  });
});

describe('staleFiles', () => {
  test('lists each file with why, and nothing when all are fresh', async () => {
    const report = reportNow();
    expect(staleFiles(report, [subject], { projectRoot, dependencyRoot: work })).toEqual([]);
    expect(staleFiles(undefined, [subject], { projectRoot, dependencyRoot: work })).toEqual([
      { file: subject.file.path, state: 'absent', why: 'there is no report' },
    ]);
    await writeFile(subject.file.path, 'print("changed")\n');
    expect(staleFiles(report, [subject], { projectRoot, dependencyRoot: work })).toEqual([
      { file: subject.file.path, state: 'stale', why: 'changed since it was tested: hello.py' },
    ]);
  });
});
