// The mock's one-line descriptions: what each TLS failure most likely means, and log lines that
// never show a token, wherever a client put it.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { describeRequest, describeTlsFailure, maskLogLine } from '../../scripts/mock/describe.ts';
import type { RecordedRequest } from '../../scripts/mock/types.ts';
import { scanText } from '../../scripts/secrets/stream-scan.ts';

const TOKEN = 'u-MockLogOnly0123456789abcdefghijK';

describe('describeTlsFailure', () => {
  test.for([
    [
      { stage: 'handshake', message: 'tlsv1 alert unknown ca', code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA' },
      /does the client trust the throwaway CA/,
    ],
    [
      { stage: 'after-handshake', message: 'the client hung up after the TLS handshake without sending a request', code: null },
      /does the client trust/,
    ],
    [
      { stage: 'handshake', message: 'wrong version number', code: 'ERR_SSL_WRONG_VERSION_NUMBER' },
      /^not TLS: .*bytes that are not a TLS handshake/,
    ],
    [{ stage: 'handshake', message: 'http request', code: 'ERR_SSL_HTTP_REQUEST' }, /^not TLS: /],
    [
      {
        stage: 'not-http',
        message: 'the client sent bytes that are not an HTTP request inside the TLS connection',
        code: 'HPE_INVALID_METHOD',
      },
      /^not HTTP inside TLS: .*\(HPE_INVALID_METHOD\)/,
    ],
  ] as const)('describes %j', ([failure, described]) => {
    const line = describeTlsFailure({ servername: 'api.requestrocket.com', ...failure });
    expect(line).toMatch(described);
    if (failure.code?.startsWith('ERR_SSL_WRONG') || failure.stage === 'not-http') expect(line).not.toMatch(/trust/);
  });
});

describe('maskLogLine', () => {
  const request = (path: string): RecordedRequest => ({
    method: 'GET',
    path,
    query: '',
    rawHeaders: [],
    authorization: TOKEN,
    httpVersion: '1.1',
    tlsVersion: 'TLSv1.3',
    servername: 'api.requestrocket.com',
    tunneled: true,
    body: null,
    operation: { unmatched: 'unknown-path' },
    status: 404,
    reason: 'not-found',
    receivedAtMs: 0,
  });

  test.for([
    ['as is in the path', `/api/clients/${TOKEN}`],
    ['percent-encoded in the path', `/api/${[...TOKEN].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('')}`],
    ['base64-encoded in the path', `/api/${Buffer.from(TOKEN).toString('base64url')}`],
    ['upper-cased, an unknown token', `/api/${TOKEN.toUpperCase()}`],
  ] as const)('masks a token %s', ([, path]) => {
    const line = maskLogLine(describeRequest(request(path)), [TOKEN]);
    expect(scanText(line, [TOKEN, TOKEN.toUpperCase()])).toEqual([]);
    expect(line).toMatch(/^GET \/api\/.* 404 not-found {2}Authorization: u-Mo…\(34 chars\)$/);
  });
});
