// `npm run snippets` puts the cases it ran into the report the site shows, in place of their
// earlier results, and leaves everything else there as it was.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_SNIPPETS_ROOT, PROJECT_ROOT } from '../../scripts/project.ts';
import { readReport } from '../../scripts/report/report-io.ts';
import { siteReportFor, speaksForFile, updateSiteReport, withLatestCases } from '../../scripts/report/site-report-update.ts';
import { caseReport, fakeHash, reportOf } from '../support/report.ts';

const go = (scenario: string, status: 'passed' | 'failed' | 'skipped' = 'passed', digit = '1') =>
  caseReport({
    example: 'list-clients',
    language: 'go',
    scenario,
    status,
    inputs: { ...caseReport({ example: 'x', language: 'go', scenario, status }).inputs, snippet: fakeHash(digit) },
  });
const curl = (scenario: string) => caseReport({ example: 'list-clients', language: 'curl', scenario, status: 'passed' });

describe('withLatestCases', () => {
  test("puts the run's cases in place of the same cases and keeps the others, in their order", () => {
    const previous = reportOf([go('ok', 'failed'), curl('ok'), go('missing', 'passed')]);
    previous.run.toolchains = { go: { available: true, version: 'Go 1.25' }, curl: { available: true, version: 'curl 8' } };
    const latest = reportOf([go('missing', 'failed', '9'), go('ok', 'passed', '9'), go('invalid', 'passed', '9')]);
    latest.run.toolchains = { go: { available: true, version: 'Go 1.26' } };
    latest.run.startedAt = '2026-12-01T08:00:00.000Z';
    const merged = withLatestCases(previous, latest);
    expect(merged.cases.map((entry) => [entry.key, entry.status, entry.inputs.snippet[0]])).toEqual([
      ['list-clients/go/ok', 'passed', '9'],
      ['list-clients/curl/ok', 'passed', '1'],
      ['list-clients/go/missing', 'failed', '9'],
      ['list-clients/go/invalid', 'passed', '9'],
    ]);
    expect(merged.summary).toMatchObject({ passed: 3, failed: 1, skipped: 0 });
    expect(merged.run.startedAt).toBe('2026-12-01T08:00:00.000Z');
    expect(merged.run.toolchains).toEqual({ go: { available: true, version: 'Go 1.26' }, curl: { available: true, version: 'curl 8' } });
  });

  test('is the run itself when there was no report', () => {
    const latest = reportOf([go('ok')]);
    expect(withLatestCases(undefined, latest)).toEqual(latest);
  });
});

describe('speaksForFile', () => {
  test('takes the cases whose program ran or failed to build, not those this machine could not run', () => {
    expect(speaksForFile(go('ok', 'passed'))).toBe(true);
    expect(speaksForFile({ ...go('ok', 'failed'), checks: [{ id: 'prepare', status: 'failed', message: 'go build failed' }] })).toBe(true);
    expect(speaksForFile(go('ok', 'skipped'))).toBe(false);
    expect(speaksForFile({ ...go('ok', 'failed'), checks: [{ id: 'toolchain', status: 'failed', message: 'go not found' }] })).toBe(false);
    expect(speaksForFile({ ...go('ok', 'failed'), checks: [{ id: 'harness', status: 'failed', message: 'the mock failed' }] })).toBe(false);
  });
});

describe('siteReportFor', () => {
  test("is the site's report for a run of the site's examples, unless --json wrote the run's own report there", () => {
    const site = path.join(PROJECT_ROOT, '.cache', 'harness-report.json');
    expect(siteReportFor(DEFAULT_SNIPPETS_ROOT, undefined, {})).toBe(site);
    expect(siteReportFor(DEFAULT_SNIPPETS_ROOT, 'elsewhere.json', {})).toBe(site);
    expect(siteReportFor(DEFAULT_SNIPPETS_ROOT, site, {})).toBeUndefined();
    expect(siteReportFor(path.join(PROJECT_ROOT, 'test', 'fixtures', 'broken'), undefined, {})).toBeUndefined();
    const env = { RR_DOCS_SNIPPETS: 'test/fixtures/site/snippets', RR_DOCS_REPORT: '/tmp/r.json' };
    expect(siteReportFor(path.join(PROJECT_ROOT, 'test', 'fixtures', 'site', 'snippets'), undefined, env)).toBe('/tmp/r.json');
    expect(siteReportFor(DEFAULT_SNIPPETS_ROOT, undefined, env)).toBeUndefined();
  });
});

describe('updateSiteReport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rr-site-report-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  test('writes the cases that ran into the report, leaving a skipped case out, and says so', async () => {
    const file = path.join(dir, 'report.json');
    const line = await updateSiteReport(file, reportOf([go('ok'), go('missing', 'skipped')]));
    expect(line).toBe(
      `site report: ${file} now holds this run's 1 case(s); 1 that ran no program left as they were; reload a page of npm run dev to see them`,
    );
    expect((await readReport(file))?.cases.map((entry) => entry.key)).toEqual(['list-clients/go/ok']);
  });

  test('replaces a file that holds no valid report, and writes nothing when no case ran', async () => {
    const file = path.join(dir, 'report.json');
    await writeFile(file, '{"format": 1}');
    expect(await updateSiteReport(file, reportOf([go('ok', 'skipped')]))).toBeUndefined();
    expect(await readFile(file, 'utf8')).toBe('{"format": 1}');
    expect(await updateSiteReport(file, reportOf([go('ok')]))).toMatch(/\(it held no valid report: the old file is replaced\)/);
    expect((await readReport(file))?.cases).toHaveLength(1);
  });
});
