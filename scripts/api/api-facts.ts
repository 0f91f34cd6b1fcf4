// The facts every example and check shares (host, base URL, the token's header, environment
// variable, prefix and placeholder), read from the description's server, paths and security scheme.
import { z } from 'zod';
import type { ApiDescription } from './description.ts';
import { ApiDescriptionError, describeIssuesAt } from './description-error.ts';
import { describePlace } from './json-pointer.ts';

/** The security scheme's token facts: a raw token in a header, described for code by `x-token-*`. */
export const TokenSchemeSchema = z.looseObject({
  type: z.literal('apiKey'),
  in: z.literal('header'),
  name: z.string().min(1),
  'x-token-env-var': z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected an environment variable name such as REQUESTROCKET_USER_TOKEN'),
  'x-token-prefix': z.string().min(1),
  'x-placeholder-token': z.string().min(1),
});

/** What examples, the mock and the checks need to know about where the API is and how it authenticates. */
export interface ApiFacts {
  /** `https://api.requestrocket.com`: the description's one server. */
  serverUrl: string;
  /** `api.requestrocket.com`. */
  host: string;
  /** `/api`: the first segment every path shares. */
  basePath: string;
  /** `https://api.requestrocket.com/api`: what examples prefix their paths with. */
  baseUrl: string;
  /** The security scheme's name in the description (`userToken`). */
  securityScheme: string;
  /** The header that carries the token, raw (`Authorization`). */
  tokenHeader: string;
  /** The environment variable examples read the token from. */
  tokenEnvVar: string;
  /** What every user token starts with. */
  tokenPrefix: string;
  /** The stand-in token shown in prose and raw HTTP examples; never a real one. */
  placeholderToken: string;
}

/** The API facts of a description; throws ApiDescriptionError when its server, paths or scheme do not give them. */
export function apiFacts(description: ApiDescription): ApiFacts {
  const { document, file } = description;
  const serverUrl = document.servers[0]!.url;
  const [securityScheme] = Object.keys(document.security[0]!);
  if (!securityScheme)
    throw new ApiDescriptionError(file, [`field ${describePlace(['security', 0])}: expected the name of a security scheme`]);
  const schemeSteps = ['components', 'securitySchemes', securityScheme];
  const scheme = TokenSchemeSchema.safeParse(document.components.securitySchemes[securityScheme], { reportInput: true });
  if (!scheme.success)
    throw new ApiDescriptionError(
      file,
      describeIssuesAt(scheme.error.issues, schemeSteps, { key: 'field', whole: `the security scheme ${securityScheme}` }),
    );
  if (!scheme.data['x-placeholder-token'].startsWith(scheme.data['x-token-prefix']))
    throw new ApiDescriptionError(file, [
      `field ${describePlace([...schemeSteps, 'x-placeholder-token'])}: expected a token starting with the prefix "${scheme.data['x-token-prefix']}", found "${scheme.data['x-placeholder-token']}"`,
    ]);
  const basePath = sharedBasePath(Object.keys(document.paths), file);
  return {
    serverUrl,
    host: new URL(serverUrl).host,
    basePath,
    baseUrl: `${serverUrl}${basePath}`,
    securityScheme,
    tokenHeader: scheme.data.name,
    tokenEnvVar: scheme.data['x-token-env-var'],
    tokenPrefix: scheme.data['x-token-prefix'],
    placeholderToken: scheme.data['x-placeholder-token'],
  };
}

/** `/api` when every path starts with `/api/`; the prefix is chosen once, so one path without it is an error. */
function sharedBasePath(paths: readonly string[], file: string): string {
  const first = /^\/[^/{}]+(?=\/)/.exec(paths[0] ?? '')?.[0];
  const stray = paths.filter((each) => !first || !each.startsWith(`${first}/`));
  if (!first || stray.length > 0)
    throw new ApiDescriptionError(
      file,
      (stray.length > 0 ? stray : paths).map(
        (each) =>
          `field ${describePlace(['paths', each])}: expected a path under ${first ?? 'one shared prefix such as /api'}/, found "${each}"`,
      ),
    );
  return first;
}
