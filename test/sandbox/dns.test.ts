// The stub resolver's view of DNS packets: the name a query asks for, and a REFUSED answer to it.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { queryName, refusal } from '../../scripts/sandbox/dns.ts';

/** A standard query (id 0x1234, RD set) for `name`, type A, class IN. */
function query(name: string): Buffer {
  const labels = name.split('.').flatMap((label) => [Buffer.from([label.length]), Buffer.from(label, 'latin1')]);
  return Buffer.concat([Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]), ...labels, Buffer.from([0, 0, 1, 0, 1])]);
}

describe('queryName', () => {
  test('reads the name of the first question', () => {
    expect(queryName(query('u-abc.leak.example'))).toBe('u-abc.leak.example');
  });

  test('is null for a packet that is not a query', () => {
    expect(queryName(Buffer.from('u-not-a-dns-packet\n'))).toBeNull();
    expect(queryName(Buffer.alloc(4))).toBeNull();
    expect(queryName(Buffer.concat([query('a.b').subarray(0, 12), Buffer.from([9, 0x61])]))).toBeNull();
  });
});

describe('refusal', () => {
  test('answers with the same id and question, QR set, RCODE REFUSED and no records', () => {
    const asked = query('leak.example');
    const answer = refusal(asked)!;
    expect(answer.readUInt16BE(0)).toBe(0x1234);
    expect(answer[2]! & 0x80).toBe(0x80);
    expect(answer[2]! & 0x01).toBe(0x01); // RD copied
    expect(answer[3]! & 0x0f).toBe(5);
    expect([answer.readUInt16BE(4), answer.readUInt16BE(6), answer.readUInt16BE(8), answer.readUInt16BE(10)]).toEqual([1, 0, 0, 0]);
    expect(answer.subarray(12)).toEqual(asked.subarray(12));
    expect(queryName(answer)).toBe('leak.example');
  });

  test('is null for a packet too short to answer', () => {
    expect(refusal(Buffer.alloc(3))).toBeNull();
  });
});
