// Every example in the description paired with the schema it must match: request bodies,
// responses (of the operations and of `x-unrouted-responses`), parameters, and the `examples` of
// schemas. The tests validate each one; the pages can show them knowing they are valid.
import type { ApiDescription } from './description.ts';
import { unroutedResponses } from './error-bodies.ts';
import { isRecord, pointerOf, type PathStep } from './json-pointer.ts';
import { dereference } from './local-refs.ts';
import { listOperations, type ApiOperation, type ApiResponse, type JsonSchema } from './operations.ts';

/** One example and the schema it must match; `place` says where it is (`createTarget 201 "created"`). */
export interface ExampleCase {
  place: string;
  schema: JsonSchema;
  value: unknown;
}

/** Every example of the description with its schema, operation by operation, then the unrouted answers and the schemas. */
export function listExamples(
  description: ApiDescription,
  operations: readonly ApiOperation[] = listOperations(description),
): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const fromResponses = (owner: string, responses: readonly ApiResponse[]) => {
    for (const response of responses)
      for (const [name, value] of Object.entries(response.body?.examples ?? {}))
        cases.push({ place: `${owner} ${response.status} "${name}"`, schema: response.body!.schema, value });
  };
  for (const operation of operations) {
    for (const parameter of [...operation.pathParameters, ...operation.queryParameters, ...operation.headerParameters])
      if (parameter.example !== undefined)
        cases.push({
          place: `${operation.operationId} ${parameter.in} parameter ${parameter.name}`,
          schema: parameter.schema,
          value: parameter.example,
        });
    for (const [name, value] of Object.entries(operation.requestBody?.examples ?? {}))
      cases.push({ place: `${operation.operationId} request body "${name}"`, schema: operation.requestBody!.schema, value });
    fromResponses(operation.operationId, operation.responses);
  }
  fromResponses('unrouted', unroutedResponses(description));
  for (const steps of schemasWithExamples(description.document.components.schemas, ['components', 'schemas'])) {
    const schema = dereference(description.document, steps, description.file) as Record<string, unknown>;
    (schema.examples as unknown[]).forEach((value, index) =>
      cases.push({ place: `${pointerOf(steps)} examples[${index}]`, schema, value }),
    );
  }
  return cases;
}

/** The steps of every schema under `node` that lists `examples`. */
function schemasWithExamples(node: unknown, at: readonly PathStep[]): PathStep[][] {
  if (Array.isArray(node)) return node.flatMap((item, index) => schemasWithExamples(item, [...at, index]));
  if (!isRecord(node)) return [];
  const own = Array.isArray(node.examples) ? [[...at]] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => (key === 'examples' ? [] : schemasWithExamples(value, [...at, key])))];
}
