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
import { LIVE_REQUEST_LIMIT, checkRequestBudget } from './budget.ts';
import { maskSecrets } from '../secrets/safe-text.ts';
import { DEFAULT_LIVE_REPORT_PATH, toLiveReport } from './live-report.ts';
import { refuseSiteReport } from './report-path.ts';
import { PROBE_TIMEOUT_MS, planLive, runLiveCases } from './live-run.ts';
import { liveSecrets, liveTokensFrom } from './live-tokens.ts';

/** Where a live command writes and what it reads. */
export interface LiveCommandIo {
  out: TerminalOutput;
  /** Writes a workflow command line (an annotation) as it is, where `out` defuses them (see workflow-commands.ts); default: `out`. */
  command?: (line: string) => void;
  env: NodeJS.ProcessEnv;
  projectRoot?: string;
  /** Tests only: a stand-in of the real API on 127.0.0.1 (see LiveSettings.upstream). */
  upstream?: RequestListener;
}

/** Runs `npm run snippets -- --live ...` and returns its exit code; throws UsageError before anything is sent. */
export async function runLiveCommand(command: SnippetsCommand, io: LiveCommandIo): Promise<number> {
  const projectRoot = io.projectRoot ?? PROJECT_ROOT;
  const jsonPath = command.json ?? path.join(projectRoot, DEFAULT_LIVE_REPORT_PATH);
  refuseSiteReport('--json', jsonPath, projectRoot, io.env);
  if (command.junit) refuseSiteReport('--junit', command.junit, projectRoot, io.env);
  const plan = await planLive(command.options);
  for (const note of plan.notes) io.out.write(`${note}\n`);
  if (command.list) {
    io.out.write(`${plan.cases.map((planned) => `${planned.key}\n`).join('')}${plan.cases.length} live case(s)\n`);
    return 0;
  }
  const tokens = liveTokensFrom(io.env);
  const secrets = liveSecrets(tokens);
  const out: TerminalOutput = { write: (text) => io.out.write(maskSecrets(text, secrets)), isTTY: io.out.isTTY };
  const most = checkRequestBudget(plan.cases, LIVE_REQUEST_LIMIT);
  out.write(
    `Running ${plan.cases.length} case(s) against the real API at ${API_FACTS.baseUrl}: no mock, no interception; ` +
      `each program in its own sandbox, with its own token, reaching ${API_FACTS.host}:443 alone; ` +
      `at most ${most} requests, ${PROBE_TIMEOUT_MS / 1000} s per probe${command.options.requireAll ? ' (every language required)' : ''}\n`,
  );
  const run = await runLiveCases(plan.cases, {
    ...command.options,
    tokens,
    upstream: io.upstream,
    onCaseDone: progressReporter(out, plan.cases.length),
  });
  out.write(`toolchains:\n${formatToolchains(run.toolchains)}\n`);
  out.write(formatSummary(run.results, run.durationMs));
  const annotate = io.command ?? ((line: string) => io.out.write(`${line}\n`));
  if (io.env.GITHUB_ACTIONS === 'true') for (const line of toGithubAnnotations(run.results)) annotate(maskSecrets(line, secrets));
  const report = toLiveReport(run.results, run.info);
  await writeFileAtomic(jsonPath, maskSecrets(`${JSON.stringify(report, null, 2)}\n`, secrets));
  if (command.junit) await writeFileAtomic(command.junit, maskSecrets(toJunit(run.results), secrets));
  out.write(`live report: ${displayPath(jsonPath)}${command.junit ? `, ${displayPath(command.junit)}` : ''}\n`);
  if (report.live.issue) out.write(`\n${report.live.issue.title}\n`);
  return run.results.some((result) => result.status === 'failed') ? 1 : 0;
}
