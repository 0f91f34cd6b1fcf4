// The command line of `npm run snippets`: its usage text and its parsing into harness options.
// Shared by the CLI and the live command, so neither imports the other.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../../usage.ts';
import { DEFAULT_RESULT_CACHE_DIR, type HarnessOptions } from '../harness.ts';
import { WAITING_LANE_WIDTH } from '../run/engine.ts';
import { parseShard } from '../run/plan.ts';
import { CASES_PER_SHARD } from '../run/shard-matrix.ts';
import { SCENARIO_NAMES } from '../case/scenarios.ts';
import { LANGUAGE_IDS } from '../../languages.ts';
import { DEFAULT_RETENTION } from '../cache/result-cache.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const MIB = 1024 * 1024;

/** What `npm run snippets -- --help` prints. */
export const USAGE = `Usage: npm run snippets -- [options]

  --root DIR          folder of examples (default: snippets/)
  --example ID        only this example (repeatable)
  --lang LANG         only this language: ${LANGUAGE_IDS.join(', ')} (repeatable)
  --scenario NAME     only this scenario: ${SCENARIO_NAMES.join(', ')} (repeatable)
  --json FILE         write the JSON report to FILE
  --junit FILE        write a JUnit XML report to FILE
  --require-all       fail (not skip) cases whose toolchain is missing (on when CI=true)
  --require-isolation refuse to run unless every program can be sandboxed (on when CI=true)
  --concurrency N     cases at once (default: CPU count, ${availableParallelism()} here); cases that only
                      wait on a timer (hung-server) run beside them, up to ${WAITING_LANE_WIDTH} at once
  --changed [REF]     only examples whose files changed since REF (default origin/main);
                      all of them when the harness, its schema or its dependencies changed
  --shard I/N         only the I-th of N slices of the cases (1 <= I <= N); N machines run each case once
  --list              print the cases that would run, and stop
  --shard-matrix      print CI's shard matrix as JSON ({"shard":[1,…,N]}), N the shards the planned
                      cases need at ${CASES_PER_SHARD} cases per shard at most, and stop
  --live              run against the real API with your REQUESTROCKET_USER_TOKEN instead of the
                      mock (ok, missing, invalid; revoked and forbidden with REQUESTROCKET_REVOKED_TOKEN
                      and REQUESTROCKET_FORBIDDEN_TOKEN); report in .cache/live/ (see MAINTAINERS.md);
                      reads only: examples that create, change or delete are left out
  --live-writes       with --live, also run the examples that create, change or delete, against
                      resources the run makes (and deletes at the end) under the client whose id is
                      in REQUESTROCKET_LIVE_CLIENT_ID, an account's client kept for live runs
  --no-cache          run every case, even those whose inputs are unchanged since a cached result
                      (default: reuse results from .cache/results/; after each run, entries no run
                      used for ${DEFAULT_RETENTION.maxAgeMs / DAY_MS} days go, then the least recently used beyond ${DEFAULT_RETENTION.maxBytes / MIB} MiB)
  --result-cache DIR  keep and reuse results in DIR instead of .cache/results/
  --merge FILE...     merge the JSON reports of the shards of one run instead of running anything;
                      with --json/--junit, write the merged reports; fails when a case failed, or a
                      planned case (see --list) is in no report
  --harness-files     print the files the harness is made of (the modules scripts/harness/harness.ts
                      imports and the files they load, the runners' dependency files, package.json,
                      package-lock.json, .node-version), one per line, and stop: a change to any of
                      them makes every cached result stale and --changed run every example
  --harness-fingerprint
                      print the SHA-256 over those files (CI names its result cache with it), and stop
  -h, --help          this text

Exit codes: 0 all passed, 1 a case failed, 2 bad usage, a bad manifest or missing isolation,
130 / 143 interrupted by Ctrl-C / SIGTERM (programs stopped, nothing reported).`;

/** The ref `--changed` compares with when none is given. */
export const DEFAULT_CHANGED_REF = 'origin/main';

/** `--changed` takes an optional value: supply the default when the next word is absent or another option. */
function withChangedDefault(argv: readonly string[]): string[] {
  return argv.flatMap((word, index) => {
    const next = argv[index + 1];
    return word === '--changed' && (next === undefined || next.startsWith('-')) ? [word, DEFAULT_CHANGED_REF] : [word];
  });
}

/** Parses the command line into harness options and report destinations; throws UsageError. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  let parsed;
  try {
    parsed = parseArgs({
      args: withChangedDefault(argv),
      strict: true,
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        example: { type: 'string', multiple: true },
        lang: { type: 'string', multiple: true },
        scenario: { type: 'string', multiple: true },
        json: { type: 'string' },
        junit: { type: 'string' },
        'require-all': { type: 'boolean' },
        'require-isolation': { type: 'boolean' },
        concurrency: { type: 'string' },
        changed: { type: 'string' },
        shard: { type: 'string' },
        list: { type: 'boolean' },
        'shard-matrix': { type: 'boolean' },
        live: { type: 'boolean' },
        'live-writes': { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        'result-cache': { type: 'string' },
        merge: { type: 'boolean' },
        'harness-files': { type: 'boolean' },
        'harness-fingerprint': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length && values.merge !== true) {
    throw new UsageError(`unexpected argument "${positionals[0]}"; only --merge takes files`);
  }
  if (values['live-writes'] === true && values.live !== true) throw new UsageError('--live-writes goes with --live');
  if (values.merge === true && positionals.length === 0) throw new UsageError('expected --merge FILE... (the JSON reports of the shards)');
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new UsageError(`expected --concurrency to be a whole number of at least 1, got "${values.concurrency}"`);
    }
  }
  const options: HarnessOptions = {
    root: values.root,
    examples: values.example,
    languages: values.lang,
    scenarios: values.scenario,
    concurrency,
    requireAll: values['require-all'] === true || env.CI === 'true',
    requireIsolation: values['require-isolation'] === true || env.CI === 'true',
    changedSince: values.changed,
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    resultCacheDir: values['no-cache'] === true ? undefined : path.resolve(values['result-cache'] ?? DEFAULT_RESULT_CACHE_DIR),
  };
  const merge = values.merge === true ? positionals : undefined;
  return {
    options,
    json: values.json,
    junit: values.junit,
    list: values.list === true,
    shardMatrix: values['shard-matrix'] === true,
    merge,
    help: values.help === true,
    live: values.live === true,
    liveWrites: values['live-writes'] === true,
    harnessFiles: values['harness-files'] === true,
    harnessFingerprint: values['harness-fingerprint'] === true,
  };
}

/** The parsed command line of `npm run snippets`. */
export type SnippetsCommand = ReturnType<typeof parseCommandLine>;
