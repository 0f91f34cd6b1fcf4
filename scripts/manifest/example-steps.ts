// What a manifest's `operation` (or `steps`) and `parameters` mean once read against the API
// description: each step's operation, where each of its path parameters comes from (an environment
// variable the program reads, or the answer of an earlier step that created the record), the body
// fields holding another record's id that it reads from the environment too, and which
// of the scenarios the example can be run under (`not-found` needs an id from the environment and a
// documented 404, `bad-request` a body and a documented 400).
import { API_FACTS, API_OPERATIONS } from '../api/core-api.ts';
import { isRecord } from '../api/json-pointer.ts';
import { createdParameter, operationKind, parameterVariable, referenceVariable, type OperationKind } from '../api/operation-kinds.ts';
import type { ApiOperation } from '../api/operations.ts';
import { referenceFields, sentReferenceFields, type ReferenceField } from '../api/reference-fields.ts';
import { SCENARIO_NAMES, type ScenarioName } from './scenario-names.ts';

/** What a manifest says about its requests (checked by the manifest schema). */
export interface StepsDeclaration {
  operation?: string;
  steps?: readonly string[];
  parameters?: Readonly<Record<string, string>>;
}

/** A body field holding another record's id (reference-fields.ts) that the program reads from an environment variable. */
export interface BodyId extends ReferenceField {
  variable: string;
}

/** Where a path parameter's value comes from. */
export type ParameterSource = { kind: 'environment'; variable: string } | { kind: 'created'; step: number };

/** One request of an example, in order. */
export interface ExampleStep {
  operation: ApiOperation;
  kind: OperationKind | undefined;
  /** Each path parameter, in path order, with where its value comes from. */
  parameters: ReadonlyArray<{ name: string; source: ParameterSource }>;
  /** The body fields its request example fills with another record's id, each read from a variable. */
  bodyIds: readonly BodyId[];
  /** The id parameter of the record this step creates (`targetId` for createTarget). */
  creates?: string;
}

/** A problem of a declaration, placed at a manifest field. */
export interface DeclarationProblem {
  path: PropertyKey[];
  message: string;
  input: unknown;
}

/** The operationIds of the example's requests, in order. */
export function stepOperationIds(declaration: StepsDeclaration): string[] {
  return declaration.steps ? [...declaration.steps] : declaration.operation ? [declaration.operation] : [];
}

/** `{targetId}` in a path template, for messages. */
const pathParameterNames = (operation: ApiOperation) => operation.pathParameters.map((parameter) => parameter.name);

/** Steps as far as they can be resolved, and every problem of the declaration (unknown operationIds are the schema's to name). */
function resolve(declaration: StepsDeclaration): { steps: ExampleStep[]; problems: DeclarationProblem[] } {
  const problems: DeclarationProblem[] = [];
  const given = declaration.parameters ?? {};
  if (declaration.operation !== undefined && declaration.steps !== undefined) {
    problems.push({
      path: ['steps'],
      message: 'expected "operation" (one operationId) or "steps" (two or more, in order), not both',
      input: declaration.steps,
    });
    return { steps: [], problems };
  }
  if (declaration.operation === undefined && declaration.steps === undefined)
    problems.push({
      path: ['operation'],
      message: `expected the operationId of the API description that the example calls (or "steps", a list of them), like "listClients"`,
      input: undefined,
    });
  const steps: ExampleStep[] = [];
  const used = new Set<string>();
  const ids = stepOperationIds(declaration);
  const where = (index: number) => (ids.length > 1 ? ` (step ${index + 1})` : '');
  for (const [index, operationId] of ids.entries()) {
    const operation = API_OPERATIONS.find((each) => each.operationId === operationId);
    if (!operation) continue;
    const parameters = pathParameterNames(operation).map((name) => {
      used.add(name);
      const creator = steps.findIndex((step) => step.creates === name);
      if (creator !== -1) {
        if (Object.hasOwn(given, name))
          problems.push({
            path: ['parameters', name],
            message: `expected no variable: ${name} comes from the answer of ${steps[creator]!.operation.operationId} (step ${creator + 1}); remove it`,
            input: given[name],
          });
        return { name, source: { kind: 'created', step: creator } as const };
      }
      if (!Object.hasOwn(given, name)) {
        problems.push({
          path: ['parameters'],
          message: `expected an environment variable for the path parameter ${name} of ${operationId}${where(index)}, like "${name}": "${parameterVariable(name)}"`,
          input: given,
        });
      }
      return { name, source: { kind: 'environment', variable: given[name] ?? '' } as const };
    });
    const bodyIds = sentReferenceFields(operation, API_OPERATIONS).map((reference) => {
      used.add(reference.field);
      if (!Object.hasOwn(given, reference.field))
        problems.push({
          path: ['parameters'],
          message: `expected an environment variable for the body field ${reference.field} of ${operationId}${where(index)} (the id of a record in ${reference.collection}), like "${reference.field}": "${referenceVariable(reference.field)}"`,
          input: given,
        });
      return { ...reference, variable: given[reference.field] ?? '' };
    });
    const creates = createdParameter(operation, API_OPERATIONS);
    steps.push({ operation, kind: operationKind(operation), parameters, bodyIds, ...(creates !== undefined && { creates }) });
  }
  const variables = new Map<string, string>();
  for (const [name, variable] of Object.entries(given)) {
    if (!used.has(name) && steps.length === ids.length)
      problems.push({ path: ['parameters', name], message: unusedNameMessage(name, steps, [...used]), input: variable });
    if (variable === API_FACTS.tokenEnvVar)
      problems.push({
        path: ['parameters', name],
        message: `expected a variable of its own: ${API_FACTS.tokenEnvVar} holds the token`,
        input: variable,
      });
    const twin = variables.get(variable);
    if (twin !== undefined)
      problems.push({
        path: ['parameters', name],
        message: `expected a variable of its own: ${twin} reads ${variable} too`,
        input: variable,
      });
    variables.set(variable, name);
  }
  return { steps, problems };
}

