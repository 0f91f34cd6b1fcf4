// The GitHub issue a failed live run opens or updates: titled after the drift, with each drift once
// (from the probes' verdicts, as data) and the examples and languages it affects, then the other
// failures of the cases, then anything a write run could not delete. Every text is already masked.
import { API_FACTS } from '../api/core-api.ts';
import type { CaseResult } from '../harness/case/case-result.ts';
import type { CleanupReport } from './live-resources.ts';
import type { ProbeVerdict } from './verdict.ts';

/** An issue's title and Markdown body. */
export interface LiveIssue {
  title: string;
  body: string;
}

/** Where the docs say how to reproduce a live run and what each check means: a file and its `## ` heading. */
export const LIVE_DOCS = { file: 'MAINTAINERS.md', heading: 'Run the examples against the real API: `--live`' } as const;

/** GitHub refuses bodies over 65536 characters; stay well below. */
const MAX_BODY = 60_000;

/** One drift: the same difference of the same operation, under one or more scenarios. */
interface DriftFinding {
  first: ProbeVerdict;
  scenarios: string[];
  affects: Map<string, Set<string>>;
}

/** The verdicts that are not as documented, the same drift under several scenarios merged into one. */
function driftFindings(verdicts: readonly ProbeVerdict[]): DriftFinding[] {
  const found = new Map<string, DriftFinding>();
  for (const verdict of verdicts) {
    if (verdict.outcome === 'as-documented') continue;
    const key = JSON.stringify([
      verdict.endpoint,
      verdict.outcome,
      verdict.headline,
      verdict.documented,
      verdict.real,
      verdict.differences,
    ]);
    const finding: DriftFinding = found.get(key) ?? { first: verdict, scenarios: [], affects: new Map<string, Set<string>>() };
    finding.scenarios.push(verdict.scenario);
    for (const { example, languages } of verdict.affects) {
      const known = finding.affects.get(example) ?? new Set<string>();
      for (const language of languages) known.add(language);
      finding.affects.set(example, known);
    }
    found.set(key, finding);
  }
  return [...found.values()];
}

const titleOf = (finding: DriftFinding) => `${finding.first.endpoint} (${finding.scenarios.join(', ')}): ${finding.first.headline}`;

function driftSection(finding: DriftFinding): string {
  const { first } = finding;
  const affects = [...finding.affects].map(([example, languages]) => `${example} (${[...languages].join(', ')})`);
  const lines = [
    `with ${finding.scenarios.length > 1 ? `each of the scenarios ${finding.scenarios.join(', ')}` : first.summary}`,
    ...(first.outcome === 'drift'
      ? [
          `documented: ${first.documented}`,
          `real:       ${first.real}`,
          ...first.differences.map((difference) => `${difference.where}: documented ${difference.documented}, real ${difference.real}`),
        ]
      : []),
  ];
  const assumed = first.assumptions.length
    ? [
        `The documented answer rests on ${first.assumptions.length} assumption(s) of the description: ${first.assumptions.map((each) => `\`${each.pointer}\``).join(', ')}.`,
      ]
    : [];
  return [
    `### \`contract-drift\`: ${titleOf(finding)}`,
    '',
    `Affects ${affects.length ? affects.join(', ') : 'no planned case'}.`,
    ...(assumed.length ? ['', ...assumed] : []),
    '',
    '````text',
    ...lines,
    '````',
  ].join('\n');
}

/** One failure of the cases other than contract-drift, and every case it was seen in. */
interface CaseFinding {
  check: string;
  first: string;
  cases: string[];
  message: string;
}

function caseFindings(results: readonly CaseResult[]): CaseFinding[] {
  const found = new Map<string, CaseFinding>();
  for (const result of results) {
    for (const check of result.checks) {
      if (check.status !== 'failed' || check.id === 'contract-drift') continue;
      const first = check.message.split('\n')[0] ?? '';
      const key = `${check.id}\n${first}`;
      const finding = found.get(key) ?? { check: check.id, first, cases: [], message: check.message };
      finding.cases.push(result.key);
      found.set(key, finding);
    }
  }
  return [...found.values()];
}

function caseSection(finding: CaseFinding): string {
  const cases =
    finding.cases.length > 12 ? `${finding.cases.slice(0, 12).join(', ')} and ${finding.cases.length - 12} more` : finding.cases.join(', ');
  return [
    `### \`${finding.check}\`: ${finding.first}`,
    '',
    `Seen in ${finding.cases.length} case(s): ${cases}.`,
    '',
    '````text',
    finding.message,
    '````',
  ].join('\n');
}

function cleanupSection(cleanup: CleanupReport): string {
  return [
    '## Left in the account',
    '',
    'The write run could not delete these resources it made; delete them by hand:',
    '',
    ...cleanup.notDeleted.map((each) => `- ${each.collection} \`${each.id}\` (made by ${each.madeBy}): ${each.reason}`),
  ].join('\n');
}

/** The issue for a live run, or null when every case passed, every answer was as documented and nothing was left behind. */
export function liveIssue(results: readonly CaseResult[], verdicts: readonly ProbeVerdict[], cleanup?: CleanupReport): LiveIssue | null {
  const drifts = driftFindings(verdicts);
  const others = caseFindings(results);
  const leftBehind = cleanup?.notDeleted.length ?? 0;
  if (drifts.length === 0 && others.length === 0 && leftBehind === 0) return null;
  let title: string;
  if (drifts[0]) title = `Live API drift: ${titleOf(drifts[0])}${drifts.length > 1 ? ` (and ${drifts.length - 1} more)` : ''}`;
  else if (others.length)
    title = `Live examples fail against the real API: ${[...new Set(others.map((finding) => finding.check))].join(', ')}`;
  else title = `Live run left ${leftBehind} resource(s) in the account`;
  const failed = results.filter((result) => result.status === 'failed').length;
  const parts = [
    `The examples, run unmodified against the real API (${API_FACTS.baseUrl}) with a real token, found ${failed} failed case(s) of ${results.length}, and ${drifts.length} answer(s) that differ from the description.`,
    drifts.length
      ? 'The real API no longer answers as the guide and the mock document. If the change is intended, update `api/core-api.openapi.yaml` (the guide and the mock follow it) and the examples that break; if not, tell the API team.'
      : 'The real API answers as documented.',
    `How to reproduce with your own token, and what each check means: ${LIVE_DOCS.file}, "${LIVE_DOCS.heading}".`,
    ...(drifts.length ? ['## Contract drift', ...drifts.map(driftSection)] : []),
    ...(others.length ? ['## Other failures', ...others.map(caseSection)] : []),
    ...(leftBehind && cleanup ? [cleanupSection(cleanup)] : []),
  ];
  let body = parts.join('\n\n');
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY)}\n\n(cut short; the run's report has every case)`;
  return { title: title.length > 250 ? `${title.slice(0, 249)}…` : title, body };
}
