// The `same-request` check: in the `ok` scenario, every language of one example sends the same
// requests: the same operations, with the ids from the same places in the path and the body (the
// variables the harness set, or an earlier answer: the ids themselves differ from case to case), the
// same query parameters (as
// parsed), the raw token and Content-Type, and the same body (equal as JSON, not as bytes; a secret
// compared by its hash, never shown). It compares finished cases, so the engine holds an example's
// `ok` results until the last of them is in, then judges them together; a failure names the field
// and both values.
import { createHash } from 'node:crypto';
import { isRecord } from '../../api/json-pointer.ts';
import type { ExampleStep } from '../../manifest/example-steps.ts';
import { parseJsonBody } from '../../mock/json-body.ts';
import type { RecordedRequest } from '../../mock/types.ts';
import { headerValues, type CaseObservation } from '../case/observation.ts';
import type { CaseResult } from '../case/case-result.ts';
import { sentSecrets } from '../case/sent-secrets.ts';
import type { PlannedCase } from '../run/plan.ts';
import { stepParameters, stepsOf } from './example-requests.ts';
import { canonicalJson, jsonDifferences, showValue } from './json-diff.ts';

const CHECK_ID = 'same-request';

/** What one request sent, comparable across cases. */
interface SentRequest {
  /** The operationId the mock matched, or the method and path when it matched none. */
  operation: string;
  /** Each path parameter: `$VARIABLE` when it is the id the harness set, `created by request N`, else the value sent. */
  path: Record<string, string>;
  /** The query parameters, parsed: one value, or a list when repeated. */
  query: Record<string, string | string[]>;
  headers: { Authorization: string | string[] | null; 'Content-Type': string | string[] | null };
  /** The body as JSON (secrets as their hash, an id the harness set as `$VARIABLE`), its text when it is not JSON, or absent. */
  body?: unknown;
}

/** A secret as a fingerprint shows it: its hash, so two languages can be compared without the value. */
const hidden = (secret: string) => `<secret sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 16)}>`;

/** `value` with every text that is one of `secrets` replaced by its hash. */
function withSecretsHidden(value: unknown, secrets: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return secrets.has(value) ? hidden(value) : value;
  if (Array.isArray(value)) return value.map((item) => withSecretsHidden(item, secrets));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withSecretsHidden(item, secrets)]));
  return value;
}

/** A body with each of the step's id fields that holds the id the harness set written `$VARIABLE`, as a path parameter is. */
function withGivenIds(body: unknown, ids: CaseObservation['ids'], step: ExampleStep | undefined): unknown {
  if (!isRecord(body) || !step) return body;
  const named = { ...body };
  for (const { field } of step.bodyIds) {
    const given = ids.find((id) => id.in === 'body' && id.parameter === field && id.value === named[field]);
    if (given) named[field] = `$${given.variable}`;
  }
  return named;
}

/** One header's values as the fingerprint keeps them, the token itself reading `<token>`. */
function headerOf(request: RecordedRequest, name: string, token: string | undefined): string | string[] | null {
  const values = headerValues(request, name).map((value) => (token ? value.split(token).join('<token>') : value));
  return values.length === 0 ? null : values.length === 1 ? values[0]! : values;
}

/** What one case sent, as canonical JSON text comparable across cases; `no request` when it sent none. */
export function requestFingerprint(observation: Pick<CaseObservation, 'requests' | 'token' | 'manifest' | 'ids'>): string {
  const { requests, token, manifest, ids } = observation;
  if (requests.length === 0) return 'no request';
  const steps = stepsOf(manifest);
  const secrets = new Set(sentSecrets(requests).map((secret) => secret.value));
  const sent = requests.map((request, index): SentRequest => {
    const step = steps[index];
    const parameters = (step && stepParameters(step, request)) ?? {};
    const path = Object.fromEntries(
      Object.entries(parameters).map(([name, value]) => {
        const given = ids.find((id) => id.parameter === name && id.value === value);
        const creator = requests.findIndex(
          (earlier, at) => at < index && earlier.created?.parameter === name && earlier.created.id === value,
        );
        return [name, given ? `$${given.variable}` : creator !== -1 ? `created by request ${creator + 1}` : value];
      }),
    );
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(request.query)) {
      const known = query[name];
      query[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
    }
    const entry: SentRequest = {
      operation: 'operationId' in request.operation ? request.operation.operationId : `${request.method} ${request.path}`,
      path,
      query,
      headers: { Authorization: headerOf(request, 'authorization', token), 'Content-Type': headerOf(request, 'content-type', token) },
    };
    if (request.body !== null && request.body.text !== '') {
      const parsed = parseJsonBody(Buffer.from(request.body.text, request.body.encoding === 'base64' ? 'base64' : 'utf8'));
      entry.body = parsed.ok
        ? withSecretsHidden(withGivenIds(parsed.value, ids, step), secrets)
        : { 'not JSON': withSecretsHidden(request.body.text, secrets) };
    }
    return entry;
  });
  return JSON.stringify(canonicalJson(sent));
}

