// A write run end to end against a stand-in of the real API that serves every operation of the
// description, on an account that already holds a target, a credential and a proxy: one example
// per operation (scaffolded), the whole matrix within its request plan, one probe per operation and
// scenario, every write against the run's own resources, and nothing of the run left behind,
// whether it finished, was stopped, or the API refused a delete.
// vitest project: programs (test/support/projects.ts)
import { mkdtemp, rm, writeFile, chmod, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { matchRoute } from '../../scripts/api/operation-routes.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { parseCommandLine } from '../../scripts/harness/cli/command-line.ts';
import { LIVE_REQUEST_CEILING, requestPlan } from '../../scripts/live/budget.ts';
import { runLiveCommand } from '../../scripts/live/live-command.ts';
import type { LiveReport } from '../../scripts/live/live-report.ts';
import type { CleanupReport } from '../../scripts/live/live-resources.ts';
import { planLive, runLiveCases } from '../../scripts/live/live-run.ts';
import { LIVE_SCENARIO_NAMES } from '../../scripts/live/live-scenarios.ts';
import { plannedProbes } from '../../scripts/live/probe-phase.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { idFromOperation } from '../../scripts/scaffold/new-example-cli.ts';
import { scaffoldExample } from '../../scripts/scaffold/scaffold.ts';
import { readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { ACCOUNT_CLIENTS, LIVE_CLIENT_ID, standInApi, testAccountTokens, type SeenRequest, type StandInAnswer } from './stand-in.ts';

const requireAll = process.env.CI === 'true';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const root = await mkdtemp(path.join(tmpdir(), 'rr-live-writes-'));
afterAll(() => rm(root, { recursive: true, force: true }));
// One example of every operation, in every language, as `npm run new-example` writes it.
for (const operation of API_OPERATIONS)
  await scaffoldExample({ id: idFromOperation(operation.operationId), operations: [operation.operationId], root });

/** Every record the stand-in's account holds now, by collection, under the dedicated client (and every client). */
function holdings(standIn: ReturnType<typeof standInApi>): Record<string, unknown> {
  return Object.fromEntries(
    ['targets', 'credentials', 'proxies'].map((collection) => [collection, standIn.read(`/api/clients/${LIVE_CLIENT_ID}/${collection}`)]),
  );
}

/** The scenario a request's token stands for. */
function scenarioOf(request: SeenRequest, tokens: ReturnType<typeof testAccountTokens>): string {
  if (request.authorization === null) return 'missing';
  if (request.authorization === tokens.user) return 'ok';
  if (request.authorization === tokens.revoked) return 'revoked';
  if (request.authorization === tokens.forbidden) return 'forbidden';
  return 'invalid';
}

/** The requests that wrote to a record the account held before the run, or to a client other than the dedicated one. */
function writesToOthers(standIn: ReturnType<typeof standInApi>): string[] {
  const held = new Set([...standIn.preexisting.values()].flat());
  const others = ACCOUNT_CLIENTS.slice(1).map((client) => client.clientId);
  return standIn.requests
    .filter((request) => WRITES.has(request.method))
    .filter((request) => {
      const segments = request.path.split('/');
      const last = segments.at(-1) ?? '';
      const writesRecord = request.method !== 'POST' && held.has(last);
      return writesRecord || others.some((id) => segments.includes(id));
    })
    .map((request) => `${request.method} ${request.path} (${request.sender})`);
}

const expectPassed = (results: readonly CaseResult[]) => {
  const failed = results.filter((result) => result.status === 'failed');
  if (failed.length) throw new Error(failed.map(formatFailure).join('\n'));
};

describe('a write run of every operation', async () => {
  const tokens = testAccountTokens();
  const standIn = standInApi({ tokens });
  const before = holdings(standIn);
  const full = await planLive({ root, writes: true, clientId: LIVE_CLIENT_ID });
  const curl = await planLive({ root, writes: true, clientId: LIVE_CLIENT_ID, languages: ['curl'] });
  let cleanup: CleanupReport | undefined;
  const run = await runLiveCases(curl.cases, {
    root,
    tokens,
    writes: true,
    clientId: LIVE_CLIENT_ID,
    runId: 'test',
    upstream: standIn.handler,
    requireAll,
    onCleanup: (report) => void (cleanup = report),
  });

  test('plans the full matrix (every operation, five languages, every live scenario) within the ceiling', () => {
    expect(full.examples).toHaveLength(API_OPERATIONS.length);
    expect(full.cases).toHaveLength(API_OPERATIONS.length * 5 * LIVE_SCENARIO_NAMES.length);
    expect(full.leftOut).toEqual([]);
    const plan = requestPlan(full.cases, plannedProbes(full.cases), { writes: true });
    expect(plan.probes).toBe(API_OPERATIONS.length * LIVE_SCENARIO_NAMES.length);
    expect(plan.total).toBeLessThanOrEqual(LIVE_REQUEST_CEILING);
  });

  test('passes every case, and sends no more requests than its plan', () => {
    expectPassed(run.results);
    expect(run.results).toHaveLength(API_OPERATIONS.length * LIVE_SCENARIO_NAMES.length);
    expect(standIn.requests.length).toBeLessThanOrEqual(run.requests.total);
    expect(standIn.requests.filter((request) => request.sender !== 'program').length).toBeLessThanOrEqual(
      run.requests.probes + run.requests.resources,
    );
  });

  test('probes each operation under each scenario exactly once, and judges it as documented', () => {
    const probed = standIn.requests
      .filter((request) => request.probe)
      .map((request) => {
        const route = matchRoute(API_OPERATIONS, request.method, request.path);
        return `${route.kind === 'operation' ? route.operation.operationId : request.path}/${scenarioOf(request, tokens)}`;
      });
    const expected = API_OPERATIONS.flatMap((operation) => LIVE_SCENARIO_NAMES.map((scenario) => `${operation.operationId}/${scenario}`));
    expect(probed.sort()).toEqual(expected.sort());
    expect(run.verdicts.filter((verdict) => verdict.outcome !== 'as-documented').map((verdict) => verdict.key)).toEqual([]);
  });

  test('never writes to what the account held before, nor to another client', () => {
    expect(writesToOthers(standIn)).toEqual([]);
  });

  test('deletes everything it made, and leaves the account as it found it', () => {
    expect(cleanup?.notDeleted).toEqual([]);
    expect(cleanup?.deleted.length).toBeGreaterThan(0);
    expect(run.cleanup).toEqual(cleanup);
    expect(holdings(standIn)).toEqual(before);
    expect(standIn.read('/api/clients')).toEqual({ clients: ACCOUNT_CLIENTS, message: 'Success' });
    // Each record a program created (a create example's) is among those deleted.
    expect(cleanup?.deleted.filter((resource) => resource.madeBy === 'a program').length).toBeGreaterThan(0);
  });
});

describe('a write run that is stopped', () => {
  test('deletes what it made before it rejects', async () => {
    const tokens = testAccountTokens();
    const controller = new AbortController();
    const standIn = standInApi({ tokens });
    const before = holdings(standIn);
    const handler: typeof standIn.handler = (req, res) => {
      if (req.headers['user-agent'] === undefined || !String(req.headers['user-agent']).startsWith('requestrocket-docs-sentinel'))
        controller.abort(new Error('stopped by the test'));
      standIn.handler(req, res);
    };
    const { cases } = await planLive({
      root,
      writes: true,
      clientId: LIVE_CLIENT_ID,
      languages: ['curl'],
      examples: ['update-proxy', 'delete-target', 'create-credential'],
    });
    let cleanup: CleanupReport | undefined;
    await expect(
      runLiveCases(cases, {
        root,
        tokens,
        writes: true,
        clientId: LIVE_CLIENT_ID,
        upstream: handler,
        signal: controller.signal,
        onCleanup: (report) => void (cleanup = report),
      }),
    ).rejects.toThrow('stopped by the test');
    expect(cleanup?.deleted.length).toBeGreaterThan(0);
    expect(cleanup?.notDeleted).toEqual([]);
    expect(holdings(standIn)).toEqual(before);
    expect(writesToOthers(standIn)).toEqual([]);
  });
});

describe('a write run stopped by a signal, as the command line wires it', () => {
  test.for([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('deletes what it made before it exits on %s', async ([signal, exitCode]) => {
    const child = execa(process.execPath, ['test/live/interrupted-write-run.ts', root], { cwd: PROJECT_ROOT, reject: false });
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('program started\n')) resolve();
      });
      void child.then((ended) => reject(new Error(`ended before a program started:\n${stdout}\n${String(ended.stderr)}`)));
    });
    child.kill(signal);
    const result = await child;
    expect(result.exitCode, result.stdout + result.stderr).toBe(exitCode);
    expect(result.stderr).toContain(`interrupted by ${signal}`);
    expect(result.stdout).toMatch(/^cleanup: deleted \d+ resource\(s\) the run made$/m);
    expect(result.stdout).not.toContain('NOT DELETED');
    expect(JSON.parse(result.stdout.trimEnd().split('\n').at(-1)!)).toEqual({ code: exitCode, unchanged: true });
  });
});

