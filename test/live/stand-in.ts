// A stand-in of the real Core API for the live tests: the mock's decision with an account's own
// clients, optionally drifted (a changed error body, another status, a redirect, ...). Tests reach
// it through the interception proxy on 127.0.0.1, never the internet.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { formatBody } from '../../scripts/api/core-api.ts';
import type { components } from '../../scripts/api/core-api-types.ts';
import { createAccountState } from '../../scripts/mock/answers.ts';
import { decideAnswer, splitTarget } from '../../scripts/mock/api.ts';
import { randomToken } from '../../scripts/mock/tokens.ts';
import { PROBE_USER_AGENT } from '../../scripts/live/probe.ts';
import type { LiveTokens } from '../../scripts/live/live-tokens.ts';

type ApiClient = components['schemas']['Client'];

const member = (userId: string) => [{ userId, roles: ['owner'] }];

/** The clients of the stand-in's account: not the mock's, so a test sees the real list used. */
export const ACCOUNT_CLIENTS: readonly ApiClient[] = Object.freeze([
  {
    clientId: '0c6f1f0e-6a8e-4c43-9d55-8d2f4b1c0a01',
    clientName: 'Fabrikam Freight',
    clientMembers: member('9e1d7c52-3b4a-4f6e-8a2d-5c7b9e0f1a01'),
  },
  {
    clientId: '0c6f1f0e-6a8e-4c43-9d55-8d2f4b1c0a02',
    clientName: 'Tailspin Toys',
    clientMembers: member('9e1d7c52-3b4a-4f6e-8a2d-5c7b9e0f1a01'),
  },
  {
    clientId: '0c6f1f0e-6a8e-4c43-9d55-8d2f4b1c0a03',
    clientName: 'Wide World Importers',
    clientMembers: member('9e1d7c52-3b4a-4f6e-8a2d-5c7b9e0f1a01'),
  },
]);

/** An answer the stand-in sends. */
export interface StandInAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request the stand-in received. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | null;
  /** True when the harness's probe sent it, false for the program. */
  probe: boolean;
}

/** How the stand-in answers: the real account's tokens and clients, and an optional drift. */
export interface StandInOptions {
  tokens: LiveTokens;
  clients?: readonly ApiClient[];
  /** Turns the faithful answer into a drifted one. */
  drift?: (answer: StandInAnswer, request: SeenRequest) => StandInAnswer;
}

/** Fresh throwaway tokens of a test account: its own, a revoked and a permission-less one. */
export function testAccountTokens(): Required<LiveTokens> {
  return { user: randomToken(), revoked: randomToken(), forbidden: randomToken() };
}

const json = (status: number, body: unknown): StandInAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: formatBody(body),
});

/** A stand-in of the real API and the requests it received. */
export function standInApi(options: StandInOptions): { handler: RequestListener; requests: SeenRequest[] } {
  const requests: SeenRequest[] = [];
  const tokens = {
    valid: new Set([options.tokens.user]),
    revoked: new Set(options.tokens.revoked ? [options.tokens.revoked] : []),
    forbidden: new Set(options.tokens.forbidden ? [options.tokens.forbidden] : []),
  };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    req.resume();
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
    const seen: SeenRequest = {
      method: req.method ?? '',
      path: splitTarget(req.url ?? '').path,
      authorization,
      probe: req.headers['user-agent'] === PROBE_USER_AGENT,
    };
    requests.push(seen);
    // `/v2/...` is where the redirect drift moves the API; it answers there as before.
    const decided = decideAnswer(
      {
        method: seen.method,
        path: seen.path.replace(/^\/v2\//, '/'),
        query: '',
        rawHeaders: authorization === null ? [] : [['Authorization', authorization]],
        body: { kind: 'none' },
      },
      tokens,
      createAccountState(),
    );
    const faithful =
      decided.reason === 'ok'
        ? json(200, { clients: options.clients ?? ACCOUNT_CLIENTS, message: 'Success' })
        : json(decided.status, decided.body);
    const answer = options.drift ? options.drift(faithful, seen) : faithful;
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  };
  return { handler, requests };
}

/** Drifted variants of the real API, each a change the sentinel must report. */
export const DRIFTS = {
  /** The 401 body says something else. */
  changedErrorBody: (answer: StandInAnswer): StandInAnswer =>
    answer.status === 401 ? json(401, { error: 'Unauthorized', message: 'Token not recognised', status: 401 }) : answer,
  /** A request without a token is answered 400 instead of 401. */
  differentStatus: (answer: StandInAnswer, request: SeenRequest): StandInAnswer =>
    request.authorization === null ? json(400, { error: 'Bad Request', message: 'Missing Authorization header', status: 400 }) : answer,
  /** The endpoint moved: a permanent redirect, with the answer at the new place. */
  redirect: (answer: StandInAnswer, request: SeenRequest): StandInAnswer =>
    request.path.startsWith('/v2/')
      ? answer
      : { status: 301, headers: { Location: `https://api.requestrocket.com/v2${request.path}` }, body: '' },
  /** The 200 body gains a field and loses `message`. */
  changedShape: (answer: StandInAnswer): StandInAnswer => {
    if (answer.status !== 200) return answer;
    const { clients } = JSON.parse(answer.body) as { clients: unknown[] };
    return json(200, { clients, nextPage: null });
  },
  /** A 401 body that quotes the token it refused. */
  echoesToken: (answer: StandInAnswer, request: SeenRequest): StandInAnswer =>
    answer.status === 401
      ? json(401, { error: 'Unauthorized', message: `Unknown token ${request.authorization ?? '(none)'}`, status: 401 })
      : answer,
} as const;
