// Hostile request bodies, sent through the interception proxy as a program would: each gets the
// documented 400, 413 or 415 (never a crash, a hang or an undocumented answer), the mock holds no
// more than its limit of a body, answers the next request on the same and on a new connection,
// and nothing a body says reaches a global prototype.
// vitest project: programs (test/support/projects.ts)
import type tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiValidator } from '../../scripts/api/api-validator.ts';
import { API_FACTS, API_OPERATIONS, CORE_API } from '../../scripts/api/core-api.ts';
import { formatProblems } from '../../scripts/api/validation-messages.ts';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import { startInterceptor } from '../../scripts/mock/interceptor.ts';
import { DEFAULT_BODY_LIMITS } from '../../scripts/mock/request-body.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import type { Interceptor, ThrowawayCa } from '../../scripts/mock/types.ts';
import { readUntilClosed, tlsThroughTunnel, within } from './helpers.ts';

const validator = createApiValidator(CORE_API, API_OPERATIONS);
const trio = randomTokenTrio();
const CLIENT = '550e8400-e29b-41d4-a716-446655440000';
// Short, so that a body that never ends is given up on quickly; only these cases wait for it.
const BODY_MS = 300;

let ca: ThrowawayCa;
let interceptor: Interceptor;
// With the default time for a body, which a 10 MB body needs to be drained under load.
let patient: Interceptor;

beforeAll(async () => {
  ca = await createThrowawayCa({ javaTrustStore: false });
  [interceptor, patient] = await Promise.all([
    startInterceptor({ ca, tokens: toMockTokens(trio), timeouts: { bodyMs: BODY_MS } }),
    startInterceptor({ ca, tokens: toMockTokens(trio) }),
  ]);
});
afterAll(async () => {
  await Promise.all([interceptor?.close(), patient?.close()]);
  await ca?.dispose();
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reads one HTTP/1.1 response (with a Content-Length) off the socket, leaving the socket for the next. */
function readResponse(socket: tls.TLSSocket): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      const length = Number(headers['content-length'] ?? 0);
      if (received.length < end + 4 + length) return;
      socket.off('data', onData);
      socket.off('close', onClose);
      const rest = received.subarray(end + 4 + length);
      if (rest.length > 0) socket.unshift(rest);
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: received.subarray(end + 4, end + 4 + length).toString('utf8') });
    };
    const onClose = (): void =>
      reject(new Error(`Expected a response before the socket closed, got ${JSON.stringify(received.toString('latin1'))}`));
    socket.on('data', onData);
    socket.once('close', onClose);
  });
}

const head = (method: string, path: string, headers: readonly string[]) =>
  [`${method} ${path} HTTP/1.1`, `Host: ${API_FACTS.host}`, `Authorization: ${trio.valid}`, ...headers, '', ''].join('\r\n');

/** A request with a JSON body of exactly these bytes, framed by its true length. */
const withBody = (method: string, path: string, body: Buffer | string, contentType = 'application/json') =>
  Buffer.concat([
    Buffer.from(head(method, path, [`Content-Type: ${contentType}`, `Content-Length: ${Buffer.byteLength(body)}`])),
    Buffer.from(body),
  ]);

const listClients = () => head('GET', '/api/clients', []);

/** The answer is the operation's documented one for `status`, its message (for a 400) saying `message`. */
function expectDocumented(answer: RawResponse, operationId: string, status: number, message?: string | RegExp): void {
  expect(answer.status, answer.body).toBe(status);
  expect(answer.headers['content-type']).toBe('application/json');
  const body = JSON.parse(answer.body) as { message: string };
  expect(formatProblems(validator.validateResponse(operationId, status, body))).toBe('');
  if (message !== undefined) expect(body.message).toMatch(message);
}

/** Sends `request`, expects `check` of its answer, then that the same connection and a new one still answer. */
async function expectAnsweredThenHealthy(
  request: Buffer | string,
  check: (answer: RawResponse) => void,
  through: Interceptor = interceptor,
): Promise<void> {
  const secure = await tlsThroughTunnel(through, ca);
  try {
    secure.write(request);
    check(await within(readResponse(secure), 'the answer to the hostile body'));
    secure.write(listClients());
    expect((await within(readResponse(secure), 'the next answer on the same connection')).status).toBe(200);
  } finally {
    secure.destroy();
  }
  await expectNewConnectionAnswers(through);
}