describe('a write run whose program claims a record the account held', () => {
  test('leaves that record alone, and says so', async () => {
    const tokens = testAccountTokens();
    const standIn = standInApi({ tokens });
    const held = standIn.preexisting.get('targets')![0]!;
    // An example that creates nothing and says it created the account's own target.
    const dir = path.join(root, '..', `${path.basename(root)}-hostile`, 'claims-target');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'example.json'),
      JSON.stringify({ title: 'Claims a target', operation: 'createTarget', parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' } }),
    );
    const script = path.join(dir, 'claims-target.sh');
    await writeFile(script, `#!/usr/bin/env bash\necho "Created target ${held}"\n`);
    await chmod(script, 0o755);
    const hostileRoot = path.dirname(dir);
    try {
      const { cases } = await planLive({ root: hostileRoot, writes: true, clientId: LIVE_CLIENT_ID, scenarios: ['ok'] });
      const run = await runLiveCases(cases, {
        root: hostileRoot,
        tokens,
        writes: true,
        clientId: LIVE_CLIENT_ID,
        upstream: standIn.handler,
      });
      expect(run.cleanup?.refused).toEqual([
        { collection: 'targets', id: held, reason: 'a program said it created it, but the account held it before the run: left alone' },
      ]);
      expect(standIn.requests.filter((request) => request.path.endsWith(held))).toEqual([]);
      expect(JSON.stringify(standIn.read(`/api/clients/${LIVE_CLIENT_ID}/targets`))).toContain(held);
    } finally {
      await rm(hostileRoot, { recursive: true, force: true });
    }
  });
});

