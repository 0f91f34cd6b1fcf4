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

/** Where the project's parsed description is kept (one file: the last text of it parsed). */
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

/** Whether to keep what is parsed (the project's own file: yes; an edited copy: no), and where. */
export interface CachedParseOptions {
  keep: boolean;
  cachePath?: string;
}

/** The data of `text`: read from the cache when this exact text was kept, else `parse(text)`, kept when `keep`. */
export function cachedParse(text: string, parse: (text: string) => unknown, options: CachedParseOptions): unknown {
  const cachePath = options.cachePath ?? DESCRIPTION_CACHE_PATH;
  const key = descriptionCacheKey(text);
  const cached = readCached(cachePath, key);
  if (cached) return cached.data;
  const data = parse(text);
  if (options.keep) writeCached(cachePath, key, data);
  return data;
}
