// The result cache: a case whose exact inputs (snippet, manifest, request.http, dependencies,
// harness fingerprint, toolchain) are unchanged reuses its last result instead of running again.
//
// What is cached: the passed and failed results of programs that ran to the end. Never cached:
// skipped cases, toolchain, prepare and harness failures (a missing tool or a failed install may be
// fixed without any input changing), cases in which a check of the harness threw, runs killed at
// the time limit and failures of a check that measures time (a loaded machine may cause either),
// and runs cut short by an abort.
//
// Each entry is one JSON file, `<dir>/<key[0..2]>/<key>.json`, written through a uniquely named
// temporary file and renamed into place, so two runs at once never tear or mix an entry. Each is
// signed (scripts/secrets/signing.ts) with this machine's key, or RR_DOCS_CACHE_KEY when set (CI,
// whose machines are new each time). An entry is trusted only when it parses, carries a signature
// of that key, matches the schema, names the key it is stored under, and holds the very case and
// inputs asked for; anything else is deleted and the case runs. Without a key (its file cannot be
// made or read) the cache is not used at all: every case runs, and nothing is stored.
//
// The folder stays bounded: every run marks the entries it reuses or stores as used, and prunes
// the others that are too old or beyond the size cap once it has finished (cache-retention.ts).
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../write-file-atomic.ts';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { sha256 } from '../../report/fingerprint.ts';
import { CaseEvidenceSchema, CaseReportSchema, Sha256Schema, SignatureSchema, type CaseInputs } from '../../report/report-schema.ts';
import { notSignedBy, signJson, signingKey, verifyJson, type SigningKey } from '../../secrets/signing.ts';
import type { CaseResult } from '../case/case-result.ts';
import { TIMING_CHECK_IDS } from '../checks/all-checks.ts';
import { DEFAULT_RETENTION, formatBytes, markUsed, pruneEntries, type CacheRetention } from './cache-retention.ts';

export { DEFAULT_RETENTION, type CacheRetention } from './cache-retention.ts';

/** Version of the entry layout; a change makes every older entry a miss. */
export const RESULT_CACHE_FORMAT = 3;

/** What a cached result keeps beyond the report's fields: everything the terminal and the checks read. */
const CaseDetailSchema = z.looseObject({
  reason: z.string().optional(),
  exitCode: z.int().nullable().optional(),
  signal: z.string().nullable().optional(),
  timedOut: z.boolean().optional(),
  requests: z.array(z.string()),
  egress: z.array(z.string()),
  outputTail: z.array(z.string()),
  evidence: CaseEvidenceSchema.optional(),
  requestFingerprint: z.string().optional(),
});

/** One stored entry: its own key, and the whole case result (unknown fields kept, so later additions survive). */
const CacheEntrySchema = z.object({
  format: z.literal(RESULT_CACHE_FORMAT),
  key: Sha256Schema,
  result: CaseReportSchema.extend({ detail: CaseDetailSchema }).loose(),
  signature: SignatureSchema,
});

/** What identifies a cached result: the case, the file as reports show it, and every input hash. */
export interface CacheSubject {
  /** `example/language/scenario`. */
  caseKey: string;
  /** The snippet's path as reports show it. */
  file: string;
  inputs: CaseInputs;
}

/** The cache key of a case: SHA-256 over the entry format, the case, its file and its inputs. */
export function resultCacheKey(subject: CacheSubject): string {
  const { snippet, manifest, requestHttp, dependencies, harness, toolchain } = subject.inputs;
  return sha256(
    JSON.stringify([RESULT_CACHE_FORMAT, subject.caseKey, subject.file, snippet, manifest, requestHttp, dependencies, harness, toolchain]),
  );
}

/** Whether a finished case may be reused by a later run with the same inputs (see the header). */
export function isCacheable(result: CaseResult): boolean {
  if (result.status !== 'passed' && result.status !== 'failed') return false;
  const evidence = result.detail.evidence;
  if (result.errors?.length) return false; // a check or runner of the harness threw: its fix must not meet this result
  // A program late under a loaded machine may be on time in the next run: that failure is the machine's, not the inputs'.
  if (result.checks.some((check) => check.status === 'failed' && TIMING_CHECK_IDS.has(check.id))) return false;
  return evidence !== undefined && !evidence.timedOut && !result.checks.some((check) => check.id === 'harness');
}

/** What one run did with the cache, for the terminal. */
export interface CacheStats {
  reused: number;
  stored: number;
  /** Entries found broken or about something else, and deleted. */
  discarded: number;
  /** Entries pruned after the run (unused too long, or beyond the size cap), and their bytes. */
  pruned: number;
  prunedBytes: number;
  /** Entries whose signature did not check out, each said in a line, and deleted. */
  refused: string[];
  /** Why the cache was not used at all (no signing key), when it was not. */
  unavailable?: string;
}

/** The result cache in one folder. */
export interface ResultCache {
  readonly dir: string;
  /** The stored result of this case with exactly these inputs (marked `cached: true`, and its entry marked used), or undefined. */
  reuse(subject: CacheSubject): Promise<CaseResult | undefined>;
  /** Stores a freshly run case when it is cacheable (its entry marked used); never throws (a cache that cannot be written only costs time). */
  remember(result: CaseResult, signal?: AbortSignal): Promise<void>;
  /** Removes what the retention says to, never an entry this cache reused or stored; counts it in `stats`. Never throws. */
  prune(): Promise<void>;
  readonly stats: CacheStats;
}

