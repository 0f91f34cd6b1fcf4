// A label on a page is tied to the bytes that were tested: a build from a report about other bytes
// (or from no report) fails under CI=true naming the files, and elsewhere warns once and labels
// the changed file "Not tested in this version".
// vitest project: site (test/support/projects.ts)
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeReport } from '../../scripts/report/report-io.ts';
import { caseReport, reportOf } from '../support/report.ts';
import { buildSite, makeBuildDir } from './build-site.ts';
import { writeFreshReport } from './fixture-report.ts';

const LANGUAGES = [
  ['javascript', 'hello.mjs'],
  ['python', 'hello.py'],
  ['go', 'hello.go'],
  ['java', 'Hello.java'],
  ['curl', 'hello.sh'],
] as const;

let work: string;
let snippets: string;
let freshReport: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'rr-docs-gate-'));
  snippets = path.join(work, 'snippets');
  await cp(path.resolve('test/fixtures/site/snippets/complete'), path.join(snippets, 'complete'), { recursive: true });
  const source = path.join(work, 'made-up.json');
  const evidence = { exitCode: 0, signal: null, timedOut: false, stdout: 'hello from the test run\n', stderr: '' };
  await writeReport(
    source,
    reportOf(LANGUAGES.map(([language]) => caseReport({ example: 'complete', language, scenario: 'ok', status: 'passed', evidence }))),
  );
  freshReport = await writeFreshReport(path.join(work, 'fresh.json'), { source, snippets });
});

afterAll(() => rm(work, { recursive: true, force: true }));

/** Builds the one-example fixture site showing `complete` from `snippets` with the given report. */
async function build(report: string, env: Record<string, string> = {}) {
  const outDir = await makeBuildDir();
  const result = await buildSite({
    root: 'test/fixtures/site/one-example',
    outDir,
    env: { RR_DOCS_SNIPPETS: snippets, RR_DOCS_REPORT: report, RR_FIXTURE_EXAMPLE: 'complete', ...env },
  });
  const html = result.ok ? await readFile(path.join(outDir, 'index.html'), 'utf8') : '';
  await rm(outDir, { recursive: true, force: true });
  return { ...result, html };
}

/** The fresh report, then `edit` applied to a copy of the snippets it is about. */
async function withEditedFile(file: string, edit: (text: string) => string): Promise<() => Promise<void>> {
  const target = path.join(snippets, 'complete', file);
  const before = await readFile(target, 'utf8');
  await writeFile(target, edit(before));
  return () => writeFile(target, before);
}

describe('a build from the harness report', () => {
  test('passes under CI=true when the report covers every file as it is now', async () => {
    const result = await build(freshReport, { CI: 'true' });
    expect(result.ok, result.output).toBe(true);
    expect(result.html.match(/Tested: 1 of 1 scenario passed/g)).toHaveLength(5);
  });

  test('fails under CI=true after a snippet changed, naming the file and the command that fixes it', async () => {
    const restore = await withEditedFile('hello.py', (text) => text.replace('hello', 'Bearer hello'));
    try {
      const result = await build(freshReport, { CI: 'true' });
      expect(result.ok).toBe(false);
      expect(result.output).toContain('does not cover 1 file(s) as they are now:');
      expect(result.output).toContain(`  - ${path.join(snippets, 'complete', 'hello.py')}: changed since it was tested: hello.py`);
      expect(result.output).toContain(`Run \`npm run snippets -- --json ${freshReport}\``);
    } finally {
      await restore();
    }
  });

  test('refuses a report edited after it was signed: the site publishes no result from it', async () => {
    const failing = path.join(work, 'failing.json');
    const evidence = { exitCode: 1, signal: null, timedOut: false, stdout: '', stderr: 'broken\n' };
    const source = path.join(work, 'failing-source.json');
    await writeReport(
      source,
      reportOf(LANGUAGES.map(([language]) => caseReport({ example: 'complete', language, scenario: 'ok', status: 'failed', evidence }))),
    );
    await writeFreshReport(failing, { source, snippets });
    await writeFile(failing, (await readFile(failing, 'utf8')).replaceAll('"status": "failed"', '"status": "passed"'));
    const result = await build(failing);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/the report .*failing\.json is not signed .*: refusing to publish it/);
    expect(result.html).not.toContain('Tested: 1 of 1 scenario passed');
  });

  test('fails under CI=true without a report, naming every file', async () => {
    const result = await build(path.join(work, 'absent.json'), { CI: 'true' });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('does not cover 5 file(s) as they are now:');
    expect(result.output).toContain(`  - ${path.join(snippets, 'complete', 'hello.go')}: there is no report`);
  });

  test('elsewhere warns once and labels only the changed file "Not tested in this version"', async () => {
    const restore = await withEditedFile('hello.sh', (text) => `${text}\n# edited\n`);
    try {
      const result = await build(freshReport);
      expect(result.ok, result.output).toBe(true);
      expect(result.output.match(/does not cover 1 file\(s\) as they are now/g)).toHaveLength(1);
      expect(result.html.match(/Not tested in this version/g)).toHaveLength(1);
      expect(result.html).toContain('Changed since the last test run: hello.sh.');
      expect(result.html.match(/Tested: 1 of 1 scenario passed/g)).toHaveLength(4);
      // What the program printed is shown for the four unchanged files only.
      expect(result.html.match(/hello from the test run/g)).toHaveLength(4);
      expect(
        result.html.match(/The output is not available for this version\. Changed since the last test run: hello\.sh\./g),
      ).toHaveLength(1);
    } finally {
      await restore();
    }
  });
});
