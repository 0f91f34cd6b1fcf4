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
import type { ProbeVerdict } from '../../scripts/live/verdict.ts';
import { caseReport } from '../support/report.ts';

/** A verdict as the probe phase makes it: the same 401 drift under `scenario`, affecting `affects`. */
const drift401 = (scenario: string, affects: ProbeVerdict['affects']): ProbeVerdict => ({
  key: `listClients/${scenario}`,
  operationId: 'listClients',
  endpoint: 'GET /api/clients',
  scenario,
  summary: `the ${scenario} scenario`,
  outcome: 'drift',
  headline: 'the 401 answer differs in body.message',
  documented: '401 application/json {"message": "Invalid or missing authentication token"}',
  real: '401 application/json {"message": "Token not recognised"}',
  differences: [{ where: 'body.message', documented: '"Invalid or missing authentication token"', real: '"Token not recognised"' }],
  assumptions: [],
  affects,
});

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

const failedDrift = (key: string) => result(key, [{ id: 'contract-drift', status: 'failed', message: 'whatever the check said' }]);

describe('liveIssue', () => {
  test('is null when every case passed and every answer was as documented', () => {
    const asDocumented: ProbeVerdict = { ...drift401('ok', []), outcome: 'as-documented', differences: [] };
    expect(
      liveIssue([result('list-clients/go/ok', [{ id: 'contract-drift', status: 'passed', message: 'as documented' }])], [asDocumented]),
    ).toBeNull();
  });

  test('lists each drift once, from the verdicts, with the examples and languages it affects, whatever the check messages say', () => {
    const affects = [
      { example: 'list-clients', languages: ['javascript', 'go'] },
      { example: 'verify-token', languages: ['python'] },
    ];
    const verdicts = [drift401('missing', affects), drift401('invalid', [{ example: 'list-clients', languages: ['curl'] }])];
    const results = ['javascript', 'go'].flatMap((language) =>
      ['missing', 'invalid'].map((scenario) => failedDrift(`list-clients/${language}/${scenario}`)),
    );
    results.push(
      result('list-clients/curl/ok', [
        { id: 'exit-code', status: 'failed', message: 'expected exit code 0 with a valid token; the program exited 22' },
      ]),
    );
    const issue = liveIssue(results, verdicts);
    expect(issue?.title).toBe('Live API drift: GET /api/clients (missing, invalid): the 401 answer differs in body.message');
    expect(issue?.body.match(/^### /gm)).toHaveLength(2);
    expect(issue?.body.match(/the 401 answer differs in body\.message/g)).toHaveLength(1);
    expect(issue?.body).toContain('Affects list-clients (javascript, go, curl), verify-token (python).');
    expect(issue?.body).toContain('body.message: documented "Invalid or missing authentication token", real "Token not recognised"');
    expect(issue?.body).not.toContain('whatever the check said');
    expect(issue?.body).toContain('## Other failures');
    expect(issue?.body).toContain('### `exit-code`: expected exit code 0 with a valid token; the program exited 22');
    expect(issue?.body).toContain('found 5 failed case(s) of 5, and 1 answer(s) that differ');
  });

  test('names the assumptions a drifted answer rests on', () => {
    const verdict = { ...drift401('ok', []), assumptions: [{ pointer: '#/paths/~1api~1clients/get/responses/200', reason: 'taken' }] };
    expect(liveIssue([], [verdict])?.body).toContain(
      'rests on 1 assumption(s) of the description: `#/paths/~1api~1clients/get/responses/200`',
    );
  });

  test('counts the distinct drifts in its title, and names the failing checks when nothing drifted', () => {
    const drift403: ProbeVerdict = {
      ...drift401('forbidden', []),
      headline: 'documented 403, real 401',
      differences: [{ where: 'status', documented: '403', real: '401' }],
    };
    const both = liveIssue([failedDrift('a/go/invalid'), failedDrift('a/go/forbidden')], [drift401('invalid', []), drift403]);
    expect(both?.title).toBe('Live API drift: GET /api/clients (invalid): the 401 answer differs in body.message (and 1 more)');
    const noDrift = liveIssue(
      [result('a/go/ok', [{ id: 'output', status: 'failed', message: 'expected the output to contain "Fabrikam"' }])],
      [],
    );
    expect(noDrift?.title).toBe('Live examples fail against the real API: output');
  });

  test('lists what a write run could not delete, by id', () => {
    const cleanup = {
      deleted: [],
      refused: [],
      notDeleted: [
        {
          collection: 'targets',
          id: 'tgt_1a2b',
          parentId: 'c',
          madeBy: 'the harness' as const,
          reason: 'DELETE /api/clients/c/targets/tgt_1a2b: 500',
        },
      ],
    };
    const issue = liveIssue([], [], cleanup);
    expect(issue?.title).toBe('Live run left 1 resource(s) in the account');
    expect(issue?.body).toContain('- targets `tgt_1a2b` (made by the harness): DELETE /api/clients/c/targets/tgt_1a2b: 500');
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
