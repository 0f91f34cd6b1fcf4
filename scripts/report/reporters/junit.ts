// JUnit XML for CI systems: one test suite per snippet file, one test case per scenario.
import type { CaseResult } from '../../harness/case/case-result.ts';

const escapeXml = (text: string) =>
  text
    .replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char)
    // XML 1.0 cannot hold most control characters, even escaped: matching them is the point.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** Renders the results as a JUnit XML document. */
export function toJunit(results: readonly CaseResult[]): string {
  const suites = new Map<string, CaseResult[]>();
  for (const result of results) suites.set(result.file, [...(suites.get(result.file) ?? []), result]);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="snippets">'];
  for (const [file, cases] of suites) {
    const failures = cases.filter((c) => c.status === 'failed').length;
    const skipped = cases.filter((c) => c.status === 'skipped').length;
    const seconds = cases.reduce((sum, c) => sum + c.durationMs, 0) / 1000;
    lines.push(
      `  <testsuite name="${escapeXml(file)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${seconds.toFixed(3)}">`,
    );
    for (const result of cases) {
      const open = `    <testcase classname="${escapeXml(`${result.example}.${result.language}`)}" name="${escapeXml(result.scenario)}" file="${escapeXml(file)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
      if (result.status === 'passed') {
        lines.push(`${open}/>`);
      } else if (result.status === 'skipped') {
        lines.push(`${open}><skipped message="${escapeXml(result.detail.reason ?? 'skipped')}"/></testcase>`);
      } else {
        const failed = result.checks.filter((check) => check.status === 'failed');
        const errors = (result.errors ?? []).flatMap((error) => [
          `${error.where} threw:`,
          error.stack ?? error.message,
          ...(error.cause ? [`caused by ${error.cause}`] : []),
        ]);
        const body = [
          ...failed.map((c) => `[${c.id}] ${c.message}`),
          ...errors,
          '',
          ...result.detail.requests,
          ...result.detail.outputTail,
        ].join('\n');
        lines.push(`${open}><failure message="${escapeXml(failed.map((c) => c.id).join(', '))}">${escapeXml(body)}</failure></testcase>`);
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
