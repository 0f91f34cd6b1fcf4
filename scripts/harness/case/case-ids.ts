// The ids a case gives its program: each path parameter the manifest reads from an environment
// variable is set to the id that the case's own account gives the seeded record the description
// names as the parameter's example, and each body field holding another record's id to the id of
// the record the operation's request example names there (so never the id written in the
// description, or in a program). Under `not-found` the variable of the refused step holds an id no
// record has.
import { requestExample } from '../../api/reference-fields.ts';
import { exampleSteps, notFoundTarget } from '../../manifest/example-steps.ts';
import type { Manifest } from '../../manifest/manifest-schema.ts';
import { unknownId, type FreshAccount } from '../../mock/fresh-account.ts';
import type { ScenarioSetup } from './scenarios.ts';

/** One id the harness gives a program. */
export interface GivenId {
  /** The path parameter (`clientId`), or the body field (`proxyTargetId`). */
  parameter: string;
  /** Where the program puts it: in the path, or in the body (absent: the path). */
  in?: 'body';
  /** The variable the program reads it from (`REQUESTROCKET_CLIENT_ID`). */
  variable: string;
  value: string;
  /** True when no record has it (the `not-found` scenario). */
  unknown: boolean;
}

/** The ids of one case: a value for every parameter the example reads from the environment. */
export function caseIds(manifest: Manifest, scenario: Pick<ScenarioSetup, 'unknownId'>, account: Pick<FreshAccount, 'ids'>): GivenId[] {
  const steps = exampleSteps(manifest);
  const refused = scenario.unknownId ? notFoundTarget(steps) : undefined;
  const given: GivenId[] = [];
  for (const step of steps) {
    for (const { name, source } of step.parameters) {
      if (source.kind !== 'environment' || given.some((id) => id.parameter === name)) continue;
      const parameter = step.operation.pathParameters.find((each) => each.name === name)!;
      const seeded = typeof parameter.example === 'string' ? parameter.example : undefined;
      const value = seeded === undefined ? undefined : account.ids.get(seeded);
      if (value === undefined)
        throw new Error(
          `the description's example of the path parameter ${name} (${String(parameter.example)}) names no record of x-seed, so the harness has no id to put in ${source.variable}`,
        );
      const unknown = refused?.parameter === name;
      given.push({
        parameter: name,
        variable: source.variable,
        value: unknown ? unknownId(parameter.schema, seeded, account.ids) : value,
        unknown,
      });
    }
    const example = requestExample(step.operation);
    for (const { field, variable } of step.bodyIds) {
      if (given.some((id) => id.parameter === field)) continue;
      const seeded = example?.[field];
      const value = typeof seeded === 'string' ? account.ids.get(seeded) : undefined;
      if (value === undefined)
        throw new Error(
          `the description's request example of ${step.operation.operationId} gives ${field} ${JSON.stringify(seeded)}, which names no record of x-seed, so the harness has no id to put in ${variable}`,
        );
      given.push({ parameter: field, in: 'body', variable, value, unknown: false });
    }
  }
  return given;
}

/** `env` with each id's variable set to its value. */
export function withIds(env: Record<string, string>, ids: readonly GivenId[]): Record<string, string> {
  return { ...env, ...Object.fromEntries(ids.map((id) => [id.variable, id.value])) };
}
