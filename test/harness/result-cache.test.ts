// The result cache: reuse only what ran with exactly these inputs, never trust a broken entry or
// one this machine's key (or RR_DOCS_CACHE_KEY) did not sign, and let an unchanged case skip its
// run while a changed file's cases run again.
// vitest project: programs (test/support/projects.ts)
import { access, cp, mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, runHarness } from '../../scripts/harness/harness.ts';
import { execa } from 'execa';
import {
  RESULT_CACHE_FORMAT,
  describeCacheStats,
  isCacheable,
  openResultCache,
  resultCacheKey,
  type CacheSubject,
} from '../../scripts/harness/cache/result-cache.ts';
import { MACHINE_KEY_VARIABLE, signJson, signingKey } from '../../scripts/secrets/signing.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { caseReport, fakeHash } from '../support/report.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'rr-result-cache-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let folders = 0;
const freshDir = () => path.join(scratch, `cache-${++folders}`);

/** A finished case whose program ran, with the fields a cached result must keep. */
function ranCase(fields: Partial<CaseResult> = {}): CaseResult {
  const evidence = { exitCode: 0, signal: null, timedOut: false, stdout: 'Northwind Logistics\n', stderr: '' };
  return {
    ...caseReport({ example: 'list-clients', language: 'go', scenario: 'ok', status: 'passed', evidence, runtime: 'Go 1.26' }),
    checks: [{ id: 'auth-header', status: 'passed', message: 'raw token' }],
    detail: {
      exitCode: 0,
      signal: null,
      timedOut: false,
      requests: ['GET /api/clients [TLSv1.3] -> 200'],
      egress: [],
      outputTail: ['Northwind Logistics'],
      evidence,
    },
    ...fields,
  };
}

const subjectOf = (result: CaseResult): CacheSubject => ({ caseKey: result.key, file: result.file, inputs: result.inputs });

/** The one entry file in a cache folder. */
async function onlyEntry(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.json'));
  expect(files).toHaveLength(1);
  return path.join(dir, files[0]!);
}

