// Just enough of the DNS wire format for the sandbox's stub resolver: read the name a query asks
// for, and refuse it, so that a lookup fails at once and is reported rather than answered.

/** The name in the first question of a DNS query (dotted, lower-case as sent), or null when it is not one. */
export function queryName(packet: Uint8Array): string | null {
  if (packet.length < 12) return null;
  const questions = (packet[4]! << 8) | packet[5]!;
  if (questions < 1) return null;
  const labels: string[] = [];
  let offset = 12;
  while (offset < packet.length) {
    const length = packet[offset]!;
    if (length === 0) return labels.join('.');
    if (length > 63 || offset + 1 + length > packet.length) return null; // compression pointers never start a query's name
    labels.push(Buffer.from(packet.subarray(offset + 1, offset + 1 + length)).toString('latin1'));
    offset += 1 + length;
  }
  return null;
}

/** A REFUSED answer to `query` (same id and question, no records); null when the packet is too short to answer. */
export function refusal(query: Uint8Array): Buffer | null {
  if (query.length < 12) return null;
  const name = queryName(query);
  // Header: id, flags (QR=1, the query's opcode and RD, RCODE=5 REFUSED), one question or none.
  const questionEnd = name === null ? 12 : questionLength(query);
  const answer = Buffer.alloc(questionEnd);
  Buffer.from(query.subarray(0, questionEnd)).copy(answer);
  answer[2] = 0x80 | (query[2]! & 0x79);
  answer[3] = 0x05;
  answer.writeUInt16BE(name === null ? 0 : 1, 4);
  answer.writeUInt32BE(0, 6);
  answer.writeUInt16BE(0, 10);
  return answer;
}

function questionLength(query: Uint8Array): number {
  let offset = 12;
  while (query[offset] !== 0) offset += 1 + query[offset]!;
  return Math.min(query.length, offset + 1 + 4); // the name's end, then type and class
}
