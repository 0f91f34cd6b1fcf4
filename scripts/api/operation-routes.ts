// Which operation a request is for: its method and path matched against the path templates
// (`/api/clients/{clientId}`), with the path parameters taken out, or why none matches.
import type { ApiOperation, HttpMethod } from './operations.ts';

/** The outcome of matching a request: an operation, a path without that method, or no such path. */
export type RouteMatch =
  | { kind: 'operation'; operation: ApiOperation; pathParams: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: readonly HttpMethod[] }
  | { kind: 'not-found' };

/** The path parameters of `pathname` under `template`, or undefined when it does not match. */
export function matchTemplate(template: string, pathname: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const name = /^\{([^{}]+)\}$/.exec(segment)?.[1];
      if (name === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('/');
  const match = new RegExp(`^${source}$`).exec(pathname);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const [index, name] of names.entries()) {
    try {
      params[name] = decodeURIComponent(match[index + 1]!);
    } catch {
      return undefined;
    }
  }
  return params;
}

/** The operation for `method` and `pathname` (no query string); 405 and 404 are told apart. */
export function matchRoute(operations: readonly ApiOperation[], method: string, pathname: string): RouteMatch {
  const onPath = operations.flatMap((operation) => {
    const pathParams = matchTemplate(operation.path, pathname);
    return pathParams ? [{ operation, pathParams }] : [];
  });
  if (onPath.length === 0) return { kind: 'not-found' };
  const found = onPath.find(({ operation }) => operation.method === method.toUpperCase());
  if (found) return { kind: 'operation', ...found };
  return { kind: 'method-not-allowed', allowed: onPath.map(({ operation }) => operation.method) };
}
