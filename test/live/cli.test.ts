// `npm run snippets -- --live`: what it refuses before sending anything (as a real command), and
// what it prints and writes (in-process, steered to a stand-in): never a token, never the site's report.
// vitest project: programs (test/support/projects.ts)
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import { exampleSteps } from '../../scripts/manifest/example-steps.ts';
import { parseCommandLine } from '../../scripts/harness/cli/command-line.ts';
import { UsageError } from '../../scripts/usage.ts';
import { runLiveCommand } from '../../scripts/live/live-command.ts';
import type { LiveReport } from '../../scripts/live/live-report.ts';
import { HarnessReportSchema } from '../../scripts/report/report-schema.ts';
import { planLive } from '../../scripts/live/live-run.ts';
import { DRIFTS, LIVE_CLIENT_ID, standInApi, testAccountTokens } from './stand-in.ts';

/** A full-length token anywhere in the text: a live run must only ever show masked ones. */
const UNMASKED_TOKEN = /u-[A-Za-z0-9]{32}/;

/** The CLI as a process, with no token variables unless given. */
const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['scripts/harness/cli/snippets-cli.ts', ...args], {
    cwd: PROJECT_ROOT,
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CI: '', GITHUB_ACTIONS: '', ...env },
  });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rr-live-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('snippets --live refuses before sending anything', () => {
  test('without REQUESTROCKET_USER_TOKEN', async () => {
    const result = await cli(['--live']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('snippets: --live needs your own token in REQUESTROCKET_USER_TOKEN; it is not set (nothing was sent)');
    expect(result.stdout).toBe('');
  });

  test('with a token that is not a user token, without showing it', async () => {
    const value = 'Bearer not-a-user-token-0123456789';
    const result = await cli(['--live'], { REQUESTROCKET_USER_TOKEN: value });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('REQUESTROCKET_USER_TOKEN does not hold a user token');
    expect(result.stdout + result.stderr).not.toContain('not-a-user-token');
  });

  test.for([
    [['--json', '.cache/harness-report.json'], {}, "--json .cache/harness-report.json is the site's report"],
    [['--json', path.join(PROJECT_ROOT, '.cache', '..', '.cache', 'harness-report.json')], {}, "is the site's report"],
    [['--junit', '.cache/harness-report.json'], {}, "--junit .cache/harness-report.json is the site's report"],
    [['--json', 'site/report.json'], { RR_DOCS_REPORT: 'site/report.json' }, "--json site/report.json is the site's report"],
  ] as const)('when %j would overwrite the site report', async ([args, env, message]) => {
    const result = await cli(['--live', ...args], { REQUESTROCKET_USER_TOKEN: testAccountTokens().user, ...env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('a live run never writes it');
  });

  test('and has no flag that steers it anywhere but the real API', () => {
    expect(() => parseCommandLine(['--live', '--upstream', 'http://127.0.0.1:1'])).toThrow(UsageError);
    expect(Object.keys(parseCommandLine(['--live']))).toEqual([
      'options',
      'json',
      'junit',
      'list',
      'shardMatrix',
      'merge',
      'help',
      'live',
      'liveWrites',
      'harnessFiles',
      'harnessFingerprint',
    ]);
  });

  test('with --live-writes but no dedicated client, naming the variable', async () => {
    const result = await cli(['--live', '--live-writes'], { REQUESTROCKET_USER_TOKEN: testAccountTokens().user });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'snippets: --live-writes needs the id of the client kept for live runs in REQUESTROCKET_LIVE_CLIENT_ID; it is not set (nothing was sent)',
    );
    const alone = await cli(['--live-writes']);
    expect(alone.exitCode).toBe(2);
    expect(alone.stderr).toContain('--live-writes goes with --live');
    const malformed = await cli(['--live', '--live-writes'], {
      REQUESTROCKET_USER_TOKEN: testAccountTokens().user,
      REQUESTROCKET_LIVE_CLIENT_ID: 'not-an-id',
    });
    expect(malformed.exitCode).toBe(2);
    expect(malformed.stderr).toContain('REQUESTROCKET_LIVE_CLIENT_ID does not hold a clientId');
  });

  test('when asked for a write example without --live-writes', async () => {
    const result = await cli(['--live', '--example', 'create-target'], { REQUESTROCKET_USER_TOKEN: testAccountTokens().user });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      '"create-target": createTarget changes the account; a live run writes only with --live-writes and REQUESTROCKET_LIVE_CLIENT_ID (nothing was sent)',
    );
  });

  test('plans reads only by default, and says how many write cases it left out and why', async () => {
    // The examples that create, change or delete, and those that read under a client, from their own manifests.
    const { examples } = await planHarness();
    const kindsOf = (example: (typeof examples)[number]) => exampleSteps(example.manifest).map((step) => step.kind);
    const writing = examples.filter((example) =>
      kindsOf(example).some((kind) => kind === 'create' || kind === 'update' || kind === 'delete'),
    );
    const underClient = examples.filter(
      (example) => !writing.includes(example) && exampleSteps(example.manifest).some((step) => step.operation.pathParameters.length > 0),
    );
    expect(writing.length).toBeGreaterThan(0);
    expect(underClient.length).toBeGreaterThan(0);
    const writes = (await planLive({})).leftOut.filter((each) => each.writes);
    expect(writes.map((each) => each.example).sort()).toEqual(writing.map((example) => example.id).sort());
    const result = await cli(['--live', '--list']);
    expect(result.exitCode).toBe(0);
    const count = writes.reduce((sum, each) => sum + each.cases, 0);
    expect(result.stdout).toContain(
      `left out ${count} write case(s) of ${writes.map((each) => each.example).join(', ')}: they create, change or delete, and a live run writes only with --live-writes and REQUESTROCKET_LIVE_CLIENT_ID`,
    );
    for (const example of underClient)
      expect(result.stdout).toContain(`case(s) of ${example.id}: it reads a clientId: set REQUESTROCKET_LIVE_CLIENT_ID`);
    for (const example of writing) expect(result.stdout).not.toMatch(new RegExp(`^${example.id}/`, 'm'));
    // With the dedicated client, the reads under it run too; the writes still do not.
    const withClient = await cli(['--live', '--list'], { REQUESTROCKET_LIVE_CLIENT_ID: LIVE_CLIENT_ID });
    expect(withClient.stdout).toMatch(/^list-credentials\/go\/ok$/m);
    for (const example of writing) expect(withClient.stdout).not.toMatch(new RegExp(`^${example.id}/`, 'm'));
  });

  test('lists the live cases without a token', async () => {
    const result = await cli(['--live', '--list', '--example', 'list-clients', '--lang', 'go']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      'list-clients/go/ok\nlist-clients/go/missing\nlist-clients/go/invalid\nlist-clients/go/revoked\nlist-clients/go/forbidden\n5 live case(s)',
    );
  });
});

/** Runs the live command in-process against a stand-in; returns its exit code and what it printed. */
async function liveCommand(args: string[], options: { drift?: keyof typeof DRIFTS; env?: Record<string, string> } = {}) {
  const tokens = testAccountTokens();
  const standIn = standInApi({ tokens, drift: options.drift ? DRIFTS[options.drift] : undefined });
  let printed = '';
  const env = {
    REQUESTROCKET_USER_TOKEN: tokens.user,
    REQUESTROCKET_REVOKED_TOKEN: tokens.revoked,
    REQUESTROCKET_FORBIDDEN_TOKEN: tokens.forbidden,
    ...options.env,
  };
  const code = await runLiveCommand(parseCommandLine(['--live', '--example', 'list-clients', '--lang', 'javascript', ...args], {}), {
    out: { write: (text) => void (printed += text), isTTY: false },
    env,
    projectRoot: dir,
    upstream: standIn.handler,
  });
  return { code, printed, tokens, standIn };
}

describe('snippets --live against a stand-in', () => {
  test('exits 0 when the real API answers as documented, and writes its report under .cache/live/, never the site report', async () => {
    const { code, printed } = await liveCommand([]);
    expect(code, printed).toBe(0);
    expect(printed).toMatch(
      /^Running 5 case\(s\) against the real API at https:\/\/api\.requestrocket\.com\/api: no mock, no interception; each program in its own sandbox, with its own token, reaching api\.requestrocket\.com:443 alone; at most 10 requests \(5 probe\(s\), 5 from the programs\), 10 s per probe$/m,
    );
    expect(printed).toMatch(/^snippets: 5 passed, 0 failed, 0 skipped/m);
    const report = JSON.parse(await readFile(path.join(dir, '.cache', 'live', 'report.json'), 'utf8')) as LiveReport;
    expect(HarnessReportSchema.parse(report).summary).toMatchObject({ passed: 5, failed: 0, skipped: 0 });
    expect(report.live).toEqual({
      api: 'https://api.requestrocket.com/api',
      checks: [
        'contract-drift',
        'egress',
        'token-leak',
        'credential-leak',
        'exit-code',
        'handles-error',
        'output',
        'timeout',
        'resource-limits',
      ],
      writes: false,
      probes: expect.any(Array),
      assumptions: expect.any(Array),
      leftOut: [],
      requests: { probes: 5, programs: 5, resources: 0, total: 10 },
      cleanup: null,
      connections: expect.any(Object),
      issue: null,
    });
    expect(report.live.probes.map((probe) => [probe.key, probe.outcome])).toEqual(
      ['ok', 'missing', 'invalid', 'revoked', 'forbidden'].map((scenario) => [`listClients/${scenario}`, 'as-documented']),
    );
    expect(report.live.assumptions.every((each) => each.verdict === 'confirmed')).toBe(true);
    // Every program's connections are recorded: here, each one tunnel to the API, spliced.
    expect(Object.keys(report.live.connections).sort()).toEqual(report.cases.map((entry) => entry.key).sort());
    for (const lines of Object.values(report.live.connections))
      for (const line of lines)
        expect(line).toMatch(/^CONNECT api\.requestrocket\.com:443: spliced to the API \(\d+ bytes sent, \d+ received\)$/);
    expect(existsSync(path.join(dir, '.cache', 'harness-report.json'))).toBe(false);
  });

  test('neither reuses nor stores results in the result cache: a live answer is about this moment', async () => {
    const cache = path.join(dir, 'results');
    expect((await liveCommand(['--result-cache', cache])).code).toBe(0);
    const { code, printed } = await liveCommand(['--result-cache', cache], { drift: 'echoesToken' });
    expect(code, printed).toBe(1);
    expect(existsSync(cache)).toBe(false);
  });

  test('exits 1 on drift, and never shows a token, even one the real API echoed, in the terminal, annotations, JSON or JUnit', async () => {
    const json = path.join(dir, 'drift.json');
    const junit = path.join(dir, 'drift.xml');
    const { code, printed, tokens } = await liveCommand(['--json', json, '--junit', junit], {
      drift: 'echoesToken',
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(code).toBe(1);
    expect(printed).toMatch(/^::error file=snippets\/list-clients\/list-clients\.mjs,title=contract-drift \(invalid\)::/m);
    expect(printed).toMatch(
      /real: {7}401 application\/json \{"error": "Unauthorized", "message": "Unknown token u-.{2}…\(34 chars\)", "status": 401\}/,
    );
    const written = [printed, await readFile(json, 'utf8'), await readFile(junit, 'utf8')];
    for (const text of written) {
      expect(text).not.toMatch(UNMASKED_TOKEN);
      for (const token of Object.values(tokens)) expect(text).not.toContain(token);
    }
    const report = JSON.parse(written[1]!) as LiveReport;
    // Each refused token is echoed in its own message, so each scenario's drift is its own finding.
    expect(report.live.issue?.title).toBe(
      'Live API drift: GET /api/clients (missing): the 401 answer differs in body.message (and 2 more)',
    );
    expect(printed.trimEnd().split('\n').at(-1)).toBe(report.live.issue?.title);
  });
});
