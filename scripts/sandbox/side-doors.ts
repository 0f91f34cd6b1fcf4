// What a program tried past the proxy, as its sandbox saw it, and how reports say so.
import type { SideDoorCounts } from './counters.ts';

/** What a sandbox saw of a program's attempts to get out other than through the proxy. */
export interface SideDoorReport {
  /** Counted by the namespace's kernel; null when the sandbox could not report them (see `missing`). */
  counts: SideDoorCounts | null;
  /** Why there are no counts: the run was killed (time limit) or the supervisor did not report. */
  missing?: 'killed' | 'no-report';
  /** Names the program looked up through the sandbox's stub resolver. */
  dnsQueries: string[];
}

/** One line per kind of attempt that bypassed the proxy (none: an empty list). */
export function describeSideDoors(report: SideDoorReport | undefined): string[] {
  if (!report) return [];
  const lines: string[] = [];
  const { counts } = report;
  const times = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  if (counts?.directTcp) lines.push(`${times(counts.directTcp, 'direct TCP connection')} to a loopback port, bypassing the proxy`);
  if (counts?.closedUdp) {
    const unnamed = counts.dnsStub ? '' : ' (DNS lookups among them: the sandbox could not listen on port 53 to name them)';
    lines.push(`${times(counts.closedUdp, 'UDP datagram')} to a loopback port${unnamed}`);
  }
  if (counts?.noRoute)
    lines.push(`${times(counts.noRoute, 'packet')} to an address outside the sandbox (no route: only the proxy is reachable)`);
  const lookups = new Map<string, number>();
  for (const name of report.dnsQueries) lookups.set(name, (lookups.get(name) ?? 0) + 1);
  for (const [name, count] of lookups) lines.push(`a DNS lookup of ${JSON.stringify(name)}${count > 1 ? ` (${count} queries)` : ''}`);
  if (report.missing === 'no-report') lines.push("no count of what it sent past the proxy (the sandbox's supervisor gave no report)");
  return lines;
}
