// What a contributor reads: progress while the cases run, then each failure with what to fix.
import type { Toolchain } from '../../runners/runner-contract.ts';
import type { CaseResult } from '../../harness/case/case-result.ts';
import type { CaughtError } from '../report-schema.ts';
import { countStatuses, summaryLine } from './summary.ts';

/** Where the terminal reporter writes, and whether it may redraw a live counter. */
export interface TerminalOutput {
  write(text: string): void;
  isTTY: boolean;
}

const mark = { passed: '✓', failed: '✗', skipped: '-' } as const;

/** Progress: a live counter on a TTY, or one line per finished case elsewhere. */
export function progressReporter(output: TerminalOutput, total: number): (result: CaseResult) => void {
  const done: CaseResult[] = [];
  return (result) => {
    done.push(result);
    if (output.isTTY) {
      const { passed, failed, skipped } = countStatuses(done);
      output.write(`\r\x1b[K[${done.length}/${total}] ${passed} passed, ${failed} failed, ${skipped} skipped  ${result.key}`);
      if (done.length === total) output.write('\n');
      return;
    }
    const note = result.status === 'skipped' ? ` (${result.detail.reason})` : result.status === 'failed' ? ` [${failedIds(result)}]` : '';
    output.write(`${mark[result.status]} ${result.key} ${Math.round(result.durationMs)}ms${result.cached ? ' (cached)' : ''}${note}\n`);
  };
}

function failedIds(result: CaseResult): string {
  return result.checks
    .filter((check) => check.status === 'failed')
    .map((check) => check.id)
    .join(', ');
}

/** The toolchains found, one line each. */
export function formatToolchains(toolchains: ReadonlyMap<string, Toolchain>): string {
  return [...toolchains]
    .map(([id, toolchain]) => `  ${id}: ${toolchain.available ? toolchain.version : `missing (${toolchain.reason})`}`)
    .join('\n');
}

// Lines of a caught error's stack and of its cause the terminal shows (the JSON report keeps more).
const STACK_LINES = 8;
const CAUSE_LINES = 4;

/** Where an error the harness caught came from: the first lines of its stack and of its cause. */
function describeCaughtError(error: CaughtError): string[] {
  const first = (text: string, count: number) => text.split('\n').slice(0, count);
  return [
    `  ${error.where} threw:`,
    ...first(error.stack ?? error.message, STACK_LINES).map((line) => `    ${line}`),
    ...(error.cause ? first(`caused by ${error.cause}`, CAUSE_LINES).map((line) => `    ${line}`) : []),
  ];
}

/** One failure, in full: file, scenario, check, expectation, what the mock recorded, the output's tail. */
export function formatFailure(result: CaseResult): string {
  const lines = [`${mark.failed} ${result.file} (scenario: ${result.scenario})`];
  for (const check of result.checks.filter((c) => c.status === 'failed')) lines.push(`  [${check.id}] ${check.message}`);
  for (const error of result.errors ?? []) lines.push(...describeCaughtError(error));
  const { detail } = result;
  if (detail.requests.length || detail.egress.length || detail.exitCode !== undefined) {
    lines.push(`  ${detail.recordedBy ?? 'the mock'} recorded:`);
    if (detail.requests.length === 0) lines.push('    (no request)');
    for (const line of [...detail.requests, ...detail.egress]) lines.push(`    ${line}`);
    const exit = detail.timedOut
      ? 'killed at the time limit'
      : detail.exitCode === null
        ? `killed by ${detail.signal}`
        : `exit code ${detail.exitCode}`;
    lines.push(`  the program: ${exit}`);
  }
  if (detail.outputTail.length) {
    lines.push('  last lines of output:');
    for (const line of detail.outputTail) lines.push(`    | ${line}`);
  }
  return lines.join('\n');
}

/** The end of a run: every failure, the skipped reasons, and the closing count line. */
export function formatSummary(results: readonly CaseResult[], durationMs: number): string {
  const parts: string[] = [];
  const failures = results.filter((result) => result.status === 'failed');
  if (failures.length) parts.push(`\nFailures:\n\n${failures.map(formatFailure).join('\n\n')}`);
  const reasons = new Map<string, number>();
  for (const result of results)
    if (result.status === 'skipped') reasons.set(result.detail.reason ?? '', (reasons.get(result.detail.reason ?? '') ?? 0) + 1);
  if (reasons.size) parts.push(`\nSkipped:\n${[...reasons].map(([reason, n]) => `  ${n} case(s): ${reason}`).join('\n')}`);
  parts.push(`\nsnippets: ${summaryLine(results)} (${(durationMs / 1000).toFixed(1)} s)`);
  return `${parts.join('\n')}\n`;
}
