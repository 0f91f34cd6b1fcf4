// Terminates a CONNECT tunnel to the API host in-process: a TLS server side with the leaf (ALPN
// http/1.1 only), that accepts only the API host's server name, then hands the decrypted
// connection to the mock's HTTP server.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';
import { API_HOST } from '../api/contract.ts';
import { createDeadline, type Deadline } from './deadline.ts';
import type { SocketTracker } from './sockets.ts';
import { API_PORT } from './target.ts';
import type { EgressAttempt, HandshakeFailure, InterceptorTimeouts } from './types.ts';

/** What terminating a tunnel needs from the interceptor that owns it. */
export interface TunnelContext {
  secureContext: SecureContext;
  /** The mock's HTTP server; never listening, it is fed connections with `emit('connection')`. */
  server: Server;
  tracker: SocketTracker;
  timeouts: InterceptorTimeouts;
  recordEgress: (attempt: EgressAttempt) => void;
  recordHandshakeFailure: (failure: HandshakeFailure) => void;
}

const deadlines = new WeakMap<object, Deadline>();

/** Re-arms the socket's "next request head" deadline once a response is sent, and clears it meanwhile. */
export function watchRequestDeadline(server: Server): void {
  server.on('request', (req, res) => {
    const deadline = deadlines.get(req.socket);
    deadline?.clear();
    res.once('finish', () => deadline?.arm());
  });
}

/** Runs TLS over an accepted CONNECT socket; `head` is whatever the client sent after the CONNECT. */
export function terminateTunnel(socket: Socket, head: Buffer, context: TunnelContext): void {
  if (head.length > 0) socket.unshift(head);
  let refusedName = false;
  let secured = false;
  const tlsSocket = new TLSSocket(socket, {
    isServer: true,
    secureContext: context.secureContext,
    ALPNProtocols: ['http/1.1'],
    SNICallback: (servername, callback) => {
      if (servername.toLowerCase() === API_HOST) return callback(null, context.secureContext);
      refusedName = true;
      context.recordEgress({ kind: 'tls', host: servername, port: API_PORT, reason: 'wrong-sni' });
      callback(new Error(`Expected the TLS server name ${API_HOST}, got ${servername}`));
    },
  });
  context.tracker.add(tlsSocket);
  // A silent client, or one that trickles its request head, is cut off.
  const deadline = createDeadline(context.timeouts.headersMs, () => tlsSocket.destroy());
  deadlines.set(tlsSocket, deadline);
  deadline.arm();
  socket.setTimeout(context.timeouts.idleMs, () => socket.destroy());
  tlsSocket.once('close', () => deadline.clear());
  tlsSocket.on('error', (error: Error & { reason?: unknown; code?: unknown }) => {
    // A refused server name is already recorded as egress; any other handshake error is kept.
    if (!secured && !refusedName) {
      const message = typeof error.reason === 'string' ? error.reason : error.message;
      const code = typeof error.code === 'string' ? error.code : null;
      context.recordHandshakeFailure({ servername: nameOf(tlsSocket), message, code });
    }
    tlsSocket.destroy();
  });
  tlsSocket.once('secure', () => {
    secured = true;
    if (nameOf(tlsSocket) === null) {
      context.recordEgress({ kind: 'tls', host: '', port: API_PORT, reason: 'no-sni' });
      tlsSocket.destroy();
      return;
    }
    context.server.emit('connection', tlsSocket);
  });
}

function nameOf(tlsSocket: TLSSocket): string | null {
  return typeof tlsSocket.servername === 'string' && tlsSocket.servername !== '' ? tlsSocket.servername : null;
}
