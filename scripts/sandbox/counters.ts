// The network namespace's own counters, read inside the sandbox once the program has ended: the
// only reachable address is the proxy's forwarder, so every other attempt shows up in them.

/** What the program tried that did not go through the proxy, counted by the kernel of its namespace. */
export interface SideDoorCounts {
  /** TCP connections started to loopback ports nobody listens on (direct, bypassing the proxy). */
  directTcp: number;
  /** UDP datagrams sent to loopback ports nobody listens on. */
  closedUdp: number;
  /** Packets (TCP or UDP, IPv4 or IPv6) for addresses outside the sandbox: no route leads there. */
  noRoute: number;
  /** False when the stub resolver could not listen on port 53 (no privilege): lookups then count as UDP datagrams, unnamed. */
  dnsStub: boolean;
}

/** Marker that starts the counters in the supervisor's report. */
export const COUNTERS_MARKER = '--- rr-sandbox counters ---';

/** What the supervisor printed after its last marker (text before it cannot stand in for it); null when it printed none. */
export function supervisorReport(report: string): string | null {
  const start = report.lastIndexOf(COUNTERS_MARKER);
  return start === -1 ? null : report.slice(start + COUNTERS_MARKER.length);
}

/** Reads `/proc/net/snmp` and `/proc/net/snmp6` as the supervisor printed them; null when they are not there. */
export function parseCounters(report: string): SideDoorCounts | null {
  const printed = supervisorReport(report);
  if (printed === null) return null;
  const values = new Map<string, number>();
  const lines = printed.split('\n');
  // snmp: a header line `Tcp: Name Name…` followed by a value line `Tcp: 1 2…`.
  for (let index = 0; index + 1 < lines.length; index++) {
    const names = /^(\w+): ([A-Za-z].*)$/.exec(lines[index]!.trim());
    const numbers = /^(\w+): (-?\d.*)$/.exec(lines[index + 1]!.trim());
    if (!names || !numbers || names[1] !== numbers[1]) continue;
    const keys = names[2]!.split(/\s+/);
    const counts = numbers[2]!.split(/\s+/).map(Number);
    keys.forEach((key, at) => values.set(`${names[1]}.${key}`, counts[at] ?? 0));
  }
  // snmp6: `Name value` lines.
  for (const line of lines) {
    const pair = /^(Ip6|Udp6)(\w+)\s+(\d+)$/.exec(line.trim());
    if (pair) values.set(`${pair[1]}.${pair[2]}`, Number(pair[3]));
  }
  if (!values.has('Tcp.ActiveOpens') || !values.has('Udp.NoPorts')) return null;
  const get = (key: string) => values.get(key) ?? 0;
  return {
    directTcp: Math.max(0, get('Tcp.ActiveOpens') - get('Tcp.PassiveOpens')),
    closedUdp: get('Udp.NoPorts') + get('Udp6.NoPorts'),
    noRoute: get('Ip.OutNoRoutes') + get('Ip6.OutNoRoutes'),
    dnsStub: !/^DnsStub: no$/m.test(lines.join('\n')),
  };
}
