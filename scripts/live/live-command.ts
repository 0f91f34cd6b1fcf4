// `npm run snippets -- --live`: the examples, unmodified, against the real API with the reader's
// own token. Refuses to start without the token, never shows it, writes its reports away from the
// site's, and says loudly where the real API and the documented contract disagree.
import type { RequestListener } from 'node:http';
import path from 'node:path';
import { API_FACTS } from '../api/core-api.ts';
import type { SnippetsCommand } from '../harness/cli/command-line.ts';
import { PROJECT_ROOT } from '../project.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { toGithubAnnotations } from '../report/reporters/github.ts';
import { toJunit } from '../report/reporters/junit.ts';
import { formatSummary, formatToolchains, progressReporter, type TerminalOutput } from '../report/reporters/terminal.ts';
import { displayPath } from '../paths.ts';
import { checkRequestPlan, describeRequestPlan, requestPlan } from './budget.ts';
import { maskSecrets } from '../secrets/safe-text.ts';
import { describeAssumptions } from './assumption-verdicts.ts';
import { LIVE_CLIENT_VARIABLE, LIVE_WRITES_FLAG } from './live-plan.ts';
import { DEFAULT_LIVE_REPORT_PATH, toLiveReport } from './live-report.ts';
import { LiveSetupError, runResourceName, type CleanupReport } from './live-resources.ts';
import { refuseSiteReport } from './report-path.ts';
import { PROBE_TIMEOUT_MS, newRunId, planLive, runLiveCases } from './live-run.ts';
import { liveSecrets, liveTokensFrom } from './live-tokens.ts';
import { plannedProbes } from './probe-phase.ts';
import { ACCOUNT_KIND, idPatternOf } from './resource-kinds.ts';
import { UsageError } from '../usage.ts';

/** Time an interrupted live run has to stop its programs and delete what it made before the process exits anyway. */
export const LIVE_INTERRUPT_GRACE_MS = 120_000;

/** The dedicated client's id from REQUESTROCKET_LIVE_CLIENT_ID: required for writes, optional for reads; throws UsageError naming the variable. */
export function liveClientIdFrom(env: NodeJS.ProcessEnv, writes: boolean): string | undefined {
  const value = env[LIVE_CLIENT_VARIABLE];
  if (value === undefined || value === '') {
    if (writes)
      throw new UsageError(
        `${LIVE_WRITES_FLAG} needs the id of the client kept for live runs in ${LIVE_CLIENT_VARIABLE}; it is not set (nothing was sent)`,
      );
    return undefined;
  }
  if (!new RegExp(`^(?:${idPatternOf(ACCOUNT_KIND)})$`).test(value))
    throw new UsageError(`${LIVE_CLIENT_VARIABLE} does not hold a ${ACCOUNT_KIND.idParam} (${JSON.stringify(value)}); nothing was sent`);
  return value;
}

/** Lines for the terminal about a write run's cleanup. */
function describeCleanup(cleanup: CleanupReport): string {
  const lines = [`cleanup: deleted ${cleanup.deleted.length} resource(s) the run made`];
  for (const each of cleanup.notDeleted)
    lines.push(`  NOT DELETED: ${each.collection} ${each.id} (made by ${each.madeBy}): ${each.reason}`);
  for (const each of cleanup.refused) lines.push(`  left alone: ${each.collection} ${each.id}: ${each.reason}`);
  if (cleanup.notDeleted.length)
    lines.push(`cleanup: ${cleanup.notDeleted.length} resource(s) are left in the account; delete them by hand`);
  return `${lines.join('\n')}\n`;
}

/** Where a live command writes and what it reads. */
export interface LiveCommandIo {
  out: TerminalOutput;
  /** Writes a workflow command line (an annotation) as it is, where `out` defuses them (see workflow-commands.ts); default: `out`. */
  command?: (line: string) => void;
  env: NodeJS.ProcessEnv;
  projectRoot?: string;
  /** Stops the run (Ctrl-C, SIGTERM): its programs are killed, and a write run's resources deleted, before it rejects. */
  signal?: AbortSignal;
  /** Names a write run's resources (default: the time and a random suffix). */
  runId?: string;
  /** Tests only: a stand-in of the real API on 127.0.0.1 (see LiveSettings.upstream). */
  upstream?: RequestListener;
}

