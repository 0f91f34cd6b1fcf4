// One-line descriptions of what the interceptor saw, for the CLI's log; tokens are always masked.
import { API_FACTS } from '../api/core-api.ts';
import { maskAllForms } from '../secrets/mask.ts';
import { TOKEN_SHAPE } from '../secrets/scan.ts';
import { maskToken } from '../secrets/mask.ts';
import type { EgressAttempt, TlsFailure, RecordedRequest } from './types.ts';

/** `GET /api/clients?… 200 ok  Authorization: u-ab…(34 chars)`. */
export function describeRequest(request: RecordedRequest): string {
  const query = request.query === '' ? '' : '?…';
  return `${request.method} ${request.path}${query} ${request.status} ${request.reason}  Authorization: ${maskToken(request.authorization)}`;
}

/** `refused CONNECT example.com:443 (other-host)`. */
export function describeEgress(attempt: EgressAttempt): string {
  const what = { connect: 'CONNECT', http: 'plain HTTP to', tls: 'TLS server name' }[attempt.kind];
  const where = attempt.kind === 'tls' ? JSON.stringify(attempt.host) : `${attempt.host}:${attempt.port}`;
  return `refused ${what} ${where} (${attempt.reason})`;
}

// OpenSSL's words for a first record that is no TLS at all (plain HTTP or other bytes in the tunnel).
const NOT_TLS_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_HTTP_REQUEST',
  'ERR_SSL_HTTPS_PROXY_REQUEST',
  'ERR_SSL_UNKNOWN_PROTOCOL',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_RECORD_LAYER_FAILURE',
]);

/** `TLS handshake failed: tlsv1 alert unknown ca`, with a hint when the client may distrust the CA, or sent no TLS or no HTTP. */
export function describeTlsFailure(failure: TlsFailure): string {
  if (failure.stage === 'not-http')
    return `not HTTP inside TLS: ${failure.message} (${failure.code ?? 'parse error'}); the client must send an HTTP/1.1 request`;
  if (failure.code !== null && NOT_TLS_CODES.has(failure.code)) {
    return `not TLS: the client sent bytes that are not a TLS handshake into the tunnel (${failure.message}); it must speak TLS to https://${API_FACTS.host}`;
  }
  const distrust = failure.stage === 'after-handshake' || /unknown ca|bad certificate|certificate unknown/i.test(failure.message);
  const hint = distrust ? ' (does the client trust the throwaway CA? are the CA variables exported?)' : '';
  const stage = failure.stage === 'handshake' ? 'TLS handshake failed' : 'TLS connection unused';
  return `${stage}: ${failure.message}${hint}`;
}

/** A log line with the mock's tokens masked in every form, and any other token-shaped string masked too. */
export function maskLogLine(line: string, tokens: readonly string[]): string {
  return maskAllForms(line, tokens).replace(TOKEN_SHAPE, (token) => maskToken(token));
}
