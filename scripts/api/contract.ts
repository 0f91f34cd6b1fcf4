// The RequestRocket Core API as the guide documents it: one definition of every fact and response
// body, shared by the mock server, the harness, the tests and the site.

/** Host name every example talks to; the interception proxy terminates TLS for it alone. */
export const API_HOST = 'api.requestrocket.com';

/** Base URL every example uses, exactly as readers copy it. */
export const API_BASE_URL = `https://${API_HOST}/api`;

/** Environment variable from which every example reads the user token. */
export const TOKEN_ENV_VAR = 'REQUESTROCKET_USER_TOKEN';

/** Prefix that every user token starts with. */
export const TOKEN_PREFIX = 'u-';

/** Placeholder token used in prose and in the raw HTTP example; never a real token. */
export const PLACEHOLDER_TOKEN = 'u-your-token-here';

/** One client as `GET /api/clients` lists it. */
export interface ApiClient {
  clientId: string;
  clientName: string;
}

/** Body of a successful `GET /api/clients`. */
export interface ClientsBody {
  clients: ApiClient[];
  message: 'Success';
}

/** Body of every error response (401, 403, and the mock's 404 and 405). */
export interface ErrorBody {
  error: string;
  message: string;
  status: number;
}

/** A status code with the exact JSON body the API answers with. */
export interface ApiResponse<Body> {
  status: number;
  body: Body;
}

/** The fixed list of clients the mock returns; the examples must print these names. */
export const SAMPLE_CLIENTS: readonly ApiClient[] = Object.freeze([
  { clientId: 'cl_7f3a9c2e', clientName: 'Northwind Logistics' },
  { clientId: 'cl_b41d6e08', clientName: 'Contoso Analytics' },
]);

/** 200: the caller's clients. */
export const CLIENTS_OK: ApiResponse<ClientsBody> = {
  status: 200,
  body: { clients: [...SAMPLE_CLIENTS], message: 'Success' },
};

/** 401: no Authorization header, an invalid or malformed token, or a revoked token. */
export const UNAUTHORIZED: ApiResponse<ErrorBody> = {
  status: 401,
  body: { error: 'Unauthorized', message: 'Invalid or missing authentication token', status: 401 },
};

/** 403: a valid token that lacks the permission, or another user's resources. */
export const FORBIDDEN: ApiResponse<ErrorBody> = {
  status: 403,
  body: { error: 'Forbidden', message: 'Insufficient permissions to access this resource', status: 403 },
};

/** 404 for a path the API does not serve (ours: the published page is silent). */
export const NOT_FOUND: ApiResponse<ErrorBody> = {
  status: 404,
  body: { error: 'Not Found', message: 'No such endpoint', status: 404 },
};

/** 405 for a method the endpoint does not accept (ours: the published page is silent). */
export const METHOD_NOT_ALLOWED: ApiResponse<ErrorBody> = {
  status: 405,
  body: { error: 'Method Not Allowed', message: 'This endpoint does not accept that method', status: 405 },
};

/** Serialises a body the way the mock sends it and the guide shows it. */
export function formatBody(body: unknown): string {
  return JSON.stringify(body, null, 2);
}
