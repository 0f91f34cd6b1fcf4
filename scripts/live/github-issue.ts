// Keeps one GitHub issue in step with the scheduled live run: opened (or updated) when a run fails,
// titled after the drift, and closed by the next run that passes. The workflow's github-script step
// imports it; it reads only node:fs, so that job needs no `npm ci` (and never sees the API token).
import { readFileSync } from 'node:fs';

/** Marks the issue this module owns, so it finds its own issue among the others. */
export const ISSUE_MARKER = '<!-- requestrocket-live-api-drift -->';

/** The issue opened when the live run failed without writing its report. */
export const FALLBACK_ISSUE = Object.freeze({
  title: 'Live API check could not run',
  body: 'The live run stopped before writing its report: a missing or malformed token secret, a missing toolchain, or a harness error. The run log says which.',
});

/** The few calls of the GitHub REST client (github-script's `github`) this module makes. */
export interface IssuesClient {
  paginate<T>(route: unknown, parameters: Record<string, unknown>): Promise<T[]>;
  rest: {
    issues: {
      listForRepo: unknown;
      create(parameters: Record<string, unknown>): Promise<{ data: { number: number } }>;
      update(parameters: Record<string, unknown>): Promise<unknown>;
      createComment(parameters: Record<string, unknown>): Promise<unknown>;
    };
  };
}

/** The parts of github-script's `context` used here. */
export interface RunContext {
  repo: { owner: string; repo: string };
  serverUrl: string;
  runId: number;
}

/** One issue as the list call returns it. */
interface ListedIssue {
  number: number;
  title: string;
  body?: string | null;
  pull_request?: unknown;
}

/** What to sync: the live job's result (`success`, `failure`, ...) and the path of its JSON report. */
export interface SyncOptions {
  github: IssuesClient;
  context: RunContext;
  result: string;
  reportFile: string;
}

/** The issue a failed run's report asks for, or undefined when the report is absent or has none. */
export function issueFromReport(reportFile: string): { title: string; body: string } | undefined {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    return undefined;
  }
  const issue = (report as { live?: { issue?: unknown } } | null)?.live?.issue as { title?: unknown; body?: unknown } | null | undefined;
  if (typeof issue?.title !== 'string' || typeof issue.body !== 'string') return undefined;
  return { title: issue.title, body: issue.body };
}

/** Opens, updates or closes the live run's issue; returns what it did, for the log. */
export async function syncDriftIssue({ github, context, result, reportFile }: SyncOptions): Promise<string> {
  const { owner, repo } = context.repo;
  const runUrl = `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`;
  const listed = await github.paginate<ListedIssue>(github.rest.issues.listForRepo, { owner, repo, state: 'open', per_page: 100 });
  const open = listed.filter((issue) => !issue.pull_request && (issue.body ?? '').includes(ISSUE_MARKER));
  if (result === 'success') {
    for (const issue of open) {
      await github.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: `The live run passed: ${runUrl}. Closing.` });
      await github.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
    }
    return open.length ? `closed #${open.map((issue) => issue.number).join(', #')}` : 'the live run passed; no issue to close';
  }
  if (result !== 'failure') return `the live job ended "${result}"; the issue is left as it is`;
  const wanted = issueFromReport(reportFile) ?? FALLBACK_ISSUE;
  const body = `${ISSUE_MARKER}\n${wanted.body}\n\nLatest failing run: ${runUrl}`;
  const [existing] = open;
  if (!existing) {
    const created = await github.rest.issues.create({ owner, repo, title: wanted.title, body });
    return `opened #${created.data.number}: ${wanted.title}`;
  }
  const changed = existing.title !== wanted.title;
  await github.rest.issues.update({ owner, repo, issue_number: existing.number, title: wanted.title, body });
  if (changed) {
    await github.rest.issues.createComment({
      owner,
      repo,
      issue_number: existing.number,
      body: `The failure changed: ${wanted.title} (${runUrl}).`,
    });
  }
  return `updated #${existing.number}: ${wanted.title}`;
}
