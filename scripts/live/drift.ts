// Compares the probe's answer with the documented one: status, media type, redirect and body.
import { compareJson, showDocumented, showReal, type Difference } from './compare.ts';
import type { DocumentedAnswer } from './documented.ts';
import type { ProbeAnswer } from './probe.ts';

/** How the real answer differs from the documented one, with both shown side by side. */
export interface Drift {
  differences: Difference[];
  /** `401 application/json {"error": …}` */
  documented: string;
  /** The real answer shown the same way, without the account's data. */
  real: string;
}

const MAX_TEXT = 160;

/** Parses a body as JSON, or says why it is not JSON. */
function parseJson(body: string): { value: unknown } | { notJson: string } {
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    const text = body.trim().replace(/\s+/g, ' ');
    return {
      notJson:
        text === '' ? '(empty body)' : `(not JSON) ${JSON.stringify(text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text)}`,
    };
  }
}

/** The differences between an answer the probe received and the documented answer. */
export function compareAnswer(documented: DocumentedAnswer, answer: Extract<ProbeAnswer, { kind: 'answer' }>): Drift {
  const differences: Difference[] = [];
  if (answer.status !== documented.status)
    differences.push({ where: 'status', documented: String(documented.status), real: String(answer.status) });
  if (answer.location !== null) differences.push({ where: 'Location', documented: '(none)', real: `${answer.location} (not followed)` });
  if (answer.contentType !== documented.contentType) {
    differences.push({ where: 'Content-Type', documented: documented.contentType, real: answer.contentType ?? '(none)' });
  }
  const parsed = parseJson(answer.body);
  let realBody: string;
  if ('value' in parsed) {
    differences.push(...compareJson(documented.body, parsed.value, 'body', false, documented.dataKeys, documented.optional));
    realBody = showReal(parsed.value, documented.body, false, documented.dataKeys);
  } else {
    differences.push({ where: 'body', documented: 'JSON', real: parsed.notJson });
    realBody = parsed.notJson;
  }
  if (answer.truncated) realBody += ' (cut short: the body was too long)';
  const location = answer.location === null ? '' : ` Location: ${answer.location}`;
  return {
    differences,
    documented: `${documented.status} ${documented.contentType} ${showDocumented(documented.body, false, documented.dataKeys)}`,
    real: `${answer.status} ${answer.contentType ?? '(no Content-Type)'}${location} ${realBody}`,
  };
}

/** One line naming what differs: `documented 401, real 403`, or `the 401 answer differs in body.message`. */
export function headline(documented: DocumentedAnswer, drift: Drift, realStatus: number): string {
  if (realStatus !== documented.status) return `documented ${documented.status}, real ${realStatus}`;
  return `the ${realStatus} answer differs in ${drift.differences.map((difference) => difference.where).join(', ')}`;
}
