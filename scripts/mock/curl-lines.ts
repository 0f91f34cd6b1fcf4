// What `npm run mock` lists: every operation the mock serves (method, path, operationId), each with
// a curl line to paste once the printed variables are exported, its ids those of the seeded account
// (each path parameter's example) and its body the description's request example.
import type { ApiFacts } from '../api/api-facts.ts';
import { API_FACTS, API_OPERATIONS } from '../api/core-api.ts';
import { parameterVariable } from '../api/operation-kinds.ts';
import type { ApiOperation } from '../api/operations.ts';
import { shellQuote } from '../shell.ts';

/** One operation with its ready-to-paste curl line. */
export interface OperationLine {
  method: string;
  path: string;
  operationId: string;
  curl: string;
}

/** The curl line of one operation; throws naming a path parameter without an example. */
export function curlLine(operation: ApiOperation, facts: ApiFacts = API_FACTS): string {
  const path = operation.path.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    const example = operation.pathParameters.find((parameter) => parameter.name === name)?.example;
    if (typeof example !== 'string') throw new Error(`${operation.operationId}: the path parameter ${name} has no example to call it with`);
    return encodeURIComponent(example);
  });
  const words = ['curl'];
  if (operation.method !== 'GET') words.push('-X', operation.method);
  words.push(`${facts.serverUrl}${path}`, '-H', `"${facts.tokenHeader}: $${facts.tokenEnvVar}"`);
  const [example] = Object.values(operation.requestBody?.examples ?? {});
  if (operation.requestBody && example !== undefined)
    words.push('-H', shellQuote(`Content-Type: ${operation.requestBody.mediaType}`), '--data', shellQuote(JSON.stringify(example)));
  return words.join(' ');
}

/** Every operation of the description with its curl line, in the description's order. */
export function operationLines(operations: readonly ApiOperation[] = API_OPERATIONS, facts: ApiFacts = API_FACTS): OperationLine[] {
  return operations.map((operation) => ({
    method: operation.method,
    path: operation.path,
    operationId: operation.operationId,
    curl: curlLine(operation, facts),
  }));
}

/** The listing as the CLI prints it: one aligned line per operation, its curl line under it. */
export function describeOperations(lines: readonly OperationLine[] = operationLines()): string[] {
  const width = Math.max(...lines.map((line) => line.path.length));
  return lines.flatMap((line) => [`  ${line.method.padEnd(6)} ${line.path.padEnd(width)}  ${line.operationId}`, `    ${line.curl}`]);
}

/** `export REQUESTROCKET_CLIENT_ID=…` for each path parameter: the seeded record its example names, as an example reads it. */
export function idExports(operations: readonly ApiOperation[] = API_OPERATIONS): string[] {
  const examples = new Map<string, string>();
  for (const parameter of operations.flatMap((operation) => operation.pathParameters))
    if (typeof parameter.example === 'string' && !examples.has(parameter.name)) examples.set(parameter.name, parameter.example);
  return [...examples].map(([name, example]) => `export ${parameterVariable(name)}=${shellQuote(example)}`);
}
