// The raw HTTP requests of a new example (`request.http`), one per step, as the guide shows them:
// the description's example ids (an id a step creates as `{targetId}`), the query's and the body's
// examples, and the placeholder token. The `raw-request` check holds the programs to it.
import { API_FACTS, API_MEDIA_TYPE, API_OPERATIONS } from '../api/core-api.ts';
import { createdParameter } from '../api/operation-kinds.ts';

/** The text of `request.http` for an example calling `operationIds` in order. */
export function rawRequestText(operationIds: readonly string[]): string {
  const created = new Set<string>();
  const requests = operationIds.map((operationId) => {
    const operation = API_OPERATIONS.find((each) => each.operationId === operationId);
    if (!operation) throw new Error(`no operation ${operationId} in the API description`);
    const path = operation.path.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
      const example = operation.pathParameters.find((parameter) => parameter.name === name)?.example;
      return created.has(name) || example === undefined ? whole : encodeURIComponent(String(example));
    });
    const query = operation.queryParameters.flatMap((parameter) =>
      parameter.example === undefined ? [] : [`${encodeURIComponent(parameter.name)}=${encodeURIComponent(String(parameter.example))}`],
    );
    const made = createdParameter(operation, API_OPERATIONS);
    if (made !== undefined) created.add(made);
    const body = operation.requestBody ? Object.values(operation.requestBody.examples)[0] : undefined;
    return [
      `${operation.method} ${path}${query.length ? `?${query.join('&')}` : ''} HTTP/1.1`,
      `Host: ${API_FACTS.host}`,
      `Content-Type: ${API_MEDIA_TYPE}`,
      `${API_FACTS.tokenHeader}: ${API_FACTS.placeholderToken}`,
      ...(body === undefined ? [] : ['', JSON.stringify(body, null, 2)]),
    ].join('\n');
  });
  return `${requests.join('\n\n###\n\n')}\n`;
}
