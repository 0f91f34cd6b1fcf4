// The sandbox's network counters as its supervisor reports them, and how reports describe them.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { COUNTERS_MARKER, parseCounters } from '../../scripts/sandbox/counters.ts';
import { describeSideDoors } from '../../scripts/sandbox/side-doors.ts';

const SNMP = `Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos InDiscards InDelivers OutRequests OutDiscards OutNoRoutes
Ip: 2 64 4 0 0 0 0 0 4 4 0 3
Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors
Tcp: 1 200 120000 -1 5 3 1 0 0 2 2 0 0 1 0
Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
Udp: 0 1 0 1 0 0 0 0 0
`;
const SNMP6 = `Ip6InReceives                   	0
Ip6OutNoRoutes                  	1
Udp6NoPorts                     	2
`;

describe('parseCounters', () => {
  test('counts direct TCP connections, datagrams to closed ports and packets without a route', () => {
    expect(parseCounters(`noise\n${COUNTERS_MARKER}\nDnsStub: yes\n${SNMP}${SNMP6}`)).toEqual({
      directTcp: 2,
      closedUdp: 3,
      noRoute: 4,
      dnsStub: true,
    });
    expect(parseCounters(`${COUNTERS_MARKER}\nDnsStub: no\n${SNMP}`)?.dnsStub).toBe(false);
  });

  test('reads the last report only, so text printed before it cannot stand in for it', () => {
    const forged = `${COUNTERS_MARKER}\n${SNMP.replace('-1 5 3', '-1 0 0')}`;
    expect(parseCounters(`${forged}${COUNTERS_MARKER}\n${SNMP}`)?.directTcp).toBe(2);
  });

  test('is null without a report or with a cut-off one', () => {
    expect(parseCounters('')).toBeNull();
    expect(parseCounters(`${COUNTERS_MARKER}\nIp: Forwarding\n`)).toBeNull();
  });
});

describe('describeSideDoors', () => {
  test('says what was tried, one line per kind, and groups repeated lookups', () => {
    expect(
      describeSideDoors({
        counts: { directTcp: 1, closedUdp: 2, noRoute: 0, dnsStub: true },
        dnsQueries: ['a.example', 'a.example', 'b.example'],
      }),
    ).toEqual([
      '1 direct TCP connection to a loopback port, bypassing the proxy',
      '2 UDP datagrams to a loopback port',
      'a DNS lookup of "a.example" (2 queries)',
      'a DNS lookup of "b.example"',
    ]);
  });

  test('says that lookups hide among the datagrams when the stub resolver could not listen (no privilege)', () => {
    expect(describeSideDoors({ counts: { directTcp: 0, closedUdp: 1, noRoute: 0, dnsStub: false }, dnsQueries: [] })).toEqual([
      '1 UDP datagram to a loopback port (DNS lookups among them: the sandbox could not listen on port 53 to name them)',
    ]);
  });

  test('says nothing for a clean run or an unsandboxed one, and says when the count is missing', () => {
    expect(describeSideDoors({ counts: { directTcp: 0, closedUdp: 0, noRoute: 0, dnsStub: true }, dnsQueries: [] })).toEqual([]);
    expect(describeSideDoors(undefined)).toEqual([]);
    expect(describeSideDoors({ counts: null, missing: 'killed', dnsQueries: [] })).toEqual([]);
    expect(describeSideDoors({ counts: null, missing: 'no-report', dnsQueries: [] })).toEqual([
      "no count of what it sent past the proxy (the sandbox's supervisor gave no report)",
    ]);
  });
});