/** `request 1 (createTarget) body.targetName`: a difference's field, named as a reader finds it. */
function fieldName(field: string, sent: readonly SentRequest[]): string {
  const match = /^\[(\d+)\]\.?(.*)$/.exec(field);
  if (!match) return field || 'the requests';
  const index = Number(match[1]);
  const request = `request ${index + 1}${sent[index] ? ` (${sent[index].operation})` : ''}`;
  return match[2] ? `${request} ${match[2]}` : request;
}

/** What differs between two fingerprints, field by field, or undefined when either is not JSON (an older fingerprint). */
function describeDifference(mine: string, theirs: string, who: string): string | undefined {
  let left: unknown;
  let right: unknown;
  try {
    left = mine === 'no request' ? [] : JSON.parse(mine);
    right = theirs === 'no request' ? [] : JSON.parse(theirs);
  } catch {
    return undefined;
  }
  if (!Array.isArray(left) || !Array.isArray(right)) return undefined;
  const named = (left.length >= right.length ? left : right) as SentRequest[];
  const differences = jsonDifferences(left, right).map(
    (difference) =>
      `${fieldName(difference.field, named)}: this file sent ${showValue(difference.left)}; ${who} sent ${showValue(difference.right)}`,
  );
  return differences.length ? differences.join('; ') : undefined;
}

/** The verdict for each case, by key: which languages differ from the others and how. */
export function compareFingerprints(
  entries: ReadonlyArray<{ key: string; language: string; fingerprint: string }>,
): Map<string, { status: 'passed' | 'failed' | 'skipped'; message: string }> {
  const verdicts = new Map<string, { status: 'passed' | 'failed' | 'skipped'; message: string }>();
  if (entries.length < 2) {
    for (const entry of entries)
      verdicts.set(entry.key, { status: 'skipped', message: 'no other language ran this example to compare with' });
    return verdicts;
  }
  const groups = new Map<string, string[]>();
  for (const entry of entries) groups.set(entry.fingerprint, [...(groups.get(entry.fingerprint) ?? []), entry.language]);
  const sizes = [...groups.values()].map((languages) => languages.length);
  const largest = Math.max(...sizes);
  const majority =
    sizes.filter((size) => size === largest).length === 1
      ? [...groups].find(([, languages]) => languages.length === largest)?.[0]
      : undefined;
  for (const entry of entries) {
    const others = entries.filter((other) => other.key !== entry.key);
    if (groups.size === 1) {
      verdicts.set(entry.key, {
        status: 'passed',
        message: `sent the same request as ${others.map((other) => other.language).join(', ')}`,
      });
    } else if (majority !== undefined && entry.fingerprint === majority) {
      verdicts.set(entry.key, {
        status: 'passed',
        message: `sent the same request as ${(groups.get(majority) ?? []).filter((l) => l !== entry.language).join(', ')}`,
      });
    } else {
      const reference = majority ?? others[0]?.fingerprint ?? '';
      const who = majority !== undefined ? (groups.get(majority) ?? []).join(', ') : 'the others (no majority)';
      const difference =
        describeDifference(entry.fingerprint, reference, who) ?? `this file sent ${entry.fingerprint}; ${who} sent ${reference}`;
      verdicts.set(entry.key, {
        status: 'failed',
        message: `${difference}: make this file send what the other languages send (and what example.json says)`,
      });
    }
  }
  return verdicts;
}

/**
 * Collects finished cases and releases them with `same-request` applied: at once for other
 * scenarios (skipped there), and for `ok` once every planned `ok` case of the example is in.
 */
export class SameRequestGate {
  readonly #waiting = new Map<string, number>();
  readonly #held = new Map<string, Array<{ result: CaseResult; fingerprint?: string }>>();

  constructor(cases: readonly PlannedCase[]) {
    for (const planned of cases) {
      if (planned.scenario === 'ok') this.#waiting.set(planned.example.id, (this.#waiting.get(planned.example.id) ?? 0) + 1);
    }
  }

  /** Takes one finished case (with its request fingerprint when it ran); returns the cases now complete. */
  settle(result: CaseResult, fingerprint?: string): CaseResult[] {
    const ran = fingerprint !== undefined;
    if (result.scenario !== 'ok') {
      if (ran) addCheck(result, { status: 'skipped', message: 'compared in the ok scenario only' });
      return [result];
    }
    const held = [...(this.#held.get(result.example) ?? []), { result, fingerprint }];
    const left = (this.#waiting.get(result.example) ?? 1) - 1;
    this.#waiting.set(result.example, left);
    if (left > 0) {
      this.#held.set(result.example, held);
      return [];
    }
    this.#held.delete(result.example);
    const compared = held.flatMap(({ result: each, fingerprint: sent }) =>
      sent === undefined ? [] : [{ key: each.key, language: each.language, fingerprint: sent }],
    );
    const verdicts = compareFingerprints(compared);
    for (const { result: each } of held) {
      const verdict = verdicts.get(each.key);
      if (verdict) addCheck(each, verdict);
    }
    return held.map(({ result: each }) => each);
  }
}

/** Appends the `same-request` verdict to a case and updates its status. */
function addCheck(result: CaseResult, verdict: { status: 'passed' | 'failed' | 'skipped'; message: string }): void {
  result.checks.push({ id: CHECK_ID, ...verdict });
  if (verdict.status === 'failed') result.status = 'failed';
}