/** Where the entry for `key` lives. */
function entryPath(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.json`);
}

/** Reads one entry; undefined on a miss, and a broken, unsigned or mismatched entry is deleted and counted. */
async function readEntry(dir: string, subject: CacheSubject, stats: CacheStats, signer: SigningKey): Promise<CaseResult | undefined> {
  const key = resultCacheKey(subject);
  const file = entryPath(dir, key);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const verdict = data === undefined ? undefined : verifyJson(data, signer);
  if (verdict && !verdict.ok) {
    stats.refused.push(`the cached result for ${subject.caseKey} was ${notSignedBy(signer)} (${verdict.why}): discarded and run again`);
    await rm(file, { force: true });
    return undefined;
  }
  const parsed = data === undefined ? undefined : CacheEntrySchema.safeParse(data);
  const entry = parsed?.success ? parsed.data : undefined;
  const trusted =
    entry !== undefined &&
    entry.key === key &&
    entry.result.key === subject.caseKey &&
    entry.result.file === subject.file &&
    isDeepStrictEqual(entry.result.inputs, subject.inputs) &&
    isCacheable(entry.result as CaseResult);
  if (!trusted) {
    stats.discarded += 1;
    await rm(file, { force: true });
    return undefined;
  }
  stats.reused += 1;
  return { ...(entry!.result as CaseResult), cached: true };
}

/** Writes one entry atomically (see write-file-atomic.ts), signed with `signer`; returns its file. */
async function writeEntry(dir: string, result: CaseResult, signer: SigningKey): Promise<string> {
  const key = resultCacheKey({ caseKey: result.key, file: result.file, inputs: result.inputs });
  const entry = signJson({ format: RESULT_CACHE_FORMAT, key, result: { ...result, cached: false } }, signer);
  const file = entryPath(dir, key);
  await writeFileAtomic(file, `${JSON.stringify(entry)}\n`);
  return file;
}

/** How a result cache keeps and signs its entries. */
export interface ResultCacheOptions {
  /** What pruning keeps (default: DEFAULT_RETENTION). */
  retention?: Partial<CacheRetention>;
  /** Where RR_DOCS_CACHE_KEY and the machine key's file are read from (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The result cache kept in `dir` (created on first write), keeping what `retention` says (default:
 * DEFAULT_RETENTION), signed and checked with this machine's key, or RR_DOCS_CACHE_KEY when `env` sets it.
 */
export function openResultCache(dir: string, options: ResultCacheOptions = {}): ResultCache {
  const policy: CacheRetention = { ...DEFAULT_RETENTION, ...options.retention };
  const env = options.env ?? process.env;
  const stats: CacheStats = { reused: 0, stored: 0, discarded: 0, pruned: 0, prunedBytes: 0, refused: [] };
  // The entries this cache reused or stored: pruning never removes them.
  const used = new Set<string>();
  let signer: Promise<SigningKey | undefined> | undefined;
  // The key is looked for once, when first needed; without one the cache is treated as empty.
  const key = () =>
    (signer ??= signingKey('result-cache', env).catch((error: unknown) => {
      stats.unavailable = `no key to sign or check its entries: ${(error as Error).message}`;
      return undefined;
    }));
  return {
    dir,
    stats,
    async reuse(subject) {
      const found = await key();
      const hit = found ? await readEntry(dir, subject, stats, found) : undefined;
      if (hit) {
        const file = entryPath(dir, resultCacheKey(subject));
        used.add(file);
        await markUsed(file, policy);
      }
      return hit;
    },
    async remember(result, signal) {
      if (signal?.aborted || result.cached || !isCacheable(result)) return;
      const found = await key();
      if (!found) return;
      try {
        const file = await writeEntry(dir, result, found);
        used.add(file);
        await markUsed(file, policy);
        stats.stored += 1;
      } catch {
        // A read-only or full disk: the next run simply runs the case again.
      }
    },
    async prune() {
      const pruned = await pruneEntries(dir, used, policy);
      stats.pruned += pruned.entries;
      stats.prunedBytes += pruned.bytes;
    },
  };
}

/** Most refused entries the terminal names one by one. */
const LISTED_REFUSALS = 10;

/**
 * For the terminal: each entry refused for its signature, then one line of how many results were
 * reused and stored, any entry thrown away, and what was pruned.
 */
export function describeCacheStats(stats: CacheStats, total: number, dir: string): string {
  if (stats.unavailable) return `result cache (${dir}): not used, every case ran: ${stats.unavailable}`;
  const plural = (count: number) => `entr${count === 1 ? 'y' : 'ies'}`;
  const refusals = stats.refused.slice(0, LISTED_REFUSALS).map((line) => `result cache (${dir}): ${line}\n`);
  if (stats.refused.length > LISTED_REFUSALS)
    refusals.push(`result cache (${dir}): and ${stats.refused.length - LISTED_REFUSALS} more entries refused\n`);
  const discarded = stats.discarded ? `; ${stats.discarded} broken or mismatched ${plural(stats.discarded)} discarded` : '';
  const refused = stats.refused.length ? `; ${stats.refused.length} not signed with this run's key, refused` : '';
  const pruned = stats.pruned
    ? `; pruned ${stats.pruned} ${plural(stats.pruned)} no recent run used (${formatBytes(stats.prunedBytes)})`
    : '';
  return `${refusals.join('')}result cache (${dir}): reused ${stats.reused} of ${total} case(s), stored ${stats.stored}${discarded}${refused}${pruned}`;
}
