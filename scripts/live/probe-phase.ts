// The probes of a live run, sent before any program runs: one per operation and scenario the planned
// cases need (five languages and two examples of one operation share it), those whose documented
// answer rests on an assumption of the description first. Each is judged once into a verdict.
import type { Assumption } from '../api/assumptions.ts';
import { assumptionsUnder } from '../api/assumptions.ts';
import { API_MEDIA_TYPE, CORE_API } from '../api/core-api.ts';
import { stepsOf } from '../api/json-pointer.ts';
import type { ApiOperation } from '../api/operations.ts';
import { operationKind, pathShape } from '../api/operation-kinds.ts';
import { SCENARIOS, type ScenarioName } from '../harness/case/scenarios.ts';
import type { PlannedCase } from '../harness/run/plan.ts';
import { exampleSteps } from '../manifest/example-steps.ts';
import { maskToken } from '../secrets/mask.ts';
import { maskSecrets } from '../secrets/safe-text.ts';
import type { RequestBudget } from './budget.ts';
import { documentedAnswer } from './documented.ts';
import { realFacts, type RealFacts } from './expectation.ts';
import { parameterRole, type IdRole } from './live-plan.ts';
import type { LiveResources } from './live-resources.ts';
import { liveTokenFor } from './live-scenarios.ts';
import type { LiveTokens } from './live-tokens.ts';
import { probeApi, type ProbeAnswer, type ProbeRequest } from './probe.ts';
import { RESOURCE_KINDS, exampleBody, fillPath, ownBody, recordIdIn } from './resource-kinds.ts';
import { judgeProbe, verdictKey, type ProbeVerdict } from './verdict.ts';
import type https from 'node:https';

/** One probe the plan needs: an operation under a scenario. */
export interface PlannedProbe {
  key: string;
  operation: ApiOperation;
  scenario: ScenarioName;
  /** The description's assumptions its documented answer relies on. */
  assumptions: Assumption[];
}

/** The operation whose answer a case's program meets first: its first step's. */
export function probedOperation(planned: PlannedCase): ApiOperation {
  return exampleSteps(planned.example.manifest)[0]!.operation;
}

/** The key of the probe a case reads. */
export const probeKeyOf = (planned: PlannedCase) => verdictKey(probedOperation(planned).operationId, planned.scenario);

/** The assumptions the answer documented for `operation` under `scenario` relies on (its response, and what that refers to). */
export function answerAssumptions(operation: ApiOperation, scenario: ScenarioName): Assumption[] {
  const status = SCENARIOS[scenario].apiError?.status;
  const response = operation.responses.find((each) => (status === undefined ? each.status < 300 : each.status === status));
  const steps = stepsOf(operation.pointer);
  if (!response || !steps) return [];
  return assumptionsUnder(CORE_API.document, [...steps, 'responses', String(response.status)]);
}

/** The distinct probes of `cases`, those whose documented answer rests on an assumption first (else in plan order). */
export function plannedProbes(cases: readonly PlannedCase[]): PlannedProbe[] {
  const probes = new Map<string, PlannedProbe>();
  for (const planned of cases) {
    const key = probeKeyOf(planned);
    if (probes.has(key)) continue;
    const operation = probedOperation(planned);
    probes.set(key, { key, operation, scenario: planned.scenario, assumptions: answerAssumptions(operation, planned.scenario) });
  }
  const all = [...probes.values()];
  return [...all.filter((probe) => probe.assumptions.length > 0), ...all.filter((probe) => probe.assumptions.length === 0)];
}

/** What a probe found: its verdict, the facts a program's output is held to, and its line for the report. */
export interface ProbeFinding {
  verdict: ProbeVerdict;
  facts: RealFacts;
  /** `GET /api/clients Authorization: "u-ab…(34 chars)" -> 200 application/json` */
  line: string;
  /** Sent, or skipped with the reason (a token not given); skipped probes have no verdict worth reporting. */
  skipped?: string;
}

/** How the probes are sent. */
export interface ProbePhaseOptions {
  tokens: LiveTokens;
  timeoutMs: number;
  budget: RequestBudget;
  agent: https.Agent;
  signal?: AbortSignal;
  /** A write run's resources: the ids its probes use, and where a probe's created record goes. */
  resources?: LiveResources;
}

