// The mock RequestRocket Core API: which answer a request gets (a pure decision), and the
// node:http request listener that sends it and records the request exactly as it arrived.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import { CLIENTS_OK, FORBIDDEN, METHOD_NOT_ALLOWED, NOT_FOUND, UNAUTHORIZED, formatBody, type ApiResponse } from '../api/contract.ts';
import { sendBadGateway } from './faults.ts';
import type { AnswerReason, MockTokens, RecordedRequest } from './types.ts';

/** The endpoints the mock serves and the methods each accepts. */
export const ROUTES: ReadonlyMap<string, readonly string[]> = new Map([['/api/clients', ['GET']]]);

/** What the mock answers: the contract response, why, and any extra headers (405's `Allow`). */
export interface Answer {
  response: ApiResponse<unknown>;
  reason: AnswerReason;
  headers: Record<string, string>;
}

/** What the decision looks at: the method, the path without query, and every Authorization value. */
export interface AnswerInput {
  method: string;
  path: string;
  authorizations: readonly string[];
}

/** Decides the answer: unknown path 404, wrong method 405, then the token (401, 403 or 200). */
export function decideAnswer(input: AnswerInput, tokens: MockTokens): Answer {
  const methods = ROUTES.get(input.path);
  if (methods === undefined) return { response: NOT_FOUND, reason: 'not-found', headers: {} };
  if (!methods.includes(input.method)) {
    return { response: METHOD_NOT_ALLOWED, reason: 'method-not-allowed', headers: { Allow: methods.join(', ') } };
  }
  const reason = judgeAuthorization(input.authorizations, tokens);
  const response = reason === 'ok' ? CLIENTS_OK : reason === 'forbidden-token' ? FORBIDDEN : UNAUTHORIZED;
  return { response, reason, headers: {} };
}

// The token must be the whole header value: no scheme (`Bearer `, `Token `, ...), no second header.
function judgeAuthorization(values: readonly string[], tokens: MockTokens): AnswerReason {
  const present = values.filter((value) => value.trim() !== '');
  if (present.length === 0) return 'missing-token';
  const [value] = present;
  if (present.length > 1 || value === undefined || /\s/.test(value)) return 'malformed-token';
  if (tokens.revoked.has(value)) return 'revoked-token';
  if (tokens.forbidden.has(value)) return 'forbidden-token';
  if (tokens.valid.has(value)) return 'ok';
  return 'unknown-token';
}

/** Options of the request listener: the tokens, where each request goes, and how it arrived. */
export interface ApiHandlerOptions {
  tokens: MockTokens;
  record: (request: RecordedRequest) => void;
  /** True when every connection the listener serves is a CONNECT tunnel of the proxy. */
  tunneled: boolean;
  /** `hang`: record each request and never answer; `bad-gateway`: answer 502 with HTML. Default: the API. */
  answer?: 'api' | 'hang' | 'bad-gateway';
}

/** A node:http request listener implementing the API contract and recording every request. */
export function createApiHandler(options: ApiHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const receivedAtMs = performance.now();
    req.resume(); // a body is never needed; let it drain so the connection stays usable
    const rawHeaders = pairHeaders(req.rawHeaders);
    const authorizations = rawHeaders.filter(([name]) => name.toLowerCase() === 'authorization').map(([, value]) => value);
    const { path, query } = splitTarget(req.url ?? '');
    const method = req.method ?? '';
    const answer = decideAnswer({ method, path, authorizations }, options.tokens);
    const fault = options.answer === 'hang' || options.answer === 'bad-gateway' ? options.answer : undefined;
    const socket = req.socket;
    const tls = socket instanceof TLSSocket ? socket : null;
    options.record({
      method,
      path,
      query,
      rawHeaders,
      authorization: authorizations[0] ?? null,
      httpVersion: req.httpVersion,
      tlsVersion: tls?.getProtocol() ?? null,
      servername: tls && typeof tls.servername === 'string' ? tls.servername : null,
      tunneled: options.tunneled,
      status: fault === 'hang' ? 0 : fault === 'bad-gateway' ? 502 : answer.response.status,
      reason: fault === 'hang' ? 'no-answer' : (fault ?? answer.reason),
      receivedAtMs,
    });
    if (fault === 'hang') return; // the connection stays open, silent, until the client gives up
    if (fault === 'bad-gateway') return sendBadGateway(res);
    const body = formatBody(answer.response.body);
    res.writeHead(answer.response.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      ...answer.headers,
    });
    res.end(body);
  };
}

/** Splits a request target (origin form, or absolute form as some clients send) into path and raw query. */
export function splitTarget(target: string): { path: string; query: string } {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  const rest = absolute ? target.slice(absolute[0].length) : target;
  const originForm = absolute && !rest.startsWith('/') ? `/${rest}` : rest;
  const questionMark = originForm.indexOf('?');
  if (questionMark === -1) return { path: originForm, query: '' };
  return { path: originForm.slice(0, questionMark), query: originForm.slice(questionMark + 1) };
}

function pairHeaders(flat: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let index = 0; index + 1 < flat.length; index += 2) pairs.push([flat[index] ?? '', flat[index + 1] ?? '']);
  return pairs;
}
