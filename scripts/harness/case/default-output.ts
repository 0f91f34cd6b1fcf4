// What a program must print with a valid token when its manifest does not say: derived from what
// each step does and from the seeded account the mock serves. A list prints the names of the seeded
// records (the API's sample clients for listClients), a get the name of the record it reads, a
// create the id the mock created (`{targetId}`), an update or a delete the id it was given.
import { CORE_API } from '../../api/core-api.ts';
import { pathShape } from '../../api/operation-kinds.ts';
import { seedAccount } from '../../api/seed-account.ts';
import type { ExampleStep } from '../../manifest/example-steps.ts';

/** One text a run must print by default, and why, for the output check's message. */
export interface DefaultText {
  text: string;
  why: string;
}

const SEED = seedAccount(CORE_API) as unknown as Record<string, ReadonlyArray<Record<string, unknown>> | undefined>;

/** A record's name: its one field named `…Name` (`targetName`), if it has exactly one. */
function nameOf(record: Record<string, unknown>): string | undefined {
  const names = Object.entries(record).filter(([key, value]) => /Name$/.test(key) && typeof value === 'string');
  return names.length === 1 ? (names[0]![1] as string) : undefined;
}

/** The description's example of a path parameter: the seeded record the harness's variable names. */
const exampleOf = (step: ExampleStep, name: string) => step.operation.pathParameters.find((parameter) => parameter.name === name)?.example;

/** What one step prints by default. */
function stepTexts(step: ExampleStep): DefaultText[] {
  const { collection, idParam, parentParam } = pathShape(step.operation.path);
  const records = SEED[collection] ?? [];
  const operationId = step.operation.operationId;
  const source = (name: string | undefined) => step.parameters.find((parameter) => parameter.name === name)?.source;
  if (step.kind === 'list') {
    const parent = parentParam === undefined ? undefined : exampleOf(step, parentParam);
    return records
      .filter((record) => parentParam === undefined || record[parentParam] === parent)
      .flatMap((record) => nameOf(record) ?? [])
      .map((text) => ({ text, why: `the names of the seeded ${collection} that ${operationId} returns` }));
  }
  if (step.kind === 'get') {
    if (source(idParam)?.kind !== 'environment' || idParam === undefined) return [];
    const id = exampleOf(step, idParam);
    const name = nameOf(records.find((record) => Object.values(record).includes(id)) ?? {});
    return name === undefined ? [] : [{ text: name, why: `the name of the seeded record that ${operationId} returns` }];
  }
  if (step.kind === 'create' && step.creates !== undefined)
    return [{ text: `{${step.creates}}`, why: `the id of the record ${operationId} created` }];
  if ((step.kind === 'update' || step.kind === 'delete') && idParam !== undefined)
    return [{ text: `{${idParam}}`, why: `the id of the record ${operationId} ${step.kind === 'update' ? 'changed' : 'deleted'}` }];
  return [];
}

/** What a run of `steps` with a valid token prints by default, without repeats, in order. */
export function defaultOutput(steps: readonly ExampleStep[]): DefaultText[] {
  const texts: DefaultText[] = [];
  for (const entry of steps.flatMap(stepTexts)) if (!texts.some((known) => known.text === entry.text)) texts.push(entry);
  return texts;
}
