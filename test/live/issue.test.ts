// The issue a failed live run asks for, and keeping one GitHub issue in step with the runs.
// vitest project: programs (test/support/projects.ts)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { FALLBACK_ISSUE, ISSUE_MARKER, syncDriftIssue, type IssuesClient } from '../../scripts/live/github-issue.ts';
import { liveIssue } from '../../scripts/live/issue.ts';
import { caseReport } from '../support/report.ts';

const drift401 = (scenario: string) =>
  [
    `GET /api/clients (${scenario}): the 401 answer differs in body.message`,
    `    with the ${scenario} scenario`,
    '    documented: 401 application/json {"message": "Invalid or missing authentication token"}',
    '    real:       401 application/json {"message": "Token not recognised"}',
    '    body.message: documented "Invalid or missing authentication token", real "Token not recognised"',
  ].join('\n');

function result(key: string, checks: CaseResult['checks']): CaseResult {
  const [example = '', language = '', scenario = ''] = key.split('/');
  const status = checks.some((check) => check.status === 'failed') ? 'failed' : 'passed';
  return {
    ...caseReport({ example, language, scenario, status, checks }),
    key,
    file: `snippets/${example}/x`,
    detail: { requests: [], egress: [], outputTail: [] },
  };
}

describe('liveIssue', () => {
  test('is null when every case passed', () => {
    expect(liveIssue([result('list-clients/go/ok', [{ id: 'contract-drift', status: 'passed', message: 'as documented' }])])).toBeNull();
  });

  test('is titled after the drift, which it shows once with every case it was seen in', () => {
    const results = ['javascript', 'go'].flatMap((language) =>
      ['missing', 'invalid'].map((scenario) =>
        result(`list-clients/${language}/${scenario}`, [{ id: 'contract-drift', status: 'failed', message: drift401(scenario) }]),
      ),
    );
    results.push(
      result('list-clients/curl/ok', [
        { id: 'exit-code', status: 'failed', message: 'expected exit code 0 with a valid token; the program exited 22' },
      ]),
    );
    const issue = liveIssue(results);
    expect(issue?.title).toBe('Live API drift: GET /api/clients (missing, invalid): the 401 answer differs in body.message');
    expect(issue?.body.match(/^### /gm)).toHaveLength(2);
    expect(issue?.body).toContain(
      'Seen in 4 case(s): list-clients/javascript/missing, list-clients/javascript/invalid, list-clients/go/missing, list-clients/go/invalid.',
    );
    expect(issue?.body).toContain('## Other failures');
    expect(issue?.body).toContain('### `exit-code`: expected exit code 0 with a valid token; the program exited 22');
    expect(issue?.body).toContain('found 5 failed case(s) of 5');
  });

  test('counts the distinct drifts in its title, and names the failing checks when nothing drifted', () => {
    const drift403 = 'GET /api/clients (forbidden): documented 403, real 401\n    documented: 403\n    real:       401';
    const both = liveIssue([
      result('a/go/invalid', [{ id: 'contract-drift', status: 'failed', message: drift401('invalid') }]),
      result('a/go/forbidden', [{ id: 'contract-drift', status: 'failed', message: drift403 }]),
    ]);
    expect(both?.title).toBe('Live API drift: GET /api/clients (invalid): the 401 answer differs in body.message (and 1 more)');
    const noDrift = liveIssue([
      result('a/go/ok', [{ id: 'output', status: 'failed', message: 'expected the output to contain "Fabrikam"' }]),
    ]);
    expect(noDrift?.title).toBe('Live examples fail against the real API: output');
  });
});

/** A fake GitHub client holding issues in memory. */
function fakeGithub(issues: Array<{ number: number; title: string; body: string; state: string; pull_request?: unknown }>) {
  const calls: string[] = [];
  const github: IssuesClient = {
    async paginate<T>(_route: unknown, parameters: Record<string, unknown>) {
      return issues.filter((issue) => issue.state === parameters.state) as T[];
    },
    rest: {
      issues: {
        listForRepo: {},
        async create(parameters) {
          const number = issues.length + 100;
          issues.push({ number, title: String(parameters.title), body: String(parameters.body), state: 'open' });
          calls.push(`create #${number}`);
          return { data: { number } };
        },
        async update(parameters) {
          const issue = issues.find((candidate) => candidate.number === parameters.issue_number)!;
          Object.assign(issue, Object.fromEntries(Object.entries(parameters).filter(([key]) => ['title', 'body', 'state'].includes(key))));
          calls.push(
            `update #${issue.number} ${Object.keys(parameters)
              .filter((key) => ['title', 'body', 'state'].includes(key))
              .join(',')}`,
          );
          return {};
        },
        async createComment(parameters) {
          calls.push(`comment #${String(parameters.issue_number)}: ${String(parameters.body)}`);
          return {};
        },
      },
    },
  };
  return { github, calls, issues };
}

const context = { repo: { owner: 'acme', repo: 'docs' }, serverUrl: 'https://github.com', runId: 42 };
const runUrl = 'https://github.com/acme/docs/actions/runs/42';
let dir: string;
let reportFile: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rr-issue-'));
  reportFile = path.join(dir, 'report.json');
  await writeFile(
    reportFile,
    JSON.stringify({ summary: {}, cases: [], live: { issue: { title: 'Live API drift: X', body: 'what drifted' } } }),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('syncDriftIssue', () => {
  test('opens one issue titled after the drift when the run failed, marked as its own', async () => {
    const fake = fakeGithub([{ number: 1, title: 'Unrelated', body: 'about something else', state: 'open' }]);
    expect(await syncDriftIssue({ github: fake.github, context, result: 'failure', reportFile })).toBe('opened #101: Live API drift: X');
    expect(fake.issues[1]).toEqual({
      number: 101,
      title: 'Live API drift: X',
      body: `${ISSUE_MARKER}\nwhat drifted\n\nLatest failing run: ${runUrl}`,
      state: 'open',
    });
  });

  test('updates the open issue instead of opening another, and comments when the failure changed', async () => {
    const fake = fakeGithub([{ number: 7, title: 'Live API drift: Y', body: `${ISSUE_MARKER}\nold`, state: 'open' }]);
    expect(await syncDriftIssue({ github: fake.github, context, result: 'failure', reportFile })).toBe('updated #7: Live API drift: X');
    expect(fake.calls).toEqual(['update #7 title,body', `comment #7: The failure changed: Live API drift: X (${runUrl}).`]);
    const again = fakeGithub([{ number: 7, title: 'Live API drift: X', body: `${ISSUE_MARKER}\nold`, state: 'open' }]);
    await syncDriftIssue({ github: again.github, context, result: 'failure', reportFile });
    expect(again.calls).toEqual(['update #7 title,body']);
  });

  test('says the run could not run when it left no report', async () => {
    const fake = fakeGithub([]);
    await syncDriftIssue({ github: fake.github, context, result: 'failure', reportFile: path.join(dir, 'absent.json') });
    expect(fake.issues[0]?.title).toBe(FALLBACK_ISSUE.title);
  });

  test('closes its issue when the next run passes, and leaves others alone', async () => {
    const fake = fakeGithub([
      { number: 7, title: 'Live API drift: X', body: `${ISSUE_MARKER}\nold`, state: 'open' },
      { number: 8, title: 'Unrelated', body: 'no marker', state: 'open' },
      { number: 9, title: 'A pull request', body: ISSUE_MARKER, state: 'open', pull_request: {} },
    ]);
    expect(await syncDriftIssue({ github: fake.github, context, result: 'success', reportFile })).toBe('closed #7');
    expect(fake.calls).toEqual([`comment #7: The live run passed: ${runUrl}. Closing.`, 'update #7 state']);
    expect(fake.issues.map((issue) => issue.state)).toEqual(['closed', 'open', 'open']);
    expect(await syncDriftIssue({ github: fakeGithub([]).github, context, result: 'success', reportFile })).toBe(
      'the live run passed; no issue to close',
    );
  });

  test('leaves the issue alone when the live job was skipped', async () => {
    const fake = fakeGithub([{ number: 7, title: 'Live API drift: X', body: ISSUE_MARKER, state: 'open' }]);
    expect(await syncDriftIssue({ github: fake.github, context, result: 'skipped', reportFile })).toMatch(/left as it is/);
    expect(fake.calls).toEqual([]);
  });

  test('loads in plain Node, as the workflow imports it (no npm ci, types stripped)', async () => {
    const file = path.join(PROJECT_ROOT, 'scripts/live/github-issue.ts');
    const loaded = await execa(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(file)}); console.log(typeof m.syncDriftIssue)`],
      { cwd: dir },
    );
    expect(loaded.stdout.trim()).toBe('function');
  });
});
