// `npm run snippets`: runs every example in every language under every scenario and says exactly what broke.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runLiveCommand } from '../live/cli.ts';
import { ManifestError } from '../manifest/errors.ts';
import { displayPath } from '../paths.ts';
import { IsolationError, describeIsolation } from '../sandbox/isolation.ts';
import { WAITING_LANE_WIDTH } from './engine.ts';
import { DEFAULT_RESULT_CACHE_DIR, planHarness, runHarness, type HarnessOptions } from './harness.ts';
import { watchInterrupts } from './interrupt.ts';
import { mergeCommand } from './merge-command.ts';
import { MergeError } from './merge.ts';
import { UsageError } from '../usage.ts';
import { parseShard } from './plan.ts';
import { toGithubAnnotations } from './reporters/github.ts';
import { formatSummary, formatToolchains, progressReporter } from './reporters/terminal.ts';
import { describeCacheStats } from './result-cache.ts';
import type { CaseResult } from './result.ts';
import { SCENARIO_NAMES } from './scenarios.ts';

const USAGE = `Usage: npm run snippets -- [options]

  --root DIR          folder of examples (default: snippets/)
  --example ID        only this example (repeatable)
  --lang LANG         only this language: javascript, python, go, java, curl (repeatable)
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
  --live              run against the real API with your REQUESTROCKET_USER_TOKEN instead of the
                      mock (ok, missing, invalid; revoked and forbidden with REQUESTROCKET_REVOKED_TOKEN
                      and REQUESTROCKET_FORBIDDEN_TOKEN); report in .cache/live/ (see CONTRIBUTING.md)
  --no-cache          run every case, even those whose inputs are unchanged since a cached result
                      (default: reuse results from .cache/results/)
  --result-cache DIR  keep and reuse results in DIR instead of .cache/results/
  --merge FILE...     merge the JSON reports of the shards of one run instead of running anything;
                      with --json/--junit, write the merged reports; fails when a case failed, or a
                      planned case (see --list) is in no report
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
        live: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        'result-cache': { type: 'string' },
        merge: { type: 'boolean' },
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
    merge,
    help: values.help === true,
    live: values.live === true,
  };
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const out = { write: (text: string) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true };
  const interrupts = watchInterrupts('snippets', (text) => void process.stderr.write(text));
  try {
    const command = parseCommandLine(argv);
    if (command.help) {
      out.write(`${USAGE}\n`);
      return 0;
    }
    if (command.live) return await runLiveCommand(command, { out, env: process.env });
    if (command.merge) return await mergeCommand(command.merge, command, out);
    if (command.list) {
      const { cases, notes } = await planHarness(command.options);
      for (const note of notes) out.write(`${note}\n`);
      out.write(`${cases.map((planned) => `${planned.key}\n`).join('')}${cases.length} case(s)\n`);
      return 0;
    }
    let progress: ((result: CaseResult) => void) | undefined;
    const run = await runHarness(
      { ...command.options, signal: interrupts.signal, jsonReport: command.json, junitReport: command.junit },
      {
        onStart: ({ plan, isolation }) => {
          for (const note of plan.notes) out.write(`${note}\n`);
          out.write(`isolation: ${describeIsolation(isolation)}\n`);
          out.write(`Running ${plan.cases.length} case(s)${command.options.requireAll ? ' (every language required)' : ''}\n`);
          progress = progressReporter(out, plan.cases.length);
        },
        onCaseDone: (result) => progress?.(result),
      },
    );
    interrupts.signal.throwIfAborted();
    out.write(`toolchains:\n${formatToolchains(run.toolchains)}\n`);
    out.write(formatSummary(run.results, run.durationMs));
    const cacheDir = command.options.resultCacheDir;
    if (run.cache && cacheDir) out.write(`${describeCacheStats(run.cache, run.results.length, displayPath(cacheDir))}\n`);
    if (process.env.GITHUB_ACTIONS === 'true') for (const line of toGithubAnnotations(run.results)) out.write(`${line}\n`);
    return run.results.some((result) => result.status === 'failed') ? 1 : 0;
  } catch (error) {
    const interrupted = interrupts.exitCode();
    if (interrupted !== undefined) {
      process.stderr.write(
        `snippets: run interrupted by ${interrupts.received()}; stopped every program, removed the throwaway CA, wrote no report\n`,
      );
      // Nothing is left to wait for; exit even if a handle still holds the event loop.
      setTimeout(() => process.exit(interrupted), 100).unref();
      return interrupted;
    }
    if (error instanceof IsolationError) {
      process.stderr.write(`snippets: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`snippets: ${error.message}\nRun \`npm run snippets -- --help\` for the options.\n`);
      return 2;
    }
    if (error instanceof MergeError) {
      process.stderr.write(`snippets: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ManifestError) {
      process.stderr.write(`snippets: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    interrupts.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
