// `npm run snippets` end to end: exit codes, the terminal report, and the JSON and JUnit files.
// vitest project: programs (test/support/projects.ts)
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { SCENARIO_NAMES } from '../../scripts/harness/case/scenarios.ts';
import { findExecutable } from '../../scripts/paths.ts';
import { HarnessReportSchema } from '../../scripts/report/report-schema.ts';

/** Runs the CLI; without the result cache unless the test names one (`--result-cache`), so every case really runs. */
const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['scripts/harness/cli/snippets-cli.ts', ...(args.includes('--result-cache') ? [] : ['--no-cache']), ...args], {
    cwd: PROJECT_ROOT,
    reject: false,
    env: { CI: '', GITHUB_ACTIONS: '', ...env },
  });

/** The scenarios in which the mock answers, as command-line filters: five quick cases of one file. */
const AUTH_SCENARIOS = ['ok', 'missing', 'invalid', 'revoked', 'forbidden'].flatMap((name) => ['--scenario', name]);

/** A full-length token anywhere in the text: the harness must only ever print masked ones. */
const UNMASKED_TOKEN = /u-[A-Za-z0-9]{32}/;

let out: string;
/** A folder holding only bwrap and socat (links to the real ones, when this machine has them). */
let sandboxTools: string;
beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'rr-cli-'));
  sandboxTools = path.join(out, 'sandbox-tools');
  await mkdir(sandboxTools);
  for (const tool of ['bwrap', 'socat']) {
    const found = findExecutable(tool);
    if (found) await symlink(found, path.join(sandboxTools, tool));
  }
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('snippets CLI', () => {
  test('exits 0 and writes a JSON report of the documented shape', async () => {
    const json = path.join(out, 'report.json');
    const junit = path.join(out, 'report.xml');
    // Every scenario but the one that waits 10 s for the program's own timeout (snippets.test.ts runs it).
    const scenarios = SCENARIO_NAMES.filter((name) => name !== 'hung-server');
    const result = await cli([
      '--example',
      'list-clients',
      '--lang',
      'curl',
      ...scenarios.flatMap((name) => ['--scenario', name]),
      '--json',
      json,
      '--junit',
      junit,
    ]);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^snippets: 8 passed, 0 failed, 0 skipped/m);
    const report = HarnessReportSchema.strict().parse(JSON.parse(await readFile(json, 'utf8')));
    expect(report.summary).toMatchObject({ passed: 8, failed: 0, skipped: 0 });
    expect(report.cases.map((c) => c.scenario)).toEqual([
      'ok',
      'missing',
      'invalid',
      'revoked',
      'forbidden',
      'untrusted-cert',
      'bad-gateway',
      'network-error',
    ]);
    expect(report.cases[0]).toMatchObject({
      example: 'list-clients',
      language: 'curl',
      file: 'snippets/list-clients/list-clients.sh',
      status: 'passed',
    });
    expect(report.cases[0]?.checks.map((check) => check.id)).toContain('auth-header');
    // Every case is tied to the exact bytes it ran: the file's hash, the run's harness, the toolchain.
    const sha256 = (file: string) =>
      readFile(path.join(PROJECT_ROOT, file)).then((bytes) => createHash('sha256').update(bytes).digest('hex'));
    expect(report.cases[0]?.inputs).toEqual({
      snippet: await sha256('snippets/list-clients/list-clients.sh'),
      manifest: await sha256('snippets/list-clients/example.json'),
      requestHttp: await sha256('snippets/list-clients/request.http'),
      dependencies: null,
      harness: report.run.harness,
      toolchain: expect.stringMatching(/^curl \d/),
    });
    expect(report.run).toMatchObject({ node: process.versions.node, commit: expect.stringMatching(/^[0-9a-f]{40}(\+changes)?$/) });
    expect(report.run.toolchains.curl).toMatchObject({ available: true });
    // ...and carries what the program printed, tokens masked, as evidence a page can show.
    expect(report.cases[0]).toMatchObject({
      cached: false,
      runtime: expect.stringMatching(/^curl /),
      evidence: { exitCode: 0, timedOut: false },
    });
    expect(report.cases[0]?.evidence?.stdout).toContain('Northwind Logistics');
    expect(report.cases[3]?.evidence).toMatchObject({ exitCode: expect.any(Number), stderr: expect.stringContaining('401') });
    expect(JSON.stringify(report)).not.toMatch(UNMASKED_TOKEN);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('<testsuite name="snippets/list-clients/list-clients.sh" tests="8" failures="0" skipped="0"');
  });

  test('exits 1 and explains a failure with file, scenario, check, the recorded request and masked tokens', async () => {
    const result = await cli(['--root', 'test/fixtures/broken', '--example', 'bearer-prefix', '--scenario', 'forbidden'], {
      GITHUB_ACTIONS: 'true',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('✗ test/fixtures/broken/bearer-prefix/bearer_prefix.py (scenario: forbidden)');
    expect(result.stdout).toContain('[auth-header] sent "Bearer <token>": the Core API takes the raw token, remove the "Bearer " prefix');
    expect(result.stdout).toMatch(/GET \/api\/clients \[TLSv1\.[23]\] .*Authorization: "Bearer u-.{2}…\(34 chars\)" -> 401/);
    expect(result.stdout).toMatch(
      /^::error file=test\/fixtures\/broken\/bearer-prefix\/bearer_prefix\.py,title=auth-header \(forbidden\)::/m,
    );
    expect(result.stdout).toMatch(/^snippets: 0 passed, 1 failed, 0 skipped/m);
    expect(result.stdout + result.stderr).not.toMatch(UNMASKED_TOKEN);
  });

  test('never prints a token, even one the program printed', async () => {
    const result = await cli(['--root', 'test/fixtures/broken', '--example', 'prints-token', '--scenario', 'ok']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/\| Using token u-.{2}…\(34 chars\)/);
    expect(result.stdout + result.stderr).not.toMatch(UNMASKED_TOKEN);
  });

  test('exits 2 on a bad manifest and names the file, the field, what was found and what was expected', async () => {
    const result = await cli(['--root', 'test/fixtures/bad-manifest']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('test/fixtures/bad-manifest/wrong-method/example.json: invalid example manifest');
    expect(result.stderr).toMatch(
      /field "operation": expected one of "listClients"\|"createClient"\|.*\|"deleteProxy", found "fetchClients" \(string\)/,
    );
    expect(result.stderr).toContain('unknown field(s) "timeout"');
  });

  test.for([
    [['--lang', 'rust'], /unknown language "rust"/],
    [['--concurrency', '0'], /expected --concurrency to be a whole number of at least 1, got "0"/],
    [['--shard', '5/4'], /expected --shard i\/n/],
    [['--bogus'], /Unknown option '--bogus'/],
  ] as const)('exits 2 on %j', async ([args, message]) => {
    const result = await cli([...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test('lists the cases of a shard without running them', async () => {
    const result = await cli(['--list', '--shard', '1/2', '--example', 'verify-token', '--lang', 'go']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      'verify-token/go/ok\nverify-token/go/invalid\nverify-token/go/forbidden\nverify-token/go/hung-server\nverify-token/go/network-error\n5 case(s)',
    );
  });

  test('reuses unchanged results from the result cache, says how many, and marks them in the JSON report', async () => {
    const cache = path.join(out, 'results');
    const args = ['--example', 'verify-token', '--lang', 'curl', ...AUTH_SCENARIOS, '--result-cache', cache];
    const first = await cli([...args, '--json', path.join(out, 'first.json')]);
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain(`reused 0 of 5 case(s), stored 5`);
    // An entry no run has used since 2000: the next run prunes it, and says so.
    const stale = path.join(cache, 'ab', `ab${'0'.repeat(62)}.json`);
    await mkdir(path.dirname(stale), { recursive: true });
    await writeFile(stale, '{}\n');
    await utimes(stale, new Date('2000-01-01'), new Date('2000-01-01'));
    const second = await cli([...args, '--json', path.join(out, 'second.json')]);
    expect(second.stdout).toContain(`reused 5 of 5 case(s), stored 0; pruned 1 entry no recent run used (3 B)`);
    await expect(readFile(stale)).rejects.toThrow();
    const report = HarnessReportSchema.parse(JSON.parse(await readFile(path.join(out, 'second.json'), 'utf8')));
    expect(report.summary).toMatchObject({ passed: 5, cached: 5 });
    expect(report.cases.every((entry) => entry.cached && entry.evidence !== undefined)).toBe(true);
    const forced = await cli([...args, '--no-cache', '--json', path.join(out, 'forced.json')]);
    expect(forced.stdout).not.toContain('reused');
    const again = HarnessReportSchema.parse(JSON.parse(await readFile(path.join(out, 'forced.json'), 'utf8')));
    expect(again.summary.cached).toBe(0);
  });

  test('merges shard reports into one JSON and JUnit report, and fails on a planned case no shard ran', async () => {
    const filter = ['--example', 'verify-token', '--lang', 'curl', ...AUTH_SCENARIOS];
    const shards = [1, 2].map((index) => path.join(out, `shard-${index}.json`));
    for (const [index, file] of shards.entries()) {
      const shard = await cli([...filter, '--shard', `${index + 1}/2`, '--json', file]);
      expect(shard.exitCode, shard.stdout + shard.stderr).toBe(0);
    }
    const all = path.join(out, 'all.json');
    const merged = await cli(['--merge', ...shards, ...filter, '--json', all, '--junit', path.join(out, 'all.xml')]);
    expect(merged.exitCode, merged.stdout + merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/^snippets: 5 passed, 0 failed, 0 skipped/m);
    const report = HarnessReportSchema.parse(JSON.parse(await readFile(all, 'utf8')));
    expect(report.cases.map((entry) => entry.scenario)).toEqual(['ok', 'missing', 'invalid', 'revoked', 'forbidden']);
    expect(await readFile(path.join(out, 'all.xml'), 'utf8')).toContain('tests="5" failures="0"');

    const missing = await cli(['--merge', shards[0]!, ...filter]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(
      /2 planned case\(s\) are in no report:\n\s+- verify-token\/curl\/missing\n\s+- verify-token\/curl\/revoked/,
    );

    const overlap = await cli(['--merge', shards[0]!, all, ...filter]);
    expect(overlap.exitCode).toBe(2);
    expect(overlap.stderr).toContain(`verify-token/curl/ok: in ${shards[0]} and ${all}`);
  });

  test('fails, not skips, a language whose toolchain is missing under CI=true', async () => {
    // Node, and the sandbox's tools (required under CI=true), but no Go.
    const bare = { PATH: [path.dirname(process.execPath), sandboxTools].join(path.delimiter) };
    const local = await cli(['--example', 'list-clients', '--lang', 'go', '--scenario', 'ok'], bare);
    expect(local.exitCode).toBe(0);
    expect(local.stdout).toMatch(/1 case\(s\): go not found on PATH/);
    const json = path.join(out, 'skipped.json');
    await cli(['--example', 'list-clients', '--lang', 'go', '--scenario', 'ok', '--json', json], bare);
    const report = HarnessReportSchema.parse(JSON.parse(await readFile(json, 'utf8')));
    expect(report.cases[0]).toMatchObject({
      status: 'skipped',
      reason: 'go not found on PATH',
      checks: [],
      inputs: { toolchain: 'missing: go not found on PATH' },
    });
    expect(report.cases[0]).not.toHaveProperty('evidence');
    const ci = await cli(['--example', 'list-clients', '--lang', 'go', '--scenario', 'ok'], { ...bare, CI: 'true' });
    expect(ci.exitCode).toBe(1);
    expect(ci.stdout).toContain('[toolchain] go not found on PATH; every language is required here');
  });

  test('refuses to run, exit 2, when isolation is required and bwrap is missing', async () => {
    const bare = { PATH: path.dirname(process.execPath) };
    for (const [args, env] of [
      [['--require-isolation'], {}],
      [[], { CI: 'true' }],
    ] as const) {
      const result = await cli([...args, '--example', 'list-clients', '--lang', 'curl', '--scenario', 'ok'], { ...bare, ...env });
      expect(result.exitCode, result.stdout + result.stderr).toBe(2);
      expect(result.stderr).toMatch(
        /isolation is required but not available: bwrap \(bubblewrap\) not found on PATH; install bubblewrap and socat \(apt-get install bubblewrap socat\)/,
      );
      expect(result.stdout).not.toMatch(/Running/);
    }
  });

  test('says once that programs run unsandboxed, and runs them all the same, when isolation is not required', async () => {
    // curl, bash and openssl (for the CA), but no bwrap.
    const tools = path.join(out, 'curl-only');
    await mkdir(tools, { recursive: true });
    for (const tool of ['curl', 'bash', 'openssl']) await symlink(findExecutable(tool)!, path.join(tools, tool)).catch(() => {});
    const result = await cli(['--example', 'list-clients', '--lang', 'curl', '--scenario', 'ok'], {
      PATH: [path.dirname(process.execPath), tools].join(path.delimiter),
    });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout.match(/^isolation: .*$/gm)).toEqual([
      "isolation: NOT sandboxed: bwrap (bubblewrap) not found on PATH; programs run with this machine's network and files (install bubblewrap and socat (apt-get install bubblewrap socat) and allow user namespaces (sysctl kernel.unprivileged_userns_clone=1) when not running as root); limits: output only (counted by the harness)",
    ]);
  });

  test("is not changed by the user's own ~/.curlrc (here: `insecure`)", async () => {
    const home = path.join(out, 'home');
    await mkdir(home, { recursive: true });
    await writeFile(path.join(home, '.curlrc'), 'insecure\n');
    // The example trusts only another CA: the proxy's certificate must still be refused.
    const result = await cli(['--root', 'test/fixtures/user-curlrc', '--scenario', 'ok'], { HOME: home });
    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/other-ca\/curl\/ok \d+ms \[request, exit-code, output\]/);
    expect(result.stdout).toMatch(/the program exited 60/);
  });
});
