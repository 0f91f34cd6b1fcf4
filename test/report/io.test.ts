// The one reader and writer of the harness report: validation, format, and messages naming the file and field.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReportError, readReport, writeReport } from '../../scripts/report/report-io.ts';
import { caseReport, reportOf } from '../support/report.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rr-docs-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onePassed = () => reportOf([caseReport({ example: 'list-clients', language: 'go', scenario: 'ok', status: 'passed' })]);

describe('readReport', () => {
  test('returns undefined when there is no report', async () => {
    expect(await readReport(path.join(dir, 'absent.json'))).toBeUndefined();
  });

  test('reads back what writeReport wrote', async () => {
    const file = path.join(dir, 'valid.json');
    await writeReport(file, onePassed());
    expect(await readReport(file)).toEqual(onePassed());
  });

  test('names the file and the field of an invalid report', async () => {
    const file = path.join(dir, 'invalid.json');
    const report = onePassed();
    await writeFile(file, JSON.stringify({ ...report, cases: [{ ...report.cases[0], status: 'ok' }] }));
    const error = await readReport(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${file}: invalid harness report\\n  - field "cases\\[0\\]\\.status": .*found "ok" \\(string\\)`),
    );
  });

  test('refuses a report of an older format, saying how to make a new one', async () => {
    const file = path.join(dir, 'old.json');
    await writeFile(file, JSON.stringify({ summary: { passed: 0, failed: 0, skipped: 0, durationMs: 1 }, cases: [] }));
    await expect(readReport(file)).rejects.toThrow(
      `${file}: invalid harness report\n  - expected a report of format 2, found no "format" field (an older harness wrote it); run the harness again (npm run build)`,
    );
  });

  test('refuses a report that lists a case twice', async () => {
    const file = path.join(dir, 'twice.json');
    const report = onePassed();
    await writeFile(file, JSON.stringify({ ...report, cases: [report.cases[0], report.cases[0]] }));
    await expect(readReport(file)).rejects.toThrow('case(s) listed more than once: list-clients/go/ok');
  });

  test('names the file of a report that is not JSON', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{ "summary": ');
    await expect(readReport(file)).rejects.toThrow(`${file}: invalid harness report\n  - not valid JSON`);
  });
});

describe('writeReport', () => {
  test('refuses to write an invalid report and leaves the old file as it was', async () => {
    const file = path.join(dir, 'kept.json');
    await writeReport(file, onePassed());
    const before = await readFile(file, 'utf8');
    const broken = { ...onePassed(), summary: { ...onePassed().summary, passed: -1 } };
    await expect(writeReport(file, broken)).rejects.toBeInstanceOf(ReportError);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
