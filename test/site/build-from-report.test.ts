// `npm run build -- --report FILE` builds from a report made elsewhere only when it is signed with
// RR_DOCS_REPORT_KEY, of this commit and harness, about these bytes, and complete; otherwise it
// stops before building.
// vitest project: site (test/support/projects.ts)
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { splitBuildArgs } from '../../scripts/build-site.ts';
import { planHarness } from '../../scripts/harness/harness.ts';
import { currentCommit } from '../../scripts/report/fingerprint.ts';
import { harnessFingerprint } from '../../scripts/report/harness-files.ts';
import { writeReport } from '../../scripts/report/report-io.ts';
import { caseReport, reportOf } from '../support/report.ts';
import { buildEnvironment, makeBuildDir } from './build-site.ts';

let scratch: string;
let outDir: string;

/** The key this test's CI jobs share. */
const KEY = 'f'.repeat(64);

const build = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['scripts/build-site.ts', ...args, '--outDir', outDir], {
    all: true,
    reject: false,
    extendEnv: false,
    env: { ...buildEnvironment(), CI: 'true', GITHUB_ACTIONS: '', RR_DOCS_REPORT_KEY: KEY, ...env },
  });

beforeAll(async () => {
  scratch = await mkdtemp(path.resolve('.cache/build-from-report-'));
  outDir = await makeBuildDir();
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

describe('splitBuildArgs', () => {
  test('takes --report FILE or --report=FILE and passes everything else to astro build', () => {
    expect(splitBuildArgs(['--report', 'all.json', '--outDir', 'out'])).toEqual({ report: 'all.json', astroArgs: ['--outDir', 'out'] });
    expect(splitBuildArgs(['--report=all.json'])).toEqual({ report: 'all.json', astroArgs: [] });
    expect(splitBuildArgs(['--outDir', 'out'])).toEqual({ astroArgs: ['--outDir', 'out'] });
    expect(() => splitBuildArgs(['--report'])).toThrow('expected --report FILE');
  });
});

describe('npm run build -- --report', () => {
  test('refuses a report of another commit that lacks cases, naming both, and builds nothing', async () => {
    const { cases } = await planHarness();
    const report = reportOf([caseReport({ example: 'list-clients', language: 'go', scenario: 'ok', status: 'passed' })]);
    const file = path.join(scratch, 'other-commit.json');
    await writeReport(
      file,
      { ...report, run: { ...report.run, commit: '0'.repeat(40), harness: harnessFingerprint(path.resolve('.')) } },
      {
        RR_DOCS_REPORT_KEY: KEY,
      },
    );
    const result = await build(['--report', file]);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain(`cannot stand for a run of this checkout`);
    expect(result.all).toContain(`it was made at commit ${'0'.repeat(40)}, but this checkout is ${await currentCommit(path.resolve('.'))}`);
    expect(result.all).toContain(`${cases.length - 1} planned case(s) are in no report`);
    expect(result.all).not.toContain('Running every snippet');
    await expect(access(path.join(outDir, 'index.html'))).rejects.toThrow();
  });

  test('refuses a failing report edited to "passed", saying it is not signed with RR_DOCS_REPORT_KEY, and builds nothing', async () => {
    const file = path.join(scratch, 'flipped.json');
    const failing = reportOf([caseReport({ example: 'list-clients', language: 'go', scenario: 'ok', status: 'failed' })]);
    await writeReport(file, failing, { RR_DOCS_REPORT_KEY: KEY });
    await writeFile(file, (await readFile(file, 'utf8')).replace('"status": "failed"', '"status": "passed"'));
    const result = await build(['--report', file]);
    expect(result.exitCode).toBe(1);
    expect(result.all).toMatch(
      /the report .*flipped\.json is not signed with RR_DOCS_REPORT_KEY \(its signature does not match: .*\): refusing to publish it/,
    );
    expect(result.all).not.toContain('cannot stand for a run of this checkout');
    await expect(access(path.join(outDir, 'index.html'))).rejects.toThrow();
  });

  test('refuses, under CI=true, a report when RR_DOCS_REPORT_KEY is not set', async () => {
    const file = path.join(scratch, 'no-key.json');
    await writeReport(file, reportOf([]), { RR_DOCS_REPORT_KEY: '' });
    const result = await build(['--report', file], { RR_DOCS_REPORT_KEY: '' });
    expect(result.exitCode).toBe(1);
    expect(result.all).toMatch(
      /RR_DOCS_REPORT_KEY is not set: under CI=true a report made by another job is published only when signed with the workflow's key; refusing to publish .*no-key\.json/,
    );
  });

  test('refuses a report file that does not exist', async () => {
    const result = await build(['--report', path.join(scratch, 'none.json')]);
    expect(result.exitCode).toBe(1);
    expect(result.all).toMatch(/none\.json: no such report \(--report\)/);
  });
});
