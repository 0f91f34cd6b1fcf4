// The parsed description kept on disk: a text parsed once is read back without parsing, any other
// text (or a damaged cache file) is parsed again, and data JSON cannot hold exactly is never kept.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { cachedParse } from '../../scripts/api/description-cache.ts';
import { CORE_API_DESCRIPTION, loadDescription, parseDescription } from '../../scripts/api/description.ts';

let dir: string;
let cachePath: string;
let parses: string[];
const counted = (text: string): unknown => {
  parses.push(text);
  return parse(text) as unknown;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'description-cache-'));
  cachePath = path.join(dir, 'cache', 'api-description.json');
  parses = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('cachedParse', () => {
  test('parses a text once, then reads the same data back', () => {
    const text = 'b: 1\na: [x, {c: null}]\n';
    const first = cachedParse(text, counted, { keep: true, cachePath });
    const second = cachedParse(text, counted, { keep: true, cachePath });
    expect(parses).toEqual([text]);
    expect(second).toEqual(first);
    expect(Object.keys(second as object)).toEqual(['b', 'a']);
  });

  test('parses a changed text again', () => {
    cachedParse('a: 1\n', counted, { keep: true, cachePath });
    expect(cachedParse('a: 2\n', counted, { keep: true, cachePath })).toEqual({ a: 2 });
    expect(parses).toEqual(['a: 1\n', 'a: 2\n']);
  });

  test('parses again when the cache file is damaged', async () => {
    cachedParse('a: 1\n', counted, { keep: true, cachePath });
    await writeFile(cachePath, '{"key": ');
    expect(cachedParse('a: 1\n', counted, { keep: true, cachePath })).toEqual({ a: 1 });
    expect(parses).toHaveLength(2);
  });

  test('keeps nothing JSON would change', async () => {
    cachedParse('a: .inf\n', counted, { keep: true, cachePath });
    expect(cachedParse('a: .inf\n', counted, { keep: true, cachePath })).toEqual({ a: Infinity });
    expect(parses).toHaveLength(2);
    await expect(readFile(cachePath, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  test('keeps nothing when the parse throws', async () => {
    const failing = () => {
      throw new Error('not valid YAML');
    };
    expect(() => cachedParse('a: [\n', failing, { keep: true, cachePath })).toThrow('not valid YAML');
    await expect(readFile(cachePath, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

test('reads a kept text back but keeps nothing when told not to', async () => {
  cachedParse('a: 1\n', counted, { keep: false, cachePath });
  await expect(readFile(cachePath, 'utf8')).rejects.toThrow(/ENOENT/);
  cachedParse('a: 1\n', counted, { keep: true, cachePath });
  cachedParse('a: 1\n', counted, { keep: false, cachePath });
  expect(parses).toHaveLength(2);
});

test('the project description loaded through the cache is the one parsed from its text', async () => {
  const text = await readFile(CORE_API_DESCRIPTION, 'utf8');
  expect(loadDescription().document).toStrictEqual(parseDescription(text, CORE_API_DESCRIPTION).document);
});