/** Why `name` of `parameters` is none the steps read: not a field of theirs, a body field that holds no id, or one their example does not send. */
function unusedNameMessage(name: string, steps: readonly ExampleStep[], known: readonly string[]): string {
  const operationIds = steps.map((step) => step.operation.operationId).join(', ');
  const expected = `expected a path parameter of ${operationIds}, or a body field that holds the id of another record`;
  const knownText = known.length ? `one of ${known.join(', ')}` : 'it has none';
  for (const step of steps) {
    const schema = step.operation.requestBody?.schema;
    if (!isRecord(schema) || !isRecord(schema.properties) || !Object.hasOwn(schema.properties, name)) continue;
    const reference = referenceFields(step.operation, API_OPERATIONS).find((each) => each.field === name);
    if (!reference)
      return `${expected}: ${name} of ${step.operation.operationId} is not an id field (its schema is no record's id type); ${knownText}`;
    return `${expected} that the description's request example of ${step.operation.operationId} sends: it has no ${name}; ${knownText}`;
  }
  return `${expected}: ${knownText}`;
}

/** Every problem of a declaration: both or neither of operation and steps, a path parameter or body id without a source, an unused or shared variable. */
export function declarationProblems(declaration: StepsDeclaration): DeclarationProblem[] {
  return resolve(declaration).problems;
}

/** The steps of a valid declaration; throws naming the first problem of one the schema would refuse. */
export function exampleSteps(declaration: StepsDeclaration): ExampleStep[] {
  const { steps, problems } = resolve(declaration);
  const [problem] = problems;
  if (problem) throw new Error(`invalid example steps: ${problem.message}`);
  if (steps.length !== stepOperationIds(declaration).length)
    throw new Error(`invalid example steps: unknown operationId among ${stepOperationIds(declaration).join(', ')}`);
  return steps;
}

/** What the `not-found` scenario sets to an id the API does not know: a variable of the first step that can answer 404. */
export interface NotFoundTarget {
  /** The step (0-based) whose request is refused. */
  step: number;
  parameter: string;
  variable: string;
}

/** Where `not-found` strikes: the last id from the environment in the path of the first step that documents a 404. */
export function notFoundTarget(steps: readonly ExampleStep[]): NotFoundTarget | undefined {
  for (const [index, step] of steps.entries()) {
    if (!step.operation.responses.some((response) => response.status === 404)) continue;
    const fromEnvironment = step.parameters.filter((parameter) => parameter.source.kind === 'environment');
    const last = fromEnvironment.at(-1);
    if (last?.source.kind === 'environment') return { step: index, parameter: last.name, variable: last.source.variable };
  }
  return undefined;
}

/** The first step (0-based) that sends a body and documents a 400: the one `bad-request` refuses. */
export function badRequestStep(steps: readonly ExampleStep[]): number | undefined {
  const index = steps.findIndex(
    (step) => step.operation.requestBody !== undefined && step.operation.responses.some((response) => response.status === 400),
  );
  return index === -1 ? undefined : index;
}

/** The scenarios an example with these steps runs under, in run order. */
export function exampleScenarios(steps: readonly ExampleStep[]): ScenarioName[] {
  return SCENARIO_NAMES.filter((name) => {
    if (name === 'not-found') return notFoundTarget(steps) !== undefined;
    if (name === 'bad-request') return badRequestStep(steps) !== undefined;
    return true;
  });
}

/** Why an example with these steps has no `scenario` (for a manifest that overrides it), or undefined when it has it. */
export function missingScenarioReason(steps: readonly ExampleStep[], scenario: ScenarioName): string | undefined {
  if (exampleScenarios(steps).includes(scenario)) return undefined;
  const ids = steps.map((step) => step.operation.operationId).join(', ');
  if (scenario === 'not-found') return `${ids} reads no id from the environment where the description documents a 404`;
  return `${ids} sends no body where the description documents a 400`;
}

/** The names `{name}` may stand for in an expected output: the parameters and body ids read from the environment and the ids the steps create. */
export function placeholderNames(steps: readonly ExampleStep[]): string[] {
  const names = steps.flatMap((step) => [
    ...step.parameters.filter((parameter) => parameter.source.kind === 'environment').map((parameter) => parameter.name),
    ...step.bodyIds.map((bodyId) => bodyId.field),
    ...(step.creates !== undefined ? [step.creates] : []),
  ]);
  return [...new Set(names)];
}

/** `{targetId}` and the like in an expected output text. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
