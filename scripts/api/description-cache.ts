// The project's API description as parsed YAML, kept on disk by the hash of its text: parsing the
// YAML is most of what reading the description costs (a fifth of a second, on every build, harness
// run and test process), and JSON of the same data reads in a millisecond. Only the parse is kept:
// the checks run on the data every time, so a changed schema still judges the file as it is.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PROJECT_ROOT } from '../project.ts';

/** Where the project's parsed description is kept (one file: the last text parsed). */
export const DESCRIPTION_CACHE_PATH = path.join(PROJECT_ROOT, '.cache', 'api-description.json');

/** The YAML parser's version: part of the key, so a new parser parses again. */
const YAML_VERSION = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;

/** The key of `text`: its SHA-256 with the parser's version. */
export function descriptionCacheKey(text: string): string {
  return createHash('sha256').update(`yaml ${YAML_VERSION}\n`).update(text).digest('hex');
}

/** The data kept for `text` at `cachePath`, or undefined when none is kept for this exact text. */
function readCached(cachePath: string, key: string): { data: unknown } | undefined {
  try {
    const entry = JSON.parse(readFileSync(cachePath, 'utf8')) as { key?: unknown; data?: unknown };
    return entry.key === key && 'data' in entry ? { data: entry.data } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `data` for `key` at `cachePath` (whole or not at all); data JSON cannot hold exactly is not kept. */
function writeCached(cachePath: string, key: string, data: unknown): void {
  const json = JSON.stringify({ key, data });
  if (!isDeepStrictEqual((JSON.parse(json) as { data: unknown }).data, data)) return;
  const temporary = `${cachePath}.${randomUUID()}.tmp`;
  try {
    mkdirSync(path.dirname(cachePath), { recursive: true });
    writeFileSync(temporary, json);
    renameSync(temporary, cachePath);
  } catch {
    // A cache that cannot be written only costs the next process the parse.
    rmSync(temporary, { force: true });
  }
}

/** The data of `text`: kept at `cachePath` when this exact text was parsed before, else `parse(text)`, then kept. */
export function cachedParse(text: string, parse: (text: string) => unknown, cachePath: string = DESCRIPTION_CACHE_PATH): unknown {
  const key = descriptionCacheKey(text);
  const cached = readCached(cachePath, key);
  if (cached) return cached.data;
  const data = parse(text);
  writeCached(cachePath, key, data);
  return data;
}
