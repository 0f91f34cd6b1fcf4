// A bad manifest fails with a message that names the file, the field, what was found and what was expected.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadExample } from '../../scripts/manifest/examples.ts';
import { ManifestError } from '../../scripts/manifest/errors.ts';
import { loadManifest, parseManifest } from '../../scripts/manifest/load.ts';

const valid = { title: 'List', request: { method: 'GET', path: '/api/clients' } };

describe('parseManifest', () => {
  test('applies the defaults', () => {
    expect(parseManifest('m.json', valid)).toEqual({ ...valid, request: { ...valid.request, headers: {} }, timeoutMs: 20_000, requestTimeoutMs: 10_000, scenarios: {} });
  });

  test.for([
    [{ ...valid, request: { method: 'FETCH', path: '/api/clients' } }, /field "request\.method": expected one of .*"GET".*, found "FETCH" \(string\)/],
    [{ ...valid, title: '' }, /field "title": .*found "" \(string\)/],
    [{ request: valid.request }, /field "title": expected string, found nothing/],
    [{ ...valid, request: { method: 'GET', path: 'clients' } }, /field "request\.path": expected a path under \/api\/, without a query string, found "clients"/],
    [{ ...valid, timeoutMs: 'soon' }, /field "timeoutMs": expected (?:number|int), found "soon" \(string\)/],
    [{ ...valid, scenarios: { expired: {} } }, /field "scenarios": unknown field\(s\) "expired"; expected only: ok, missing, invalid, revoked, forbidden, untrusted-cert, hung-server, bad-gateway, network-error/],
    [{ ...valid, requestTimeoutMs: 100 }, /field "requestTimeoutMs": .*found 100 \(number\)/],
    [{ ...valid, scenarios: { ok: { exit: 'maybe' } } }, /field "scenarios\.ok\.exit": expected one of "zero"\|"non-zero", found "maybe"/],
    [{ ...valid, colour: 'red' }, /the manifest: unknown field\(s\) "colour"; expected only: \$schema, title, description, request, timeoutMs, requestTimeoutMs, scenarios/],
  ] as const)('explains %j', ([data, message]) => {
    expect(() => parseManifest('snippets/x/example.json', data)).toThrow(message);
    expect(() => parseManifest('snippets/x/example.json', data)).toThrow(/^snippets\/x\/example\.json: invalid example manifest/);
  });
});

describe('loadManifest and loadExample', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'rr-manifest-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test('names the file and the JSON error for a file that is not JSON', async () => {
    const file = path.join(root, 'broken.json');
    await writeFile(file, '{ "title": ');
    await expect(loadManifest(file)).rejects.toThrow(new RegExp(`${file}: invalid example manifest\\n  - not valid JSON`));
  });

  test('says a missing manifest is missing', async () => {
    await expect(loadManifest(path.join(root, 'none.json'))).rejects.toThrow(/file not found/);
  });

  test('refuses two files of one language in an example', async () => {
    const dir = path.join(root, 'twice');
    await mkdir(dir);
    await writeFile(path.join(dir, 'example.json'), JSON.stringify(valid));
    await writeFile(path.join(dir, 'a.js'), '');
    await writeFile(path.join(dir, 'b.mjs'), '');
    await expect(loadExample(dir)).rejects.toThrow(/two JavaScript files, "a\.js" and "b\.mjs"; expected one file per language/);
  });

  test('refuses a folder name that is not an example id', async () => {
    const dir = path.join(root, 'Bad_Name');
    await mkdir(dir);
    await expect(loadExample(dir)).rejects.toBeInstanceOf(ManifestError);
  });
});
