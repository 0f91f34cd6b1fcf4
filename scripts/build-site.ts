// `npm run build`: run every snippet first (reusing the result of each case whose inputs are
// unchanged), write the report the site shows, then build the site. `--report FILE` builds from a
// report made elsewhere (CI's merged shard reports) instead of running anything, after checking
// that it is of this commit, about these bytes, and complete. Under CI=true a failed snippet stops
// the build, so a broken example is never published. A bad example manifest stops it as it stops
// `npm run snippets`: the manifest's message, naming the file and the field, and exit code 2.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { givenReportMessage, givenReportProblems, readGivenReport } from './report/given-report.ts';
import { engineOptions, planHarness, runHarness } from './harness/harness.ts';
import { watchInterrupts } from './harness/cli/interrupt.ts';
import { formatSummary, progressReporter } from './report/reporters/terminal.ts';
import { actionsOutput } from './report/reporters/workflow-commands.ts';
import { describeCacheStats } from './harness/cache/result-cache.ts';
import { displayPath } from './paths.ts';
import { ReportError, describeReportKey } from './report/report-io.ts';
import { SigningKeyError } from './secrets/signing.ts';
import { DEFAULT_RESULT_CACHE_DIR, PROJECT_ROOT, reportPathFrom, snippetsRootFrom } from './project.ts';
import { astroBuild } from './astro-build.ts';
import { ManifestError } from './manifest/errors.ts';
import type { HarnessReport } from './report/report-schema.ts';
import { IsolationError, describeIsolation } from './sandbox/isolation.ts';

/** Splits `--report FILE` (or `--report=FILE`) from the arguments passed on to `astro build`. */
export function splitBuildArgs(args: readonly string[]): { report?: string; astroArgs: string[] } {
  const astroArgs: string[] = [];
  let report: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const word = args[index] as string;
    if (word === '--report') {
      report = args[index + 1];
      if (report === undefined || report.startsWith('-')) throw new Error('expected --report FILE (a merged harness report)');
      index += 1;
    } else if (word.startsWith('--report=')) report = word.slice('--report='.length);
    else astroArgs.push(word);
  }
  return { ...(report !== undefined ? { report } : {}), astroArgs };
}

/** Runs the harness, writes the report, and builds the site unless CI must stop; returns the exit code. */
export async function buildSite(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const inCi = env.CI === 'true';
  let parsed;
  try {
    parsed = splitBuildArgs(args);
  } catch (error) {
    process.stderr.write(`build: ${(error as Error).message}\n`);
    return 2;
  }
  // Under GitHub Actions nothing printed (a failure's output, a file name) can be read as a workflow command.
  const out = actionsOutput((text) => void process.stdout.write(text), process.stdout.isTTY === true, env).out;
  const err = actionsOutput((text) => void process.stderr.write(text), false, env).out;
  // The site and the harness read the same examples: snippets/, or RR_DOCS_SNIPPETS when set.
  const root = snippetsRootFrom(env);
  let cases;
  try {
    ({ cases } = await planHarness({ root }));
  } catch (error) {
    // A bad manifest stops the build as it stops `npm run snippets`: its message and exit code 2.
    if (!(error instanceof ManifestError)) throw error;
    process.stderr.write(`build: ${error.message}\n`);
    return 2;
  }
  let reportPath: string;
  let report: HarnessReport;
  if (parsed.report !== undefined) {
    reportPath = path.resolve(parsed.report);
    let given;
    try {
      given = await readGivenReport(reportPath, env);
    } catch (error) {
      if (!(error instanceof ReportError || error instanceof SigningKeyError)) throw error;
      err.write(`build: ${error.message}\nThe site is not built from it.\n`);
      return 1;
    }
    if (!given) {
      err.write(`build: ${displayPath(reportPath)}: no such report (--report)\n`);
      return 1;
    }
    const options = engineOptions({ root });
    const problems = await givenReportProblems(given, cases, { projectRoot: options.projectRoot, dependencyRoot: options.snippetsRoot });
    if (problems.length) {
      err.write(
        `build: ${givenReportMessage(reportPath, problems)}\nThe site is not built from it; run \`npm run build\` without --report to test the snippets here.\n`,
      );
      return 1;
    }
    out.write(`Building from ${displayPath(reportPath)}: ${given.cases.length} case(s) of this commit, no snippet run here\n`);
    report = given;
  } else {
    reportPath = reportPathFrom(env);
    out.write('Running every snippet before the build...\n');
    const resultCacheDir = DEFAULT_RESULT_CACHE_DIR;
    const interrupts = watchInterrupts('build', err.write);
    let run;
    try {
      run = await runHarness(
        { cases, root, requireAll: inCi, requireIsolation: inCi, resultCacheDir, signal: interrupts.signal, jsonReport: reportPath },
        {
          onStart: ({ isolation }) => out.write(`isolation: ${describeIsolation(isolation)}\n`),
          onCaseDone: progressReporter(out, cases.length),
        },
      );
      interrupts.signal.throwIfAborted();
    } catch (error) {
      if (error instanceof IsolationError || error instanceof SigningKeyError) {
        err.write(`build: ${error.message}\n`);
        return 2;
      }
      const interrupted = interrupts.exitCode();
      if (interrupted === undefined) throw error;
      err.write(
        `build: interrupted by ${interrupts.received()}; stopped every program, removed the throwaway CA, wrote no report and built nothing\n`,
      );
      setTimeout(() => process.exit(interrupted), 100).unref();
      return interrupted;
    } finally {
      interrupts.stop();
    }
    out.write(formatSummary(run.results, run.durationMs));
    if (run.cache) out.write(`${describeCacheStats(run.cache, run.results.length, displayPath(resultCacheDir))}\n`);
    report = run.report;
    out.write(`report: ${path.relative(PROJECT_ROOT, reportPath)}; ${await describeReportKey(env)}\n`);
  }
  const failed = report.summary.failed;
  if (failed && inCi) {
    err.write(`build: ${failed} snippet case(s) failed; the site is not built under CI=true (fix them, see above)\n`);
    return 1;
  }
  if (failed) out.write(`build: ${failed} snippet case(s) failed; building anyway, the tabs say so (CI=true would stop here)\n`);
  return astroBuild({ astroArgs: parsed.astroArgs, reportPath, env });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await buildSite(process.argv.slice(2));
