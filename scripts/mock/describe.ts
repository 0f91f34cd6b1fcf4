// One-line descriptions of what the interceptor saw, for the CLI's log; tokens are always masked.
import { maskToken } from './tokens.ts';
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

/** `TLS handshake failed: tlsv1 alert unknown ca`, with a hint when the client may distrust the CA. */
export function describeTlsFailure(failure: TlsFailure): string {
  const distrust = failure.stage === 'after-handshake' || /unknown ca|bad certificate|certificate unknown/i.test(failure.message);
  const hint = distrust ? ' (does the client trust the throwaway CA? are the CA variables exported?)' : '';
  const stage = failure.stage === 'handshake' ? 'TLS handshake failed' : 'TLS connection unused';
  return `${stage}: ${failure.message}${hint}`;
}
