// The GitHub issue a failed live run opens or updates: titled after the drift, with each distinct
// difference once and the cases it was seen in. Built from results whose texts are already masked.
import { API_FACTS } from '../api/core-api.ts';
import type { CaseResult } from '../harness/case/case-result.ts';

/** An issue's title and Markdown body. */
export interface LiveIssue {
  title: string;
  body: string;
}

/** Where the docs say how to reproduce a live run and what each check means: a file and its `## ` heading. */
export const LIVE_DOCS = { file: 'MAINTAINERS.md', heading: 'Run the examples against the real API: `--live`' } as const;

/** GitHub refuses bodies over 65536 characters; stay well below. */
const MAX_BODY = 60_000;

// The first line of a contract-drift message: `GET /api/clients (invalid): the 401 answer differs in body.message`.
const DRIFT_LINE = /^(\S+ \S+) \(([\w-]+)\): (.*)$/;

/** One difference, and every case it was seen in. */
interface Finding {
  check: string;
  /** What differs, without the scenario. */
  what: string;
  scenarios: string[];
  cases: string[];
  /** The message of the first case, in full. */
  message: string;
}

function findingsOf(results: readonly CaseResult[]): Finding[] {
  const found = new Map<string, Finding>();
  for (const result of results) {
    for (const check of result.checks) {
      if (check.status !== 'failed') continue;
      const [first = '', ...rest] = check.message.split('\n');
      const drift = check.id === 'contract-drift' ? DRIFT_LINE.exec(first) : null;
      // The same drift of the same endpoint is one finding, whatever the scenario, language or example.
      const what = drift ? `${drift[1]}: ${drift[3]}` : first;
      const key = `${check.id}\n${what}\n${drift ? rest.filter((line) => !line.startsWith('    with ')).join('\n') : ''}`;
      const finding = found.get(key) ?? { check: check.id, what, scenarios: [], cases: [], message: check.message };
      if (!finding.scenarios.includes(result.scenario)) finding.scenarios.push(result.scenario);
      finding.cases.push(result.key);
      found.set(key, finding);
    }
  }
  return [...found.values()];
}

function titleOf(finding: Finding): string {
  const match = /^(\S+ \S+): (.*)$/.exec(finding.what);
  return match ? `${match[1]} (${finding.scenarios.join(', ')}): ${match[2]}` : finding.what;
}

function section(finding: Finding): string {
  const cases =
    finding.cases.length > 12 ? `${finding.cases.slice(0, 12).join(', ')} and ${finding.cases.length - 12} more` : finding.cases.join(', ');
  return [
    `### \`${finding.check}\`: ${titleOf(finding)}`,
    '',
    `Seen in ${finding.cases.length} case(s): ${cases}.`,
    '',
    '````text',
    finding.message,
    '````',
  ].join('\n');
}

/** The issue for a live run's results, or null when nothing failed. */
export function liveIssue(results: readonly CaseResult[]): LiveIssue | null {
  const findings = findingsOf(results);
  if (findings.length === 0) return null;
  const drifts = findings.filter((finding) => finding.check === 'contract-drift');
  const others = findings.filter((finding) => finding.check !== 'contract-drift');
  const title = drifts[0]
    ? `Live API drift: ${titleOf(drifts[0])}${drifts.length > 1 ? ` (and ${drifts.length - 1} more)` : ''}`
    : `Live examples fail against the real API: ${[...new Set(others.map((finding) => finding.check))].join(', ')}`;
  const failed = results.filter((result) => result.status === 'failed').length;
  const parts = [
    `The examples, run unmodified against the real API (${API_FACTS.baseUrl}) with a real token, found ${failed} failed case(s) of ${results.length}.`,
    drifts.length
      ? 'The real API no longer answers as the guide and the mock document. If the change is intended, update `api/core-api.openapi.yaml` (the guide and the mock follow it) and the examples that break; if not, tell the API team.'
      : 'The real API answers as documented, but some examples do not cope with it.',
    `How to reproduce with your own token, and what each check means: ${LIVE_DOCS.file}, "${LIVE_DOCS.heading}".`,
    ...(drifts.length ? ['## Contract drift', ...drifts.map(section)] : []),
    ...(others.length ? ['## Other failures', ...others.map(section)] : []),
  ];
  let body = parts.join('\n\n');
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY)}\n\n(cut short; the run's report has every case)`;
  return { title: title.length > 250 ? `${title.slice(0, 249)}…` : title, body };
}