/** The write command in-process against a stand-in, with the dedicated client set. */
async function writeCommand(args: string[], drift: (answer: StandInAnswer, request: SeenRequest) => StandInAnswer) {
  const tokens = testAccountTokens();
  const standIn = standInApi({ tokens, drift });
  const json = path.join(root, `report-${Math.random().toString(36).slice(2)}.json`);
  let printed = '';
  const code = await runLiveCommand(
    parseCommandLine(['--live', '--live-writes', '--root', root, '--lang', 'curl', '--json', json, ...args], {}),
    {
      out: { write: (text) => void (printed += text), isTTY: false },
      env: { REQUESTROCKET_USER_TOKEN: tokens.user, REQUESTROCKET_LIVE_CLIENT_ID: LIVE_CLIENT_ID },
      projectRoot: root,
      upstream: standIn.handler,
      runId: 'cmd',
    },
  );
  return { code, printed, standIn, report: JSON.parse(await readFile(json, 'utf8')) as LiveReport };
}

const json = (status: number, body: unknown): StandInAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe('snippets --live --live-writes', () => {
  test('exits 1 and names, by id, what it could not delete', async () => {
    const { code, printed, report } = await writeCommand(['--example', 'get-target', '--scenario', 'ok'], (answer, request) =>
      request.sender === 'setup' && request.method === 'DELETE'
        ? json(500, { error: 'Internal Server Error', message: 'no', status: 500 })
        : answer,
    );
    expect(code, printed).toBe(1);
    const [left] = report.live.cleanup!.notDeleted;
    expect(left).toMatchObject({ collection: 'targets', madeBy: 'the harness' });
    expect(printed).toContain(
      `NOT DELETED: targets ${left!.id} (made by the harness): DELETE /api/clients/${LIVE_CLIENT_ID}/targets/${left!.id}: 500`,
    );
    expect(report.live.issue?.body).toContain(`- targets \`${left!.id}\``);
    expect(printed).toContain('named "requestrocket-docs live cmd"');
  });

  test('says which assumption of the description the real API contradicted', async () => {
    const { code, report, printed } = await writeCommand(['--example', 'create-target', '--scenario', 'ok'], (answer, request) =>
      request.method === 'POST' && request.sender !== 'setup' && answer.status === 201 ? { ...answer, status: 200 } : answer,
    );
    expect(code).toBe(1);
    const pointer = '#/paths/~1api~1clients~1{clientId}~1targets/post/responses/201';
    const contradicted = report.live.assumptions.find((each) => each.pointer === pointer);
    expect(contradicted).toMatchObject({ verdict: 'contradicted', probes: ['createTarget/ok'] });
    expect(contradicted?.evidence).toEqual(['POST /api/clients/{clientId}/targets (ok): documented 201, real 200']);
    expect(printed).toContain(`contradicted: ${pointer}: The docs show no answer to a create`);
    expect(report.live.cleanup?.notDeleted).toEqual([]);
  });
});
