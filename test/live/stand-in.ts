// A stand-in of the real Core API for the live tests: the mock's decision, over every operation of
// the description, on an account of its own (its own clients, and a target, a credential and a
// proxy that were there before any run), changed by every write; optionally drifted (a changed error
// body, another status, a redirect, ...). Tests reach it through the interception proxy on
// 127.0.0.1, never the internet.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { CORE_API, formatBody } from '../../scripts/api/core-api.ts';
import type { components } from '../../scripts/api/core-api-types.ts';
import { seedAccount, type SeedAccount } from '../../scripts/api/seed-account.ts';
import { createAccountState, servedKinds } from '../../scripts/mock/answers.ts';
import { decideAnswer, splitTarget } from '../../scripts/mock/api.ts';
import { newId } from '../../scripts/mock/new-records.ts';
import { randomToken } from '../../scripts/mock/tokens.ts';
import { PROBE_USER_AGENT, SETUP_USER_AGENT } from '../../scripts/live/probe.ts';
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
  /** True when the harness's probe sent it, false for the program and the harness's own writes. */
  probe: boolean;
  /** Who sent it: the probe, the harness making or deleting its own resources, or a program. */
  sender: 'probe' | 'setup' | 'program';
  /** The status it was answered with. */
  status?: number;
}

/** How the stand-in answers: the real account's tokens and clients, and an optional drift. */
export interface StandInOptions {
  tokens: LiveTokens;
  clients?: readonly ApiClient[];
  /** Turns the faithful answer into a drifted one. */
  drift?: (answer: StandInAnswer, request: SeenRequest) => StandInAnswer;
}

/** The client kept for live runs in the stand-in's account: the first one, which holds the resources that were there before. */
export const LIVE_CLIENT_ID = ACCOUNT_CLIENTS[0]!.clientId;

/**
 * The stand-in's account: its clients, and under the first one the seeded targets, credentials and
 * proxies of the description under ids of their own. Returns it with the ids of those records.
 */
export function standInAccount(clients: readonly ApiClient[] = ACCOUNT_CLIENTS): { seed: SeedAccount; preexisting: Map<string, string[]> } {
  const seed = seedAccount(CORE_API);
  const [mockClient] = seed.clients;
  const fresh = new Map<string, string>();
  const preexisting = new Map<string, string[]>();
  const rekey = <T extends Record<string, unknown>>(collection: string, records: readonly T[]): T[] => {
    const kind = servedKinds().find((each) => each.collection === collection)!;
    const mine = records.filter((record) => record.clientId === mockClient!.clientId);
    for (const record of mine) fresh.set(String(record[kind.idField]), newId(kind.idSchema, String(record[kind.idField])));
    preexisting.set(
      collection,
      mine.map((record) => fresh.get(String(record[kind.idField]))!),
    );
    return mine.map((record) => record);
  };
  const targets = rekey('targets', seed.targets);
  const credentials = rekey('credentials', seed.credentials);
  const proxies = rekey('proxies', seed.proxies);
  fresh.set(mockClient!.clientId, clients[0]!.clientId);
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return fresh.get(value) ?? value;
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, swap(item)]));
    return value;
  };
  preexisting.set(
    'clients',
    clients.map((client) => client.clientId),
  );
  return {
    seed: { clients: structuredClone([...clients]), ...(swap({ targets, credentials, proxies }) as Omit<SeedAccount, 'clients'>) },
    preexisting,
  };
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

/** A stand-in of the real API, the requests it received, its account, and the ids the account held before any run. */
export function standInApi(options: StandInOptions): {
  handler: RequestListener;
  requests: SeenRequest[];
  state: ReturnType<typeof createAccountState>;
  preexisting: Map<string, string[]>;
  /** What the account holds at `path` now (a GET with the account's own token, not recorded). */
  read(path: string): unknown;
} {
  const requests: SeenRequest[] = [];
  const account = standInAccount(options.clients);
  const state = createAccountState(account.seed);
  const tokens = {
    valid: new Set([options.tokens.user]),
    revoked: new Set(options.tokens.revoked ? [options.tokens.revoked] : []),
    forbidden: new Set(options.tokens.forbidden ? [options.tokens.forbidden] : []),
  };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
      const agent = req.headers['user-agent'];
      const target = splitTarget(req.url ?? '');
      const seen: SeenRequest = {
        method: req.method ?? '',
        path: target.path,
        authorization,
        probe: agent === PROBE_USER_AGENT,
        sender: agent === PROBE_USER_AGENT ? 'probe' : agent === SETUP_USER_AGENT ? 'setup' : 'program',
      };
      requests.push(seen);
      const bytes = Buffer.concat(chunks);
      const rawHeaders: Array<[string, string]> = [];
      if (authorization !== null) rawHeaders.push(['Authorization', authorization]);
      if (typeof req.headers['content-type'] === 'string') rawHeaders.push(['Content-Type', req.headers['content-type']]);
      // `/v2/...` is where the redirect drift moves the API; it answers there as before.
      const decided = decideAnswer(
        {
          method: seen.method,
          path: seen.path.replace(/^\/v2\//, '/'),
          query: target.query,
          rawHeaders,
          body: bytes.length ? { kind: 'complete', bytes, received: bytes.length } : { kind: 'none' },
        },
        tokens,
        state,
      );
      const faithful = json(decided.status, decided.body);
      const answer = options.drift ? options.drift(faithful, seen) : faithful;
      seen.status = answer.status;
      res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
      res.end(answer.body);
    });
  };
  const read = (path: string): unknown =>
    decideAnswer(
      { method: 'GET', path, query: '', rawHeaders: [['Authorization', options.tokens.user]], body: { kind: 'none' } },
      tokens,
      state,
    ).body;
  return { handler, requests, state, preexisting: account.preexisting, read };
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
  /** The 200 body of a list of clients gains a field and loses `message`. */
  changedShape: (answer: StandInAnswer): StandInAnswer => {
    if (answer.status !== 200 || !answer.body.includes('"clients"')) return answer;
    const { clients } = JSON.parse(answer.body) as { clients: unknown[] };
    return json(200, { clients, nextPage: null });
  },
  /** A 401 body that quotes the token it refused. */
  echoesToken: (answer: StandInAnswer, request: SeenRequest): StandInAnswer =>
    answer.status === 401
      ? json(401, { error: 'Unauthorized', message: `Unknown token ${request.authorization ?? '(none)'}`, status: 401 })
      : answer,
} as const;