/** Runs `npm run snippets -- --live ...` and returns its exit code; throws UsageError before anything is sent. */
export async function runLiveCommand(command: SnippetsCommand, io: LiveCommandIo): Promise<number> {
  const projectRoot = io.projectRoot ?? PROJECT_ROOT;
  const jsonPath = command.json ?? path.join(projectRoot, DEFAULT_LIVE_REPORT_PATH);
  refuseSiteReport('--json', jsonPath, projectRoot, io.env);
  if (command.junit) refuseSiteReport('--junit', command.junit, projectRoot, io.env);
  const writes = command.liveWrites;
  const clientId = liveClientIdFrom(io.env, writes);
  // Listing needs no token; a run reads it (and refuses to start without it) before saying anything.
  const tokens = command.list ? undefined : liveTokensFrom(io.env);
  const plan = await planLive({ ...command.options, writes, ...(clientId !== undefined && { clientId }) });
  for (const note of plan.notes) io.out.write(`${note}\n`);
  if (tokens === undefined) {
    io.out.write(`${plan.cases.map((planned) => `${planned.key}\n`).join('')}${plan.cases.length} live case(s)\n`);
    return 0;
  }
  const secrets = liveSecrets(tokens);
  const out: TerminalOutput = { write: (text) => io.out.write(maskSecrets(text, secrets)), isTTY: io.out.isTTY };
  const requests = checkRequestPlan(requestPlan(plan.cases, plannedProbes(plan.cases), { tokens, writes }), plan.cases.length);
  const runId = io.runId ?? newRunId();
  out.write(
    `Running ${plan.cases.length} case(s) against the real API at ${API_FACTS.baseUrl}: no mock, no interception; ` +
      `each program in its own sandbox, with its own token, reaching ${API_FACTS.host}:443 alone; ` +
      `at most ${requests.total} requests (${describeRequestPlan(requests)}), ${PROBE_TIMEOUT_MS / 1000} s per probe${command.options.requireAll ? ' (every language required)' : ''}\n`,
  );
  if (writes)
    out.write(
      `writes: on (${LIVE_WRITES_FLAG}): the run makes its own resources under the client in ${LIVE_CLIENT_VARIABLE}, named "${runResourceName(runId)}", ` +
        'gives the write examples their ids alone, and deletes them at the end\n',
    );
  let run;
  try {
    run = await runLiveCases(plan.cases, {
      ...command.options,
      tokens,
      writes,
      clientId,
      runId,
      signal: io.signal,
      upstream: io.upstream,
      onCaseDone: progressReporter(out, plan.cases.length),
      onCleanup: (cleanup) => out.write(describeCleanup(cleanup)),
    });
  } catch (error) {
    if (!(error instanceof LiveSetupError)) throw error;
    out.write(`snippets: the run could not make its own resources: ${error.message}\n`);
    return 1;
  }
  out.write(`toolchains:\n${formatToolchains(run.toolchains)}\n`);
  out.write(formatSummary(run.results, run.durationMs));
  const annotate = io.command ?? ((line: string) => io.out.write(`${line}\n`));
  if (io.env.GITHUB_ACTIONS === 'true') for (const line of toGithubAnnotations(run.results)) annotate(maskSecrets(line, secrets));
  const report = toLiveReport(run.results, run.info, {
    writes,
    verdicts: run.verdicts,
    leftOut: plan.leftOut,
    requests: run.requests,
    ...(run.cleanup && { cleanup: run.cleanup }),
  });
  for (const line of describeAssumptions(report.live.assumptions)) out.write(`${line}\n`);
  await writeFileAtomic(jsonPath, maskSecrets(`${JSON.stringify(report, null, 2)}\n`, secrets));
  if (command.junit) await writeFileAtomic(command.junit, maskSecrets(toJunit(run.results), secrets));
  out.write(`live report: ${displayPath(jsonPath)}${command.junit ? `, ${displayPath(command.junit)}` : ''}\n`);
  if (report.live.issue) out.write(`\n${report.live.issue.title}\n`);
  const failed = run.results.some((result) => result.status === 'failed');
  const drifted = run.verdicts.some((verdict) => verdict.outcome !== 'as-documented');
  const leftBehind = (run.cleanup?.notDeleted.length ?? 0) > 0;
  return failed || drifted || leftBehind ? 1 : 0;
}
