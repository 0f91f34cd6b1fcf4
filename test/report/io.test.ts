// The one reader and writer of the harness report: validation, format, messages naming the file
// and field, and the signature that makes an edited or foreign report refused where it is trusted.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReportError, UntrustedReportError, readReport, readTrustedReport, writeReport } from '../../scripts/report/report-io.ts';
import { readGivenReport } from '../../scripts/report/given-report.ts';
import { MACHINE_KEY_VARIABLE, REPORT_KEY_VARIABLE } from '../../scripts/secrets/signing.ts';
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

  test('reads back what writeReport wrote, with its signature', async () => {
    const file = path.join(dir, 'valid.json');
    await writeReport(file, onePassed());
    expect(await readReport(file)).toEqual({
      ...onePassed(),
      signature: { algorithm: 'HMAC-SHA256', key: expect.any(String), value: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
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

describe('readTrustedReport', () => {
  /** The environment of this machine with no report key, or of a job holding `key`. */
  const local = { ...process.env, [REPORT_KEY_VARIABLE]: '' };
  const withKey = (key: string) => ({ ...process.env, [REPORT_KEY_VARIABLE]: key });
  const failing = () => reportOf([caseReport({ example: 'list-clients', language: 'go', scenario: 'ok', status: 'failed' })]);

  test('reads a report this machine signed', async () => {
    const file = path.join(dir, 'signed.json');
    await writeReport(file, onePassed(), local);
    expect((await readTrustedReport(file, 'publish', local))?.cases).toEqual(onePassed().cases);
  });

  test('refuses a failing report edited to "passed", saying why', async () => {
    const file = path.join(dir, 'flipped.json');
    await writeReport(file, failing(), local);
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace('"status": "failed"', '"status": "passed"').replace('"failed": 1', '"failed": 0').replace('"passed": 0', '"passed": 1'),
    );
    expect((await readReport(file))?.cases[0]?.status).toBe('passed');
    const error = await readTrustedReport(file, 'publish', local).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UntrustedReportError);
    expect((error as Error).message).toBe(
      `the report ${file} is not signed by this machine's key (its signature does not match: it was changed after it was signed, ` +
        'or signed with another key; RR_DOCS_REPORT_KEY is not set, so only a report made on this machine is trusted here): refusing to publish it',
    );
  });

  test('refuses a report without a signature, and one another machine signed', async () => {
    const unsigned = path.join(dir, 'unsigned.json');
    await writeFile(unsigned, JSON.stringify(onePassed()));
    await expect(readTrustedReport(unsigned, 'merge', local)).rejects.toThrow(
      `the report ${unsigned} is not signed by this machine's key (it carries no signature; `,
    );
    const foreign = path.join(dir, 'foreign.json');
    await writeReport(foreign, onePassed(), { ...local, [MACHINE_KEY_VARIABLE]: path.join(dir, 'other-machine', 'machine.key') });
    await expect(readTrustedReport(foreign, 'merge', local)).rejects.toThrow(
      /is not signed by this machine's key \(its signature does not match.*\): refusing to merge it$/,
    );
  });

  test('with RR_DOCS_REPORT_KEY, trusts only a report signed with it', async () => {
    const file = path.join(dir, 'ci.json');
    await writeReport(file, onePassed(), withKey('a'.repeat(64)));
    expect(await readTrustedReport(file, 'publish', withKey('a'.repeat(64)))).toBeDefined();
    await expect(readTrustedReport(file, 'publish', withKey('b'.repeat(64)))).rejects.toThrow(
      `the report ${file} is not signed with RR_DOCS_REPORT_KEY (its signature does not match: it was changed after it was signed, or signed with another key; ` +
        'only a report made by a job that holds RR_DOCS_REPORT_KEY is trusted): refusing to publish it',
    );
    await expect(readTrustedReport(file, 'publish', local)).rejects.toThrow(/and it says it was signed with RR_DOCS_REPORT_KEY/);
  });

  test('refuses a report key too short to be one', async () => {
    await expect(writeReport(path.join(dir, 'short.json'), onePassed(), withKey('short'))).rejects.toThrow(
      'RR_DOCS_REPORT_KEY is too short (5 characters): expected at least 32',
    );
  });

  test('under CI=true, a report made elsewhere is published only with RR_DOCS_REPORT_KEY set', async () => {
    const file = path.join(dir, 'given.json');
    await writeReport(file, onePassed(), local);
    await expect(readGivenReport(file, { ...local, CI: 'true' })).rejects.toThrow(
      `RR_DOCS_REPORT_KEY is not set: under CI=true a report made by another job is published only when signed with the workflow's key; refusing to publish ${file}`,
    );
    expect(await readGivenReport(file, { ...local, CI: '' })).toBeDefined();
  });
});
