// `npm run build`: run every snippet first, write the report the site shows, then build the site.
// Under CI=true a failed snippet stops the build, so a broken example is never published.
import path from 'node:path';
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { runCases } from './harness/engine.ts';
import { watchInterrupts } from './harness/interrupt.ts';
import { IsolationError, describeIsolation, detectIsolation } from './sandbox/isolation.ts';
import { PROJECT_ROOT, engineOptions, planHarness } from './harness/harness.ts';
import { writeReport } from './report/io.ts';
import { toReport } from './harness/reporters/summary.ts';
import { formatSummary, progressReporter } from './harness/reporters/terminal.ts';
import { DEFAULT_REPORT_PATH } from './report/schema.ts';

/** Runs the harness, writes the report, and builds the site unless CI must stop; returns the exit code. */
export async function buildSite(astroArgs: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const inCi = env.CI === 'true';
  const reportPath = path.resolve(PROJECT_ROOT, env.RR_DOCS_REPORT ?? DEFAULT_REPORT_PATH);
  const out = { write: (text: string) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true };
  out.write('Running every snippet before the build...\n');
  // The site and the harness read the same examples: snippets/, or RR_DOCS_SNIPPETS when set.
  const root = env.RR_DOCS_SNIPPETS ? path.resolve(PROJECT_ROOT, env.RR_DOCS_SNIPPETS) : undefined;
  const { cases } = await planHarness({ root });
  const isolation = await detectIsolation();
  if (inCi && !isolation.available) {
    process.stderr.write(`build: ${new IsolationError(isolation.reason).message}\n`);
    return 2;
  }
  out.write(`isolation: ${describeIsolation(isolation)}\n`);
  const interrupts = watchInterrupts('build', (text) => void process.stderr.write(text));
  let run;
  try {
    run = await runCases(cases, {
      ...engineOptions({ root, requireAll: inCi }),
      isolation,
      signal: interrupts.signal,
      onCaseDone: progressReporter(out, cases.length),
    });
    interrupts.signal.throwIfAborted();
  } catch (error) {
    const interrupted = interrupts.exitCode();
    if (interrupted === undefined) throw error;
    process.stderr.write(`build: interrupted by ${interrupts.received()}; stopped every program, removed the throwaway CA, wrote no report and built nothing\n`);
    setTimeout(() => process.exit(interrupted), 100).unref();
    return interrupted;
  } finally {
    interrupts.stop();
  }
  out.write(formatSummary(run.results, run.durationMs));
  await writeReport(reportPath, toReport(run.results, run.info));
  out.write(`report: ${path.relative(PROJECT_ROOT, reportPath)}\n`);
  const failed = run.results.filter((result) => result.status === 'failed').length;
  if (failed && inCi) {
    process.stderr.write(`build: ${failed} snippet case(s) failed; the site is not built under CI=true (fix them, see above)\n`);
    return 1;
  }
  if (failed) out.write(`build: ${failed} snippet case(s) failed; building anyway, the tabs say so (CI=true would stop here)\n`);
  const astro = await execa('astro', ['build', ...astroArgs], {
    cwd: PROJECT_ROOT,
    preferLocal: true,
    stdio: 'inherit',
    reject: false,
    env: { RR_DOCS_REPORT: reportPath, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return astro.exitCode ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await buildSite(process.argv.slice(2));
