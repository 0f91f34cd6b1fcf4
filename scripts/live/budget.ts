// The most requests a live run may send to the real API: counted from its plan before anything is
// sent (one probe per operation and scenario, each program's steps, and in a write run the
// resources it makes and deletes), refused above one ceiling, and enforced as the harness's own
// requests go.
import { operationKind } from '../api/operation-kinds.ts';
import type { ScenarioName } from '../harness/case/scenarios.ts';
import type { PlannedCase } from '../harness/run/plan.ts';
import { exampleSteps, type ExampleStep } from '../manifest/example-steps.ts';
import { UsageError } from '../usage.ts';
import { environmentIds, parameterRole } from './live-plan.ts';
import { liveTokenFor } from './live-scenarios.ts';
import type { LiveTokens } from './live-tokens.ts';
import type { PlannedProbe } from './probe-phase.ts';
import { RESOURCE_KINDS, exampleBody, operationOf, referencedCollections } from './resource-kinds.ts';

/**
 * The most requests any live run may send, whatever its plan. The nightly run of every example (25
 * examples of up to 3 steps, 5 languages, 5 scenarios: 1,875 program requests at most, 125 probes,
 * and a write run's own resources) stays under it; a plan above it is a mistake, refused before
 * anything is sent.
 */
export const LIVE_REQUEST_CEILING = 2_500;

/** The requests a plan may send, by who sends them. */
export interface RequestPlan {
  /** One per operation and scenario whose token is given. */
  probes: number;
  /** Each case's program: at most one request per step of its example. */
  programs: number;
  /** A write run's own: the lists made first, each resource it makes, and one delete per resource made or created. */
  resources: number;
  total: number;
}

/** Counts the resources a write run makes: one shared per collection, one fresh per use, each with what its body refers to. */
class ResourceCount {
  readonly #shared = new Set<string>();
  made = 0;
  /** Records created by a probe or a program, deleted at the end. */
  created = 0;

  shared(collection: string): void {
    if (this.#shared.has(collection)) return;
    this.#shared.add(collection);
    this.fresh(collection);
  }

  fresh(collection: string): void {
    this.made += 1;
    this.body(exampleBody(operationOf(RESOURCE_KINDS.get(collection)!, 'create')));
  }

  body(body: unknown): void {
    for (const collection of referencedCollections(body)) this.shared(collection);
  }

  /** What `steps` under `scenario` need: an id for each parameter, and a delete for each record they create. */
  steps(steps: ReadonlyArray<Pick<ExampleStep, 'operation' | 'kind'>>, parameters: readonly string[], scenario: ScenarioName): void {
    for (const parameter of parameters) {
      const role = parameterRole(steps, parameter, scenario);
      if (role.kind === 'shared') this.shared(role.collection);
      if (role.kind === 'fresh') this.fresh(role.collection);
    }
    if (scenario === 'ok') this.created += steps.filter((step) => step.kind === 'create').length;
  }
}

/** The requests a live plan may send; `writes` adds the run's own resources. Scenarios whose token is not given send nothing. */
export function requestPlan(
  cases: readonly PlannedCase[],
  probes: readonly PlannedProbe[],
  options: { tokens?: LiveTokens; writes: boolean },
): RequestPlan {
  const sent = (scenario: ScenarioName) => options.tokens === undefined || !('skip' in liveTokenFor(scenario, options.tokens));
  const running = cases.filter((planned) => sent(planned.scenario));
  const probing = probes.filter((probe) => sent(probe.scenario));
  const programs = running.reduce((sum, planned) => sum + exampleSteps(planned.example.manifest).length, 0);
  let resources = 0;
  if (options.writes) {
    const count = new ResourceCount();
    for (const planned of running) {
      const steps = exampleSteps(planned.example.manifest);
      count.steps(
        steps,
        environmentIds(steps).map((each) => each.parameter),
        planned.scenario,
      );
    }
    for (const probe of probing) {
      const { operation } = probe;
      count.steps(
        [{ operation, kind: operationKind(operation) }],
        operation.pathParameters.map((parameter) => parameter.name),
        probe.scenario,
      );
      if (operation.requestBody) count.body(exampleBody(operation));
    }
    // The lists of what the account holds, before and after; one create and one delete per resource made; a delete per record created.
    resources = 2 * RESOURCE_KINDS.size + 2 * count.made + count.created;
  }
  return { probes: probing.length, programs, resources, total: probing.length + programs + resources };
}

/** Throws UsageError, before anything is sent, when a plan could send more than `ceiling` requests. */
export function checkRequestPlan(plan: RequestPlan, cases: number, ceiling = LIVE_REQUEST_CEILING): RequestPlan {
  if (plan.total > ceiling) {
    throw new UsageError(
      `a live run of ${cases} case(s) could send ${plan.total} requests to the real API (${describeRequestPlan(plan)}), more than the ceiling of ${ceiling}; ` +
        'narrow it with --example, --lang or --scenario (nothing was sent)',
    );
  }
  return plan;
}

/** `12 probes, 40 from the programs, 18 for the run's own resources`. */
export function describeRequestPlan(plan: RequestPlan): string {
  const parts = [`${plan.probes} probe(s)`, `${plan.programs} from the programs`];
  if (plan.resources) parts.push(`${plan.resources} for the run's own resources`);
  return parts.join(', ');
}

/** Counts the harness's own requests as they go (the cleanup's deletes aside), so that no bug can send more than the plan allowed. */
export class RequestBudget {
  #left: number;

  constructor(limit: number) {
    this.#left = limit;
  }

  /** Takes one request from the budget; false when it is spent. */
  take(): boolean {
    if (this.#left <= 0) return false;
    this.#left -= 1;
    return true;
  }
}