async function expectNewConnectionAnswers(through: Interceptor = interceptor): Promise<void> {
  const fresh = await tlsThroughTunnel(through, ca);
  try {
    fresh.write(listClients());
    expect((await within(readResponse(fresh), 'an answer on a new connection')).status).toBe(200);
  } finally {
    fresh.destroy();
  }
}

function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const name of ['polluted', 'isAdmin', 'key']) {
    expect(probe[name]).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>)[name]).toBeUndefined();
  }
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

describe('a body nested 10,000 deep', () => {
  test.each([
    ['lists', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['objects that never close', '{"a":'.repeat(10_000)],
  ])('of %s is a 400 before it is parsed', async (_, body) => {
    await expectAnsweredThenHealthy(withBody('POST', '/api/clients', body), (answer) =>
      expectDocumented(answer, 'createClient', 400, 'body: must not nest deeper than 32 levels'),
    );
  });
});

describe('a 10 MB body', () => {
  const tenMegabytes = `{"clientName":"${'x'.repeat(10 * 1024 * 1024)}"}`;

  test('announced by its Content-Length is a 413, answered before it all arrives and drained after', async () => {
    const before = patient.requests.length;
    await expectAnsweredThenHealthy(
      withBody('POST', '/api/clients', tenMegabytes),
      (answer) => expectDocumented(answer, 'createClient', 413),
      patient,
    );
    const recorded = patient.requests[before]!;
    expect(recorded.body).toMatchObject({ truncated: true });
    expect(recorded.body!.text.length).toBeLessThanOrEqual(DEFAULT_BODY_LIMITS.maxBytes);
    expect(recorded).toMatchObject({ status: 413, reason: 'payload-too-large', operation: { operationId: 'createClient' } });
  });

  test('sent in chunks is a 413 once it passes the limit, and the record holds the limit at most', async () => {
    const chunk = 'x'.repeat(1024 * 1024);
    const chunks = Array.from({ length: 10 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const request =
      head('PUT', `/api/clients/${CLIENT}`, ['Content-Type: application/json', 'Transfer-Encoding: chunked']) + chunks + '0\r\n\r\n';
    const before = patient.requests.length;
    await expectAnsweredThenHealthy(request, (answer) => expectDocumented(answer, 'updateClient', 413), patient);
    expect(patient.requests[before]!.body!.text.length).toBe(DEFAULT_BODY_LIMITS.maxBytes);
  });
});

describe('bytes that are not what they claim', () => {
  test('invalid UTF-8 is a 400', async () => {
    const body = Buffer.concat([Buffer.from('{"clientName":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    const before = interceptor.requests.length;
    await expectAnsweredThenHealthy(withBody('POST', '/api/clients', body), (answer) =>
      expectDocumented(answer, 'createClient', 400, 'body: must be UTF-8 text'),
    );
    // Recorded exactly as it arrived: as base64, since it is no text.
    expect(interceptor.requests[before]!.body).toEqual({
      text: body.toString('base64'),
      encoding: 'base64',
      bytes: body.length,
      truncated: false,
    });
  });

  test.each([
    ['the same key twice', '{"clientName":"a","clientName":"b"}', 'clientName: must be given once'],
    ['the same key, escaped the second time', '{"clientName":"a","client\\u004eame":"b"}', 'clientName: must be given once'],
    [
      'the same key twice, nested',
      '{"credentialType":"proxy","credentialSecret":{"key":"a","key":"b"}}',
      'credentialSecret.key: must be given once',
    ],
  ])('%s is a 400 naming it', async (_, body, message) => {
    await expectAnsweredThenHealthy(withBody('POST', `/api/clients/${CLIENT}/credentials`, body), (answer) =>
      expectDocumented(answer, 'createCredential', 400, message),
    );
  });

  test('JSON that is not JSON is a 400', async () => {
    await expectAnsweredThenHealthy(withBody('POST', '/api/clients', '{"clientName": "a",}'), (answer) =>
      expectDocumented(answer, 'createClient', 400, 'body: must be valid JSON'),
    );
  });
});

describe('__proto__ and constructor', () => {
  test.each([
    ['POST', '/api/clients', 'createClient', '{"clientName":"a","__proto__":{"polluted":"yes"}}', /^__proto__: unknown field/],
    [
      'POST',
      '/api/clients',
      'createClient',
      '{"constructor":{"prototype":{"polluted":"yes"}},"clientName":"a"}',
      /^constructor: unknown field/,
    ],
    ['PUT', `/api/clients/${CLIENT}`, 'updateClient', '{"__proto__":{"isAdmin":true}}', /^__proto__: unknown field/],
    [
      'POST',
      `/api/clients/${CLIENT}/credentials`,
      'createCredential',
      '{"credentialType":"proxy","credentialAuthType":"apiKey","credentialName":"a","credentialRegion":"us-east-1","credentialSecret":{"__proto__":{"polluted":"yes"}}}',
      'credentialSecret.__proto__: must be a string',
    ],
  ])('%s %s with %s is a 400 and pollutes nothing', async (method, path, operationId, body, message) => {
    await expectAnsweredThenHealthy(withBody(method, path, body), (answer) => expectDocumented(answer, operationId, 400, message));
    expectNoPollution();
  });

  test('as names inside a secret, they are kept as names and pollute nothing', async () => {
    const body =
      '{"credentialType":"proxy","credentialAuthType":"apiKey","credentialName":"a","credentialRegion":"us-east-1","credentialSecret":{"__proto__":"x","constructor":"y"}}';
    await expectAnsweredThenHealthy(withBody('POST', `/api/clients/${CLIENT}/credentials`, body), (answer) =>
      expectDocumented(answer, 'createCredential', 201),
    );
    expectNoPollution();
  });
});

describe('the wrong content type', () => {
  test.each([
    ['text/plain', 'text/plain'],
    ['form-encoded', 'application/x-www-form-urlencoded'],
  ])('%s is a 415', async (_, contentType) => {
    await expectAnsweredThenHealthy(withBody('POST', '/api/clients', '{"clientName":"a"}', contentType), (answer) =>
      expectDocumented(answer, 'createClient', 415, 'Send the request body as application/json'),
    );
  });

  test('none at all, with a body, is a 415', async () => {
    const request = head('POST', '/api/clients', ['Content-Length: 18']) + '{"clientName":"a"}';
    await expectAnsweredThenHealthy(request, (answer) => expectDocumented(answer, 'createClient', 415));
  });
});

describe('a Content-Length that lies', () => {
  test('shorter than the body: the part it counts is a 400, the rest is no request, and a new connection is served', async () => {
    const secure = await tlsThroughTunnel(interceptor, ca);
    const closed = readUntilClosed(secure);
    secure.write(head('POST', '/api/clients', ['Content-Type: application/json', 'Content-Length: 5']) + '{"clientName":"a"}');
    const received = await within(closed, 'the connection to be closed after the stray bytes');
    const answers = received.split(/(?=HTTP\/1\.1 \d{3} )/);
    const bodyOf = (answer: string | undefined) => JSON.parse(answer!.slice(answer!.indexOf('\r\n\r\n') + 4)) as unknown;
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answers[0])).toEqual({ error: 'Bad Request', message: 'body: must be valid JSON', status: 400 });
    expect(answers[1]).toMatch(/^HTTP\/1\.1 400 Bad Request\r\nConnection: close\r\n/);
    expect(bodyOf(answers[1])).toEqual({
      error: 'Bad Request',
      message: 'request: must be an HTTP/1.1 request (HPE_INVALID_METHOD)',
      status: 400,
    });
    await expectNewConnectionAnswers();
  });

  test('longer than the body: a 400 once the body stops arriving, the connection closed, a new one served', async () => {
    const secure = await tlsThroughTunnel(interceptor, ca);
    const before = interceptor.requests.length;
    secure.write(head('POST', '/api/clients', ['Content-Type: application/json', 'Content-Length: 100']) + '{"clientName":"a"}');
    const answer = await within(readResponse(secure), 'the answer to a body that stopped short');
    expectDocumented(answer, 'createClient', 400, 'body: must arrive in full (it stopped short of its length)');
    expect(answer.headers.connection).toBe('close');
    await within(readUntilClosed(secure), 'the connection to be closed');
    expect(interceptor.requests[before]!.body).toEqual({ text: '{"clientName":"a"}', encoding: 'utf8', bytes: 18, truncated: true });
    await expectNewConnectionAnswers();
  });

  test('a chunked body that never ends: a 400 once it stops arriving, the connection closed, a new one served', async () => {
    const secure = await tlsThroughTunnel(interceptor, ca);
    secure.write(head('POST', '/api/clients', ['Content-Type: application/json', 'Transfer-Encoding: chunked']) + '5\r\n{"cli\r\n');
    const answer = await within(readResponse(secure), 'the answer to a chunked body without end');
    expectDocumented(answer, 'createClient', 400, /^body: must arrive in full/);
    await within(readUntilClosed(secure), 'the connection to be closed');
    await expectNewConnectionAnswers();
  });
});
