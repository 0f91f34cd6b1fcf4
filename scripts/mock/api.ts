// The mock RequestRocket Core API as a node:http request listener: it reads each request's body
// within its limits, records the request exactly as it arrived, and sends the answer the API
// description gives it (see answers.ts), from an account of its own that starts as the seed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import { formatBody } from '../api/core-api.ts';
import type { AccountState } from './account-state.ts';
import { createAccountState, decideAnswer, mockFailure, type Answer } from './answers.ts';
import { sendBadGateway } from './faults.ts';
import { DEFAULT_BODY_LIMITS, readRequestBody, type BodyLimits, type BodyRead } from './request-body.ts';
import type { MockTokens, RecordedBody, RecordedRequest } from './types.ts';

export { decideAnswer, judgeAuthorization, type Answer, type AnswerInput, type DecideOptions } from './answers.ts';

/** Options of the request listener: the tokens, where each request goes, and how it arrived. */
export interface ApiHandlerOptions {
  tokens: MockTokens;
  record: (request: RecordedRequest) => void;
  /** True when every connection the listener serves is a CONNECT tunnel of the proxy. */
  tunneled: boolean;
  /** `hang`: record each request and never answer; `bad-gateway`: answer 502 with HTML; `bad-request`: refuse every body with the documented 400. Default: the API. */
  answer?: 'api' | 'hang' | 'bad-gateway' | 'bad-request';
  /** How much of a body is read, and for how long (default DEFAULT_BODY_LIMITS). */
  bodyLimits?: Partial<BodyLimits>;
  /** The account served; by default a fresh one, as the description seeds it. */
  state?: AccountState;
}

/** A node:http request listener serving the API description and recording every request. */
export function createApiHandler(options: ApiHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const state = options.state ?? createAccountState();
  const limits: BodyLimits = { ...DEFAULT_BODY_LIMITS, ...options.bodyLimits };
  return (req, res) => {
    const receivedAtMs = performance.now();
    const rawHeaders = pairHeaders(req.rawHeaders);
    const { path, query } = splitTarget(req.url ?? '');
    const method = req.method ?? '';
    const tls = req.socket instanceof TLSSocket ? req.socket : null;
    void readRequestBody(req, limits).then((body) => {
      const input = { method, path, query, rawHeaders, body };
      let answer: Answer;
      try {
        answer = decideAnswer(input, options.tokens, state, { refuseBodies: options.answer === 'bad-request' });
      } catch (error) {
        answer = mockFailure(input, error);
      }
      const fault = options.answer === 'hang' || options.answer === 'bad-gateway' ? options.answer : undefined;
      options.record({
        method,
        path,
        query,
        rawHeaders,
        authorization: rawHeaders.find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? null,
        httpVersion: req.httpVersion,
        tlsVersion: tls?.getProtocol() ?? null,
        servername: tls && typeof tls.servername === 'string' ? tls.servername : null,
        tunneled: options.tunneled,
        body: recordedBody(body),
        operation: answer.operation,
        ...(answer.created && { created: answer.created }),
        status: fault === 'hang' ? 0 : fault === 'bad-gateway' ? 502 : answer.status,
        reason: fault === 'hang' ? 'no-answer' : (fault ?? answer.reason),
        receivedAtMs,
      });
      if (fault === 'hang') return; // the connection stays open, silent, until the client gives up
      if (fault === 'bad-gateway') return sendBadGateway(res);
      const text = formatBody(answer.body);
      res.writeHead(answer.status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
        ...answer.headers,
        // A body that stopped short leaves the connection mid-request: it cannot carry another.
        ...(body.kind === 'incomplete' && { Connection: 'close' }),
      });
      res.end(text);
    });
  };
}

/** A body as the record keeps it: UTF-8 text when it is that, else base64; null when the request framed none. */
export function recordedBody(body: BodyRead): RecordedBody | null {
  if (body.kind === 'none') return null;
  const truncated = body.kind !== 'complete' || body.received > body.bytes.length;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body.bytes);
    return { text, encoding: 'utf8', bytes: body.received, truncated };
  } catch {
    return { text: body.bytes.toString('base64'), encoding: 'base64', bytes: body.received, truncated };
  }
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
