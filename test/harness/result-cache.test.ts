// The result cache: reuse only what ran with exactly these inputs, never trust a broken entry,
// and let an unchanged case skip its run while a changed file's cases run again.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, runHarness } from '../../scripts/harness/harness.ts';
import {
  RESULT_CACHE_FORMAT,
  isCacheable,
  openResultCache,
  resultCacheKey,
  type CacheSubject,
} from '../../scripts/harness/cache/result-cache.ts';
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
    expect(cache.stats).toEqual({ reused: 1, stored: 1, discarded: 0 });
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

  test.for([
    ['half-written JSON', (text: string) => text.slice(0, text.length / 2)],
    ['an entry that names another key', (text: string) => text.replace(/"key":"[0-9a-f]{64}"/, `"key":"${fakeHash('d')}"`)],
    ['an entry about another case', (text: string) => text.replace('"list-clients/go/ok"', '"list-clients/go/revoked"')],
    ['an entry of another shape', (text: string) => text.replace('"checks":[', '"checks":"none","was":[')],
    ['an entry of another format', (text: string) => text.replace(`"format":${RESULT_CACHE_FORMAT}`, '"format":99')],
  ] as const)('discards and deletes %s instead of trusting it', async ([, corrupt]) => {
    const dir = freshDir();
    const cache = openResultCache(dir);
    const result = ranCase();
    await cache.remember(result);
    const file = await onlyEntry(dir);
    await writeFile(file, corrupt(await readFile(file, 'utf8')));
    expect(await cache.reuse(subjectOf(result))).toBeUndefined();
    expect(cache.stats.discarded).toBe(1);
    await expect(readFile(file)).rejects.toThrow();
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
});
