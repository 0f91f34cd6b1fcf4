// The API's error answers by status (400, 401, 403, 404, 405, 413, 415): their exact bodies, as
// the description's examples give them, gathered from the operations and `x-unrouted-responses`.
import { z } from 'zod';
import type { ApiDescription } from './description.ts';
import { ApiDescriptionError, describeIssuesAt } from './description-error.ts';
import { describePlace, stepsOf } from './json-pointer.ts';
import { dereference } from './local-refs.ts';
import { ResponseSchema, listOperations, toResponses, type ApiOperation, type ApiResponse } from './operations.ts';

/** The body of every error answer. */
export const ErrorBodySchema = z.strictObject({
  error: z.string().min(1),
  message: z.string().min(1),
  status: z.number().int().min(400).max(599),
});

/** An error body: `{"error": "Unauthorized", "message": "…", "status": 401}`. */
export type ErrorBody = z.output<typeof ErrorBodySchema>;

/** One error status: what it means, whether it is assumed, and its bodies by example name. */
export interface ErrorAnswer {
  status: number;
  description: string;
  assumed?: string;
  examples: Readonly<Record<string, ErrorBody>>;
}

/** What a request matching no operation gets (404 for an unknown path, 405 for a method the path lacks). */
export function unroutedResponses(description: ApiDescription): ApiResponse[] {
  const steps = ['x-unrouted-responses'];
  const parsed = z
    .record(z.string(), ResponseSchema)
    .safeParse(dereference(description.document, steps, description.file), { reportInput: true });
  if (!parsed.success)
    throw new ApiDescriptionError(
      description.file,
      describeIssuesAt(parsed.error.issues, steps, { key: 'field', whole: 'x-unrouted-responses' }),
    );
  return toResponses(parsed.data, steps, description.file);
}

/** Every error status the description documents, ascending, each with every body its examples show. */
export function errorAnswers(
  description: ApiDescription,
  operations: readonly ApiOperation[] = listOperations(description),
): ErrorAnswer[] {
  const sources = [
    ...operations.flatMap((operation) =>
      operation.responses.map((response) => ({ response, at: `${operation.pointer}/responses/${response.status}` })),
    ),
    ...unroutedResponses(description).map((response) => ({ response, at: `#/x-unrouted-responses/${response.status}` })),
  ];
  const byStatus = new Map<number, ErrorAnswer>();
  for (const { response, at } of sources) {
    if (response.status < 400) continue;
    const place = describePlace(stepsOf(at) ?? []);
    const answer = byStatus.get(response.status) ?? {
      status: response.status,
      description: response.description,
      ...(response.assumed !== undefined && { assumed: response.assumed }),
      examples: {},
    };
    const examples: Record<string, ErrorBody> = { ...answer.examples };
    for (const [name, value] of Object.entries(response.body?.examples ?? {})) {
      const body = ErrorBodySchema.safeParse(value, { reportInput: true });
      if (!body.success)
        throw new ApiDescriptionError(
          description.file,
          describeIssuesAt(body.error.issues, [...(stepsOf(at) ?? []), 'examples', name], { key: 'field', whole: `example ${name}` }),
        );
      if (body.data.status !== response.status)
        throw new ApiDescriptionError(description.file, [
          `field ${place}: example "${name}" has status ${body.data.status}, expected ${response.status}`,
        ]);
      const known = examples[name];
      if (known && JSON.stringify(known) !== JSON.stringify(body.data))
        throw new ApiDescriptionError(description.file, [
          `field ${place}: example "${name}" differs from another ${response.status} example of that name`,
        ]);
      examples[name] = body.data;
    }
    byStatus.set(response.status, { ...answer, examples });
  }
  return [...byStatus.values()].sort((a, b) => a.status - b.status);
}

/** The body of `status` (its example `name`, or its first); throws naming what there is. */
export function errorBody(answers: readonly ErrorAnswer[], status: number, name?: string): ErrorBody {
  const answer = answers.find((each) => each.status === status);
  if (!answer)
    throw new Error(`The API description documents no ${status} answer (it has ${answers.map((each) => each.status).join(', ')})`);
  const names = Object.keys(answer.examples);
  const body = answer.examples[name ?? names[0] ?? ''];
  if (!body) throw new Error(`The API description's ${status} answer has no example "${name}" (it has ${names.join(', ') || 'none'})`);
  return body;
}
