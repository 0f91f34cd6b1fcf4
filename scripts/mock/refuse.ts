// How the interception proxy says no: a short plain-text answer, then the connection is closed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { API_FACTS } from '../api/core-api.ts';
import { API_PORT, plainRequestTarget } from './target.ts';
import type { EgressAttempt, InterceptorTimeouts } from './types.ts';

/** Answers a plain-HTTP request sent to the proxy with 403, recording where it was going. */
export function refusePlainHttp(req: IncomingMessage, res: ServerResponse, recordEgress: (attempt: EgressAttempt) => void): void {
  req.resume();
  const target = plainRequestTarget(req);
  const reason = target.host === API_FACTS.host ? 'not-https' : 'other-host';
  recordEgress({ kind: 'http', host: target.host, port: target.port, reason });
  const body = `Refused: this proxy only tunnels HTTPS to ${API_FACTS.host}:${API_PORT}; got plain HTTP for ${target.host}:${target.port}\n`;
  res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
  res.end(body);
}

/** Answers a CONNECT the proxy will not tunnel, then closes the socket. */
export function refuseSocket(socket: Socket, status: 400 | 403, message: string, timeouts: Pick<InterceptorTimeouts, 'headersMs'>): void {
  const body = `${message}\n`;
  const reasonPhrase = status === 400 ? 'Bad Request' : 'Forbidden';
  socket.end(
    `HTTP/1.1 ${status} ${reasonPhrase}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  // Not destroyed at once, so that the client reads the answer; but one that never hangs up is cut off.
  socket.setTimeout(timeouts.headersMs, () => socket.destroy());
  socket.once('finish', () => setTimeout(() => socket.destroy(), timeouts.headersMs).unref());
}
