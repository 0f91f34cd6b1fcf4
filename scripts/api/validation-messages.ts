// Ajv's errors as people read them: the field as a dotted path (`clients[0].clientName`, never a
// JSON pointer with escapes) and what the description expects there (`must be an https URL`,
// `is required`, `unknown field (expected one of clientName)`).
import type { ErrorObject } from 'ajv';
import { fieldPath } from '../zod-issues.ts';
import { isRecord } from './json-pointer.ts';

/** Where in a request or an answer a problem is. */
export type ProblemLocation = 'path' | 'query' | 'header' | 'body' | 'status';

/** One thing wrong with a request or an answer. */
export interface ValidationProblem {
  location: ProblemLocation;
  /** The field as a dotted path (`targetBaseURL`, `clients[0].clientId`), or the location itself (`body`). */
  field: string;
  /** What it must be, starting with a verb (`must be an https URL`, `is required`). */
  message: string;
  /** The JSON Schema keyword (or `security`, `media-type`, `unknown-parameter`…) that failed. */
  keyword: string;
}

/** `targetBaseURL: must be an https URL`. */
export function formatProblem(problem: ValidationProblem): string {
  return `${problem.field}: ${problem.message}`;
}

/** Every problem on one line each, or `; `-joined for a 400's message. */
export function formatProblems(problems: readonly ValidationProblem[], separator = '; '): string {
  return problems.map(formatProblem).join(separator);
}

const FORMATS: Readonly<Record<string, string>> = {
  uuid: 'a UUID',
  'date-time': 'an ISO 8601 date-time',
  uri: 'a URL',
  email: 'an email address',
};

const TYPES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** The problems of Ajv's errors, for a value at `location` named `root` when the error is about the whole value. */
export function describeAjvErrors(
  errors: readonly ErrorObject[] | null | undefined,
  location: ProblemLocation,
  root: string,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const error of errors ?? []) {
    // `if` only says that its `then` failed, and `oneOf` that a branch did; those branches' own errors say what.
    if (
      error.keyword === 'if' ||
      (error.keyword === 'oneOf' && (errors ?? []).some((other) => other !== error && other.instancePath.startsWith(error.instancePath)))
    )
      continue;
    const steps: (string | number)[] = stepsOf(error.instancePath);
    const named = childName(error);
    if (named !== undefined) steps.push(named);
    const field = steps.length > 0 ? fieldPath(steps) : root;
    const problem = { location, field, message: messageOf(error), keyword: error.keyword };
    if (!problems.some((known) => known.field === problem.field && known.message === problem.message)) problems.push(problem);
  }
  return problems;
}

function stepsOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
}

function childName(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return String(params.missingProperty);
  if (error.keyword === 'additionalProperties') return String(params.additionalProperty);
  if (error.keyword === 'unevaluatedProperties') return String(params.unevaluatedProperty);
  if (error.keyword === 'discriminator') return String(params.tag);
  return undefined;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const parent = isRecord(error.parentSchema) ? error.parentSchema : {};
  const expected = typeof parent['x-expected'] === 'string' ? parent['x-expected'] : undefined;
  const listed = isRecord(parent.properties) ? Object.keys(parent.properties) : [];
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return listed.length > 0 ? `unknown field (expected one of ${listed.join(', ')})` : 'unknown field';
    case 'discriminator':
      return params.error === 'mapping' ? `must be one of ${discriminatorValues(parent, String(params.tag)).join(', ')}` : 'is required';
    case 'type':
      return `must be ${String(params.type)
        .split(',')
        .map((type) => TYPES[type] ?? type)
        .join(' or ')}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'format':
      return `must be ${expected ?? FORMATS[String(params.format)] ?? `in the ${String(params.format)} format`}`;
    case 'pattern':
      return `must be ${expected ?? `text matching ${String(params.pattern)}`}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'minProperties':
      return listed.length > 0 ? `must set at least one of ${listed.join(', ')}` : 'must not be empty';
    case 'minItems':
      return `must hold at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'false schema':
      return 'must not be present';
    case 'oneOf':
      return 'must match exactly one of the forms the description allows';
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function discriminatorValues(schema: Record<string, unknown>, tag: string): string[] {
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : [];
  return branches.flatMap((branch) => {
    const property = isRecord(branch) && isRecord(branch.properties) ? branch.properties[tag] : undefined;
    if (!isRecord(property)) return [];
    if (property.const !== undefined) return [String(property.const)];
    return Array.isArray(property.enum) ? property.enum.map(String) : [];
  });
}
