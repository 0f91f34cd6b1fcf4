// What a live case's program must print, from what the real API answered the probe: the real
// names instead of the mock's seeded ones, the ids the run gave the program, the id a create printed,
// and the real status and message of an error.
import { CORE_API, SEED_CLIENT_NAMES } from '../api/core-api.ts';
import { seedAccount } from '../api/seed-account.ts';
import { PLACEHOLDER } from '../manifest/example-steps.ts';
import type { Manifest } from '../manifest/manifest-schema.ts';
import { expectationFor, type Expectation, type ScenarioSetup } from '../harness/case/scenarios.ts';
import type { ProbeAnswer } from './probe.ts';

/** The parts of a real answer that a program's output is checked against. */
export interface RealFacts {
  /** The client names of a 200 answer with a list of clients, else undefined. */
  clientNames?: string[];
  /** The names of the records of any other success answer (a list of targets, the proxy read), else undefined. */
  recordNames?: string[];
  /** The status and message of an error answer, else undefined. */
  error?: { status: number; message: string };
}

const record = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a program's output can be checked against in the probe's answer. */
export function realFacts(answer: ProbeAnswer): RealFacts {
  if (answer.kind !== 'answer') return {};
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return {};
  }
  if (!record(body)) return {};
  if (answer.status === 200 && Array.isArray(body.clients)) {
    const names = body.clients.flatMap((client) =>
      record(client) && typeof client.clientName === 'string' && client.clientName !== '' ? [client.clientName] : [],
    );
    return { clientNames: names };
  }
  if (answer.status >= 200 && answer.status < 300) {
    const records = Object.values(body).flatMap((value) => (Array.isArray(value) ? value : record(value) ? [value] : []));
    return { recordNames: records.flatMap((item) => (record(item) ? nameOf(item) : [])) };
  }
  if (answer.status >= 400 && typeof body.message === 'string' && body.message !== '')
    return { error: { status: answer.status, message: body.message } };
  return {};
}

/** A record's name: its one non-empty field named `…Name`. */
function nameOf(item: Record<string, unknown>): string[] {
  const names = Object.entries(item).filter(([key, value]) => /Name$/.test(key) && typeof value === 'string' && value !== '');
  return names.length === 1 ? [names[0]![1] as string] : [];
}

const MOCK_NAMES = new Set(SEED_CLIENT_NAMES);
// The names of the seeded targets, credentials and proxies: the mock's, which a real account does not hold.
const MOCK_RECORD_NAMES = new Set(
  Object.entries(seedAccount(CORE_API)).flatMap(([collection, records]) =>
    collection === 'clients' ? [] : (records as Array<Record<string, unknown>>).flatMap(nameOf),
  ),
);
// "2 clients" in a manifest's text is the mock's count of clients.
const MOCK_COUNT = `\\b${SEED_CLIENT_NAMES.length}(?= clients?\\b)`;

/** The manifest's text for the mock's world, with its facts swapped for the real ones (dropped when unknown). */
function withRealFacts(texts: readonly string[], facts: RealFacts): string[] {
  const names = facts.clientNames;
  const result: string[] = [];
  for (const text of texts) {
    if (MOCK_NAMES.has(text)) {
      if (names) result.push(...names);
    } else if (MOCK_RECORD_NAMES.has(text)) {
      if (facts.recordNames) result.push(...facts.recordNames);
    } else if (new RegExp(MOCK_COUNT).test(text)) {
      if (names) result.push(text.replace(new RegExp(MOCK_COUNT, 'g'), String(names.length)));
    } else {
      result.push(text);
    }
  }
  return [...new Set(result)];
}

/**
 * A live case's expectation: exit code and manifest overrides as against the mock, with the output
 * made of the real facts: the real client names (or count) on success, and the real status and
 * message where the program was given a token and the API refused it.
 */
export function liveExpectation(
  setup: ScenarioSetup,
  manifest: Manifest,
  facts: RealFacts,
  ids: Readonly<Record<string, string>> = {},
): Expectation {
  const base = expectationFor(setup.name, manifest);
  const output = withRealFacts(base.output, facts).map((text) => text.replace(PLACEHOLDER, (whole, name: string) => ids[name] ?? whole));
  if (setup.tokenInEnvironment && setup.apiError && facts.error) output.push(String(facts.error.status), facts.error.message);
  return { ...base, output: [...new Set(output)] };
}
