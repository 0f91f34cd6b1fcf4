// `npm run snippets`: runs every example in every language under every scenario and says exactly what broke.
import { fileURLToPath } from 'node:url';
import { LIVE_INTERRUPT_GRACE_MS, runLiveCommand } from '../../live/live-command.ts';
import { ManifestError } from '../../manifest/errors.ts';
import { displayPath } from '../../paths.ts';
import { MergeError } from '../../report/merge.ts';
import { toGithubAnnotations } from '../../report/reporters/github.ts';
import { siteReportFor, updateSiteReport } from '../../report/site-report-update.ts';
import { formatSummary, formatToolchains, progressReporter } from '../../report/reporters/terminal.ts';
import { actionsOutput } from '../../report/reporters/workflow-commands.ts';
import { IsolationError, describeIsolation } from '../../sandbox/isolation.ts';
import { SigningKeyError } from '../../secrets/signing.ts';
import { UsageError } from '../../usage.ts';
import { describeCacheStats } from '../cache/result-cache.ts';
import type { CaseResult } from '../case/case-result.ts';
import { DEFAULT_SNIPPETS_ROOT, PROJECT_ROOT, planHarness, runHarness } from '../harness.ts';
import { harnessFiles, harnessFingerprint } from '../../report/harness-files.ts';
import { USAGE, parseCommandLine } from './command-line.ts';
import { watchInterrupts } from './interrupt.ts';
import { mergeCommand } from './merge-command.ts';
import { shardMatrix } from '../run/shard-matrix.ts';

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // Under GitHub Actions nothing printed can be read as a workflow command but the annotations below.
  const actions = actionsOutput((text) => void process.stdout.write(text), process.stdout.isTTY === true);
  const out = actions.out;
  const err = actionsOutput((text) => void process.stderr.write(text), false).out;
  const interrupts = watchInterrupts('snippets', err.write);
  try {
    const command = parseCommandLine(argv);
    if (command.help) {
      out.write(`${USAGE}\n`);
      return 0;
    }
    if (command.harnessFiles) {
      out.write(harnessFiles(PROJECT_ROOT).join('\n') + '\n');
      return 0;
    }
    if (command.harnessFingerprint) {
      out.write(`${harnessFingerprint(PROJECT_ROOT)}\n`);
      return 0;
    }
    if (command.live) {
      // A write run deletes what it made before it exits, even when interrupted: give it the time.
      interrupts.setGraceMs(LIVE_INTERRUPT_GRACE_MS);
      return await runLiveCommand(command, { out, command: actions.command, env: process.env, signal: interrupts.signal });
    }
    if (command.merge) return await mergeCommand(command.merge, command, out, err.write);
    if (command.shardMatrix) {
      // Every planned case counts, whatever shard this run would be (the matrix is made before any shard runs).
      const { cases } = await planHarness({ ...command.options, shard: undefined });
      out.write(`${JSON.stringify(shardMatrix(cases.length))}\n`);
      return 0;
    }
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
    if (process.env.GITHUB_ACTIONS === 'true') for (const line of toGithubAnnotations(run.results)) actions.command(line);
    const siteReport = siteReportFor(command.options.root ?? DEFAULT_SNIPPETS_ROOT, command.json);
    const updated = siteReport && (await updateSiteReport(siteReport, run.report));
    if (updated) out.write(`${updated}\n`);
    return run.results.some((result) => result.status === 'failed') ? 1 : 0;
  } catch (error) {
    const interrupted = interrupts.exitCode();
    if (interrupted !== undefined) {
      err.write(
        `snippets: run interrupted by ${interrupts.received()}; stopped every program, removed the throwaway CA, wrote no report\n`,
      );
      // Nothing is left to wait for; exit even if a handle still holds the event loop.
      setTimeout(() => process.exit(interrupted), 100).unref();
      return interrupted;
    }
    if (error instanceof IsolationError || error instanceof SigningKeyError) {
      err.write(`snippets: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      err.write(`snippets: ${error.message}\nRun \`npm run snippets -- --help\` for the options.\n`);
      return 2;
    }
    if (error instanceof MergeError) {
      err.write(`snippets: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ManifestError) {
      err.write(`snippets: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    interrupts.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
