// Terminates a CONNECT tunnel to the API host in-process: a TLS server side with the leaf (ALPN
// http/1.1 only), that accepts only the API host's server name, then hands the decrypted
// connection to the mock's HTTP server.
import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';
import { API_FACTS, documentedError, formatBody } from '../api/core-api.ts';
import { createDeadline, type Deadline } from './deadline.ts';
import { resetConnection } from './faults.ts';
import type { SocketTracker } from './sockets.ts';
import { API_PORT } from './target.ts';
import type { EgressAttempt, InterceptorTimeouts, TlsFailure } from './types.ts';

/** What terminating a tunnel needs from the interceptor that owns it. */
export interface TunnelContext {
  secureContext: SecureContext;
  /** The mock's HTTP server; never listening, it is fed connections with `emit('connection')`. */
  server: Server;
  tracker: SocketTracker;
  timeouts: InterceptorTimeouts;
  recordEgress: (attempt: EgressAttempt) => void;
  recordTlsFailure: (failure: TlsFailure) => void;
  /** Reset the connection as soon as the handshake is done, before any request (a broken network). */
  resetAfterHandshake?: boolean;
}

// Per decrypted connection: its "next request head" deadline, how many requests it carried, the
// answer being sent (if any), and the HTTP parser's error code when the client sent something that
// is not HTTP.
interface TunnelState {
  deadline: Deadline;
  requests: number;
  answering?: ServerResponse;
  clientError?: boolean;
  notHttp?: string;
}

const states = new WeakMap<object, TunnelState>();

/**
 * Counts each tunnel's requests, holds its deadline off while a request is being answered, and
 * notes bytes that are not HTTP, answering them as Node would (400, or 431/413/408), after the
 * answer to the request before them (a body shorter than its Content-Length leaves such bytes).
 */
export function watchTunnelRequests(server: Server): void {
  server.on('request', (req, res) => {
    const state = states.get(req.socket);
    if (state === undefined) return;
    state.requests += 1;
    state.deadline.clear();
    state.answering = res;
    res.once('finish', () => {
      state.answering = undefined;
      state.deadline.arm();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const state = states.get(socket);
    if (state?.clientError) return;
    if (state) state.clientError = true;
    const code = error.code ?? 'unknown';
    if (state && code.startsWith('HPE_') && code !== 'HPE_HEADER_OVERFLOW') state.notHttp = code;
    const status = CLIENT_ERROR_STATUS[code] ?? 400;
    const answer = (): void => {
      if (socket.writable) socket.write(clientErrorAnswer(status, code));
      socket.destroy();
    };
    if (state?.answering && !state.answering.writableFinished) state.answering.once('close', answer);
    else answer();
  });
}

/** The answer to bytes that are no request: the API's error body for 400 and 413, as Node words the others. */
function clientErrorAnswer(status: number, code: string): string {
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n`;
  if (status !== 400 && status !== 413) return `${head}\r\n`;
  const documented = documentedError(status).body;
  const body = formatBody(status === 400 ? { ...documented, message: `request: must be an HTTP/1.1 request (${code})` } : documented);
  return `${head}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

// Node's own answers to a client error (what it sends when no 'clientError' listener is set).
const CLIENT_ERROR_STATUS: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** Runs TLS over an accepted CONNECT socket; `head` is whatever the client sent after the CONNECT. */
export function terminateTunnel(socket: Socket, head: Buffer, context: TunnelContext): void {
  if (head.length > 0) socket.unshift(head);
  let refusedName = false;
  let secured = false;
  let cutOff = false; // closed by us, not by the client
  const tlsSocket = new TLSSocket(socket, {
    isServer: true,
    secureContext: context.secureContext,
    ALPNProtocols: ['http/1.1'],
    SNICallback: (servername, callback) => {
      if (servername.toLowerCase() === API_FACTS.host) return callback(null, context.secureContext);
      refusedName = true;
      context.recordEgress({ kind: 'tls', host: servername, port: API_PORT, reason: 'wrong-sni' });
      callback(new Error(`Expected the TLS server name ${API_FACTS.host}, got ${servername}`));
    },
  });
  context.tracker.add(tlsSocket);
  const cutOffNow = (): void => {
    cutOff = true;
    tlsSocket.destroy();
  };
  // A silent client, or one that trickles its request head, is cut off.
  const state: TunnelState = { deadline: createDeadline(context.timeouts.headersMs, cutOffNow), requests: 0 };
  states.set(tlsSocket, state);
  state.deadline.arm();
  socket.setTimeout(context.timeouts.idleMs, cutOffNow);

  let failed = false;
  const recordFailure = (stage: TlsFailure['stage'], message: string, code: string | null): void => {
    // A refused server name is already egress; sockets we cut off or close ourselves are no failure.
    if (failed || refusedName || cutOff || context.tracker.closed) return;
    failed = true;
    context.recordTlsFailure({ stage, servername: nameOf(tlsSocket), message, code });
  };
  tlsSocket.on('error', (error: Error & { reason?: unknown; code?: unknown }) => {
    if (!secured) {
      const message = typeof error.reason === 'string' ? error.reason : error.message;
      recordFailure('handshake', message, typeof error.code === 'string' ? error.code : null);
    }
    tlsSocket.destroy();
  });
  tlsSocket.once('secure', () => {
    secured = true;
    if (nameOf(tlsSocket) === null) {
      context.recordEgress({ kind: 'tls', host: '', port: API_PORT, reason: 'no-sni' });
      cutOffNow();
      return;
    }
    if (context.resetAfterHandshake) {
      cutOff = true;
      resetConnection(socket);
      return;
    }
    context.server.emit('connection', tlsSocket);
  });
  // A client that hangs up mid-handshake leaves the TLS side waiting; do not wait with it.
  tlsSocket.once('end', () => {
    if (!secured) tlsSocket.destroy();
  });
  tlsSocket.once('close', () => {
    state.deadline.clear();
    if (!secured) recordFailure('handshake', 'the client hung up during the TLS handshake', null);
    else if (state.notHttp)
      recordFailure('not-http', 'the client sent bytes that are not an HTTP request inside the TLS connection', state.notHttp);
    else if (state.requests === 0)
      recordFailure('after-handshake', 'the client hung up after the TLS handshake without sending a request', null);
  });
}

function nameOf(tlsSocket: TLSSocket): string | null {
  return typeof tlsSocket.servername === 'string' && tlsSocket.servername !== '' ? tlsSocket.servername : null;
}
