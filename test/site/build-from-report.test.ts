// `npm run build -- --report FILE` builds from a report made elsewhere only when it is of this
// commit and harness, about these bytes, and complete; otherwise it stops before building.
// vitest project: site (test/support/projects.ts)
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { splitBuildArgs } from '../../scripts/build-site.ts';
import { planHarness } from '../../scripts/harness/harness.ts';
import { currentCommit } from '../../scripts/report/fingerprint.ts';
import { harnessFingerprint } from '../../scripts/report/harness-files.ts';
import { caseReport, reportOf } from '../support/report.ts';
import { buildEnvironment, makeBuildDir } from './build-site.ts';

let scratch: string;
let outDir: string;

const build = (args: string[]) =>
  execa(process.execPath, ['scripts/build-site.ts', ...args, '--outDir', outDir], {
    all: true,
    reject: false,
    extendEnv: false,
    env: { ...buildEnvironment(), CI: 'true', GITHUB_ACTIONS: '' },
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
    await writeFile(
      file,
      JSON.stringify({ ...report, run: { ...report.run, commit: '0'.repeat(40), harness: harnessFingerprint(path.resolve('.')) } }),
    );
    const result = await build(['--report', file]);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain(`cannot stand for a run of this checkout`);
    expect(result.all).toContain(`it was made at commit ${'0'.repeat(40)}, but this checkout is ${await currentCommit(path.resolve('.'))}`);
    expect(result.all).toContain(`${cases.length - 1} planned case(s) are in no report`);
    expect(result.all).not.toContain('Running every snippet');
    await expect(access(path.join(outDir, 'index.html'))).rejects.toThrow();
  });

  test('refuses a report file that does not exist', async () => {
    const result = await build(['--report', path.join(scratch, 'none.json')]);
    expect(result.exitCode).toBe(1);
    expect(result.all).toMatch(/none\.json: no such report \(--report\)/);
  });
});