/** The value of each path parameter of `operation` for a probe under `scenario`. */
async function probeIds(
  operation: ApiOperation,
  scenario: ScenarioName,
  resources: LiveResources | undefined,
  clientId: string | undefined,
): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const parameter of operation.pathParameters) {
    const role: IdRole = parameterRole([{ operation, kind: operationKind(operation) }], parameter.name, scenario);
    if (role.kind === 'client' && resources) values[parameter.name] = resources.clientId;
    else if (role.kind === 'shared' && resources) values[parameter.name] = await resources.shared(role.collection);
    else if (role.kind === 'fresh' && resources) values[parameter.name] = await resources.fresh(role.collection);
    else if (role.kind === 'client' && clientId !== undefined) values[parameter.name] = clientId;
    else throw new Error(`a read run has no ${parameter.name} for ${operation.operationId}`);
  }
  return values;
}

/** Line for the report: what the probe sent and what it received (the token masked). */
function describeProbe(request: ProbeRequest, answer: ProbeAnswer): string {
  const sent = `${request.method} ${request.path} Authorization: ${request.token === undefined ? '(none)' : JSON.stringify(maskToken(request.token))}`;
  if (answer.kind === 'error') return `${sent} -> no answer: ${answer.message}`;
  return `${sent} -> ${answer.status} ${answer.contentType ?? '(no Content-Type)'}${answer.location ? ` Location: ${answer.location}` : ''}`;
}

/** Sends every probe in order, one at a time, and judges each; a write probe's created record is recorded for the cleanup. */
export async function sendProbes(
  probes: readonly PlannedProbe[],
  options: ProbePhaseOptions & { clientId?: string },
): Promise<Map<string, ProbeFinding>> {
  const findings = new Map<string, ProbeFinding>();
  for (const probe of probes) {
    options.signal?.throwIfAborted();
    const setup = SCENARIOS[probe.scenario];
    const chosen = liveTokenFor(probe.scenario, options.tokens);
    if ('skip' in chosen) continue;
    const secrets = [options.tokens.user, options.tokens.revoked, options.tokens.forbidden, chosen.token].filter(
      (token): token is string => token !== undefined,
    );
    const mask = (text: string) => maskSecrets(text, secrets);
    const { operation } = probe;
    const path = fillPath(operation.path, await probeIds(operation, probe.scenario, options.resources, options.clientId));
    const { resources } = options;
    const body =
      operation.requestBody && resources
        ? await ownBody(exampleBody(operation), resources.name, (collection) => resources.shared(collection))
        : undefined;
    const request: ProbeRequest = {
      method: operation.method,
      path,
      headers: { 'Content-Type': API_MEDIA_TYPE },
      token: chosen.token,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    };
    const answer: ProbeAnswer = options.budget.take()
      ? await probeApi(request, { timeoutMs: options.timeoutMs, agent: options.agent, signal: options.signal })
      : { kind: 'error', message: "the run's request limit is spent; no probe was sent" };
    recordCreated(operation, answer, options.resources);
    const judged = judgeProbe(operation, setup, answer, documentedAnswer(setup, { method: operation.method, path }), probe.assumptions);
    const verdict: ProbeVerdict = {
      ...judged,
      headline: mask(judged.headline),
      documented: mask(judged.documented),
      real: mask(judged.real),
      differences: judged.differences.map((difference) => ({
        ...difference,
        real: mask(difference.real),
        documented: mask(difference.documented),
      })),
    };
    findings.set(probe.key, { verdict, facts: realFacts(answer), line: mask(describeProbe(request, answer)) });
  }
  return findings;
}

/** A probe that created a record (a create's valid-token probe, or one the API wrongly let through) leaves it to the cleanup. */
function recordCreated(operation: ApiOperation, answer: ProbeAnswer, resources: LiveResources | undefined): void {
  if (!resources || operationKind(operation) !== 'create' || answer.kind !== 'answer' || answer.status >= 300) return;
  const kind = RESOURCE_KINDS.get(pathShape(operation.path).collection);
  const id = kind && recordIdIn(answer.body, kind);
  if (kind && id) resources.record(kind.collection, id, 'a probe');
}