describe('openResultCache', () => {
  test('gives back a stored result, marked cached, with its checks, evidence and the recorded requests', async () => {
    const cache = openResultCache(freshDir());
    const result = ranCase();
    expect(await cache.reuse(subjectOf(result))).toBeUndefined();
    await cache.remember(result);
    const reused = await cache.reuse(subjectOf(result));
    expect(reused).toEqual({ ...result, cached: true });
    expect(cache.stats).toEqual({ reused: 1, stored: 1, discarded: 0, pruned: 0, prunedBytes: 0, refused: [] });
  });

  test.for([
    ['another snippet', { snippet: fakeHash('a') }],
    ['another toolchain', { toolchain: 'Go 1.27' }],
    ['another harness', { harness: fakeHash('b') }],
    ['another request.http', { requestHttp: fakeHash('c') }],
  ] as const)('misses for %s', async ([, change]) => {
    const cache = openResultCache(freshDir());
    const result = ranCase();
    await cache.remember(result);
    expect(await cache.reuse({ ...subjectOf(result), inputs: { ...result.inputs, ...change } })).toBeUndefined();
  });

  test.for([
    ['a skipped case', { status: 'skipped', evidence: undefined }],
    ['a run killed at the time limit', { timedOut: true }],
    [
      'a case whose file could not be built',
      { evidence: undefined, checks: [{ id: 'prepare', status: 'failed', message: 'javac failed' }] },
    ],
    ['a case the harness could not run', { evidence: undefined, checks: [{ id: 'harness', status: 'failed', message: 'mock failed' }] }],
    [
      'a failure of a check that measures time',
      { checks: [{ id: 'request-timeout', status: 'failed', message: 'gave up 12180 ms after the request arrived' }] },
    ],
  ] as const)('never stores %s', async ([, change]) => {
    const base = ranCase();
    const evidence =
      'timedOut' in change ? { ...base.detail.evidence!, timedOut: true } : 'evidence' in change ? undefined : base.detail.evidence;
    const result: CaseResult = {
      ...base,
      ...('status' in change ? { status: change.status } : {}),
      ...('checks' in change ? { checks: [...change.checks], status: 'failed' } : {}),
      detail: { ...base.detail, evidence },
    };
    expect(isCacheable(result)).toBe(false);
    const dir = freshDir();
    await openResultCache(dir).remember(result);
    await expect(readdir(dir)).rejects.toThrow();
  });

  test('stores a failed run, which is as much a result of its inputs as a pass', async () => {
    const result = ranCase({ status: 'failed', checks: [{ id: 'auth-header', status: 'failed', message: 'sent Bearer' }] });
    const cache = openResultCache(freshDir());
    await cache.remember(result);
    expect((await cache.reuse(subjectOf(result)))?.status).toBe('failed');
  });

  test('discards and deletes a half-written entry instead of trusting it', async () => {
    const dir = freshDir();
    const cache = openResultCache(dir);
    const result = ranCase();
    await cache.remember(result);
    const file = await onlyEntry(dir);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length / 2));
    expect(await cache.reuse(subjectOf(result))).toBeUndefined();
    expect(cache.stats).toMatchObject({ discarded: 1, refused: [] });
    await expect(readFile(file)).rejects.toThrow();
  });

  // Entries signed with this machine's key again after the change, as a harness that wrote them wrongly would:
  // the checks behind the signature must still hold.
  test.for([
    ['an entry that names another key', (text: string) => text.replace(/"key":"[0-9a-f]{64}"/, `"key":"${fakeHash('d')}"`)],
    ['an entry about another case', (text: string) => text.replace('"list-clients/go/ok"', '"list-clients/go/revoked"')],
    ['an entry of another shape', (text: string) => text.replace('"checks":[', '"checks":"none","was":[')],
    ['an entry of another format', (text: string) => text.replace(`"format":${RESULT_CACHE_FORMAT}`, '"format":99')],
  ] as const)('discards and deletes %s, signed, instead of trusting it', async ([, corrupt]) => {
    const dir = freshDir();
    const cache = openResultCache(dir);
    const result = ranCase();
    await cache.remember(result);
    const file = await onlyEntry(dir);
    const { signature: _signature, ...body } = JSON.parse(corrupt(await readFile(file, 'utf8'))) as Record<string, unknown>;
    await writeFile(file, JSON.stringify(signJson(body, await signingKey('result-cache'))));
    expect(await cache.reuse(subjectOf(result))).toBeUndefined();
    expect(cache.stats).toMatchObject({ discarded: 1, refused: [] });
    await expect(readFile(file)).rejects.toThrow();
  });

  test('refuses a failed result edited to "passed", saying so, and deletes it', async () => {
    const dir = freshDir();
    const failed = ranCase({ status: 'failed', checks: [{ id: 'auth-header', status: 'failed', message: 'sent Bearer' }] });
    await openResultCache(dir).remember(failed);
    const file = await onlyEntry(dir);
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('"failed"', '"passed"'));
    const cache = openResultCache(dir);
    expect(await cache.reuse(subjectOf(failed))).toBeUndefined();
    expect(cache.stats.refused).toEqual([
      "the cached result for list-clients/go/ok was not signed by this machine's key (its signature does not match: " +
        'it was changed after it was signed, or signed with another key): discarded and run again',
    ]);
    expect(describeCacheStats(cache.stats, 1, '.cache/results')).toMatch(
      /^result cache \(\.cache\/results\): the cached result for list-clients\/go\/ok was not signed by this machine's key .*: discarded and run again\nresult cache \(\.cache\/results\): reused 0 of 1 case\(s\), stored 0; 1 not signed with this run's key, refused$/,
    );
    await expect(readFile(file)).rejects.toThrow();
  });

  test('refuses an entry another machine signed, and an unsigned one', async () => {
    const dir = freshDir();
    const result = ranCase();
    const other = { ...process.env, [MACHINE_KEY_VARIABLE]: path.join(scratch, 'other-machine', 'machine.key') };
    await openResultCache(dir, { env: other }).remember(result);
    const cache = openResultCache(dir);
    expect(await cache.reuse(subjectOf(result))).toBeUndefined();
    expect(cache.stats.refused).toEqual([expect.stringMatching(/was not signed by this machine's key \(its signature does not match/)]);

    await openResultCache(dir).remember(result);
    const file = await onlyEntry(dir);
    const { signature: _signature, ...unsigned } = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify(unsigned));
    expect(await cache.reuse(subjectOf(result))).toBeUndefined();
    expect(cache.stats.refused.at(-1)).toMatch(
      /was not signed by this machine's key \(it carries no signature\): discarded and run again$/,
    );
  });

  test('signs with RR_DOCS_CACHE_KEY when set, and then trusts only that key', async () => {
    const dir = freshDir();
    const result = ranCase();
    const ci = { ...process.env, RR_DOCS_CACHE_KEY: 'k'.repeat(64) };
    await openResultCache(dir, { env: ci }).remember(result);
    expect(await openResultCache(dir, { env: ci }).reuse(subjectOf(result))).toEqual({ ...result, cached: true });
    const local = openResultCache(dir, { env: { ...process.env, RR_DOCS_CACHE_KEY: '' } });
    expect(await local.reuse(subjectOf(result))).toBeUndefined();
    expect(local.stats.refused).toEqual([expect.stringMatching(/was not signed by this machine's key/)]);
  });

  test('without a key it is treated as empty: nothing reused, nothing stored, and it says why', async () => {
    const dir = freshDir();
    const result = ranCase();
    await openResultCache(dir).remember(result);
    const blocked = await mkdtemp(path.join(scratch, 'blocked-'));
    await writeFile(path.join(blocked, 'file'), '');
    // The key's folder would have to be inside a regular file: it can be neither made nor read.
    const cache = openResultCache(dir, { env: { ...process.env, [MACHINE_KEY_VARIABLE]: path.join(blocked, 'file', 'machine.key') } });
    expect(await cache.reuse(subjectOf(result))).toBeUndefined();
    await cache.remember(ranCase({ key: 'list-clients/go/revoked', scenario: 'revoked' }));
    expect(cache.stats).toMatchObject({ reused: 0, stored: 0, refused: [] });
    expect(describeCacheStats(cache.stats, 2, '.cache/results')).toMatch(
      /^result cache \(\.cache\/results\): not used, every case ran: no key to sign or check its entries: .*machine\.key: cannot make or read this machine's signing key \(ENOTDIR\)$/,
    );
    expect(await onlyEntry(dir)).toBeTruthy();
  });

  test('keeps a whole entry when many writers store the same case at once', async () => {
    const dir = freshDir();
    const result = ranCase();
    await Promise.all(Array.from({ length: 8 }, () => openResultCache(dir).remember(result)));
    expect(await openResultCache(dir).reuse(subjectOf(result))).toEqual({ ...result, cached: true });
    expect((await readdir(path.dirname(await onlyEntry(dir)))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('keys on the case, its file and every input', () => {
    const subject = subjectOf(ranCase());
    const key = resultCacheKey(subject);
    expect(resultCacheKey({ ...subject, caseKey: 'list-clients/go/revoked' })).not.toBe(key);
    expect(resultCacheKey({ ...subject, file: 'snippets/list-clients/other.go' })).not.toBe(key);
    expect(resultCacheKey({ ...subject, inputs: { ...subject.inputs, dependencies: fakeHash('e') } })).not.toBe(key);
  });
});

describe('pruning the result cache', () => {
  const DAY = 24 * 60 * 60 * 1000;
  /** A run's view of the cache in `dir`, its clock reading day `day`: entries unused for 10 days go. */
  const runOn = (dir: string, day: number, retention: { maxBytes?: number } = {}) =>
    openResultCache(dir, { retention: { now: () => day * DAY, maxAgeMs: 10 * DAY, ...retention } });
  /** One cached case per scenario, each its own entry. */
  const entry = (scenario: string) => ranCase({ key: `list-clients/go/${scenario}`, scenario });
  const [a, b, c, d, e] = ['ok', 'missing', 'invalid', 'revoked', 'forbidden'].map(entry) as [
    CaseResult,
    CaseResult,
    CaseResult,
    CaseResult,
    CaseResult,
  ];
  /** The file of a case's entry. */
  const fileOf = (dir: string, result: CaseResult) => {
    const key = resultCacheKey(subjectOf(result));
    return path.join(dir, key.slice(0, 2), `${key}.json`);
  };
  /** Which of the cases still have an entry. */
  const kept = async (dir: string) => {
    const present = await Promise.all(
      [a, b, c, d, e].map((result) =>
        access(fileOf(dir, result)).then(
          () => result.scenario,
          () => undefined,
        ),
      ),
    );
    return present.filter(Boolean);
  };

  test('removes entries no run used within the age, then the least recently used beyond the size cap, never one the run used', async () => {
    const dir = freshDir();
    const first = runOn(dir, 0);
    for (const result of [a, b, c]) await first.remember(result);
    await first.prune();
    expect(first.stats).toMatchObject({ stored: 3, pruned: 0 });

    // Day 5: a is reused (and so used again), d is stored; nothing is 10 days old yet.
    const second = runOn(dir, 5);
    expect(await second.reuse(subjectOf(a))).toBeDefined();
    await second.remember(d);
    await second.prune();
    expect(second.stats.pruned).toBe(0);
    expect(await kept(dir)).toEqual(['ok', 'missing', 'invalid', 'revoked']);

    // Day 12: b and c were last used on day 0, a on day 5.
    const third = runOn(dir, 12);
    expect(await third.reuse(subjectOf(d))).toBeDefined();
    await third.prune();
    expect(await kept(dir)).toEqual(['ok', 'revoked']);
    expect(third.stats.pruned).toBe(2);
    expect(third.stats.prunedBytes).toBeGreaterThan(0);

    // Day 13, room for two entries: of a (day 5), d (day 12) and e (stored now), a goes.
    const bytes = (await stat(fileOf(dir, d))).size;
    const bytesOfA = (await stat(fileOf(dir, a))).size;
    const fourth = runOn(dir, 13, { maxBytes: 2 * bytes + 10 });
    await fourth.remember(e);
    await fourth.prune();
    expect(await kept(dir)).toEqual(['revoked', 'forbidden']);
    expect(fourth.stats).toMatchObject({ pruned: 1, prunedBytes: bytesOfA });

    // Day 100, no room at all: d goes, e stays because this run reused it.
    const fifth = runOn(dir, 100, { maxBytes: 0 });
    expect(await fifth.reuse(subjectOf(e))).toBeDefined();
    await fifth.prune();
    expect(await kept(dir)).toEqual(['forbidden']);
    expect(await fifth.reuse(subjectOf(e))).toEqual({ ...e, cached: true });
  });

  test("removes a writer's temporary file left behind for an hour, and nothing outside the entries", async () => {
    const dir = freshDir();
    const run = runOn(dir, 30);
    await run.remember(a);
    const shard = path.dirname(fileOf(dir, a));
    const leftBehind = path.join(shard, `${'e'.repeat(64)}.json.1234-abcdef12.tmp`);
    const beingWritten = path.join(shard, `${'f'.repeat(64)}.json.1234-abcdef12.tmp`);
    const toolchain = path.join(dir, 'toolchains', 'go-0123.json');
    const stranger = path.join(shard, 'notes.json');
    await mkdir(path.dirname(toolchain), { recursive: true });
    for (const file of [leftBehind, beingWritten, toolchain, stranger]) await writeFile(file, '{}');
    await utimes(leftBehind, (30 * DAY - 2 * 60 * 60 * 1000) / 1000, (30 * DAY - 2 * 60 * 60 * 1000) / 1000);
    await utimes(beingWritten, (30 * DAY - 60 * 1000) / 1000, (30 * DAY - 60 * 1000) / 1000);
    for (const file of [toolchain, stranger]) await utimes(file, 0, 0);
    await run.prune();
    await expect(access(leftBehind)).rejects.toThrow();
    for (const file of [beingWritten, toolchain, stranger, fileOf(dir, a)]) await access(file);
    expect(run.stats.pruned).toBe(0);
  });

  test('says in the terminal line what was pruned', () => {
    const stats = { reused: 88, stored: 2, discarded: 0, pruned: 12, prunedBytes: 40_960, refused: [] };
    expect(describeCacheStats(stats, 90, '.cache/results')).toBe(
      'result cache (.cache/results): reused 88 of 90 case(s), stored 2; pruned 12 entries no recent run used (40.0 KB)',
    );
    expect(describeCacheStats({ ...stats, pruned: 0, prunedBytes: 0 }, 90, '.cache/results')).toBe(
      'result cache (.cache/results): reused 88 of 90 case(s), stored 2',
    );
  });
});

describe('runHarness with a result cache', () => {
  test('reuses every unchanged case without running it, and runs only the cases of a changed file', { timeout: 180_000 }, async () => {
    const root = path.join(scratch, 'snippets');
    await cp(path.join(PROJECT_ROOT, 'snippets'), root, { recursive: true });
    // The scenarios in which the mock answers: quick cases, and enough of them to count.
    const scenarios = ['ok', 'missing', 'invalid', 'revoked', 'forbidden'];
    const options = {
      root,
      examples: ['list-clients', 'verify-token'],
      languages: ['curl', 'javascript'],
      scenarios,
      resultCacheDir: freshDir(),
    };
    const first = await runHarness(options);
    expect(first.results.every((result) => result.status === 'passed' && !result.cached)).toBe(true);
    expect(first.cache).toMatchObject({ reused: 0, stored: 20 });

    const second = await runHarness(options);
    expect(second.results.map((result) => result.cached)).toEqual(second.results.map(() => true));
    expect(second.childWallMs).toBe(0);
    expect(second.results.map(({ cached: _c, ...rest }) => rest)).toEqual(first.results.map(({ cached: _c, ...rest }) => rest));

    await writeFile(path.join(root, 'verify-token', 'verify-token.sh'), '\n# edited\n', { flag: 'a' });
    const third = await runHarness(options);
    const ran = third.results.filter((result) => !result.cached).map((result) => result.key);
    expect(ran).toEqual(['ok', 'missing', 'invalid', 'revoked', 'forbidden'].map((scenario) => `verify-token/curl/${scenario}`));
    expect(third.results.every((result) => result.status === 'passed')).toBe(true);
    expect(third.cache).toMatchObject({ reused: 15, stored: 5, discarded: 0 });
  });

  test('prunes what no run used for too long once it has finished, keeping what it used', { timeout: 120_000 }, async () => {
    const DAY = 24 * 60 * 60 * 1000;
    const resultCacheDir = freshDir();
    const options = {
      root: path.join(PROJECT_ROOT, 'snippets'),
      examples: ['list-clients'],
      languages: ['curl'],
      scenarios: ['ok'],
      resultCacheDir,
    };
    const first = await runHarness({ ...options, resultCacheRetention: { now: () => 100 * DAY } });
    expect(first.cache).toMatchObject({ stored: 1, pruned: 0 });
    const [stored] = (await readdir(resultCacheDir, { recursive: true })).filter((name) => /^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(name));
    // An entry of another harness, last used on day 80.
    const stale = path.join(resultCacheDir, 'ab', `ab${'0'.repeat(62)}.json`);
    await mkdir(path.dirname(stale), { recursive: true });
    await writeFile(stale, '{}\n');
    await utimes(stale, (80 * DAY) / 1000, (80 * DAY) / 1000);
    const second = await runHarness({ ...options, resultCacheRetention: { now: () => 101 * DAY, maxAgeMs: 10 * DAY } });
    expect(second.cache).toMatchObject({ reused: 1, stored: 0, pruned: 1, prunedBytes: 3 });
    await expect(access(stale)).rejects.toThrow();
    await access(path.join(resultCacheDir, stored!));
  });
});

describe('npm run snippets with a result cache', () => {
  test('refuses a failed result edited to "passed": the case runs again and the run still fails', { timeout: 120_000 }, async () => {
    const dir = freshDir();
    const cli = () =>
      execa(
        process.execPath,
        [
          'scripts/harness/cli/snippets-cli.ts',
          '--root',
          'test/fixtures/broken',
          '--example',
          'bearer-prefix',
          '--scenario',
          'forbidden',
          '--result-cache',
          dir,
        ],
        { cwd: PROJECT_ROOT, reject: false, env: { CI: '', GITHUB_ACTIONS: '' } },
      );
    const first = await cli();
    expect(first.exitCode, first.stdout + first.stderr).toBe(1);
    // The one result entry (the folder also remembers the toolchains).
    const entries = (await readdir(dir, { recursive: true })).filter((name) => /^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(name));
    expect(entries).toHaveLength(1);
    const file = path.join(dir, entries[0]!);
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('"failed"', '"passed"'));
    const second = await cli();
    expect(second.exitCode, second.stdout).toBe(1);
    expect(second.stdout).toMatch(
      /^result cache \([^)]+\): the cached result for bearer-prefix\/python\/forbidden was not signed by this machine's key \(.*\): discarded and run again$/m,
    );
    expect(second.stdout).toMatch(/reused 0 of 1 case\(s\), stored 1; 1 not signed with this run's key, refused$/m);
  });
});
