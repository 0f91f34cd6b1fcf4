// Small raw-socket clients for the mock tests: a CONNECT tunnel, TLS over it, one HTTP request
// over that, and waiting for a socket to be closed by the other side.
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { maskToken } from '../../scripts/secrets/mask.ts';
import type { Interceptor, ThrowawayCa } from '../../scripts/mock/types.ts';

/** Safety net for anything the tests wait for; never a timing assertion. */
export const SAFETY_MS = 10_000;

/** Rejects when `promise` has not settled within `ms` (a safety net, so a hang fails instead of stalling). */
export async function within<T>(promise: Promise<T>, what: string, ms = SAFETY_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Expected ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once `condition` holds, checking after each turn of the event loop (wrap it in `within`). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** Connects to 127.0.0.1:port. */
export function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the peer sends until it closes the socket (errors such as resets count as closing). */
export function readUntilClosed(socket: net.Socket | tls.TLSSocket): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    if (socket.destroyed) resolve(received);
    else socket.once('close', () => resolve(received));
  });
}

/** Sends a CONNECT and reads the proxy's answer head; the socket is left open for the tunnel. */
export async function openTunnel(port: number, authority = `${API_FACTS.host}:443`): Promise<{ socket: net.Socket; status: number }> {
  const socket = await connect(port);
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);
  const head = await new Promise<string>((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer): void => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      socket.pause();
      const rest = Buffer.from(received.slice(end + 4), 'latin1');
      if (rest.length > 0) socket.unshift(rest);
      resolve(received.slice(0, end));
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`Expected an answer to CONNECT ${authority}, got ${JSON.stringify(received)}`)));
  });
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
  return { socket, status };
}

/** TLS options a test client uses inside a tunnel; `ca` trusts the throwaway CA. */
export interface TunnelTlsOptions {
  servername?: string;
  ca?: string;
  ALPNProtocols?: string[];
}

/** A TLS connection to the API host through a fresh CONNECT tunnel. */
export async function tlsThroughTunnel(interceptor: Interceptor, ca: ThrowawayCa, options: TunnelTlsOptions = {}): Promise<tls.TLSSocket> {
  const { socket, status } = await openTunnel(interceptor.port);
  if (status !== 200) throw new Error(`Expected CONNECT to be answered 200, got ${status}`);
  return new Promise((resolve, reject) => {
    const secure = tls.connect({ socket, servername: API_FACTS.host, ca: ca.caCertPem, ALPNProtocols: ['http/1.1'], ...options }, () =>
      resolve(secure),
    );
    secure.once('error', reject);
  });
}

/** A response as the test client saw it. */
export interface SeenResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends one request (and its body, if any) over an established socket, with header names exactly as given. */
export function requestOver(
  socket: net.Socket | tls.TLSSocket,
  options: { method?: string; path?: string; headers?: Array<[string, string]>; body?: string | Buffer } = {},
): Promise<SeenResponse> {
  return new Promise((resolve, reject) => {
    const headers: Array<[string, string]> = [['Host', API_FACTS.host], ...(options.headers ?? [])];
    const request = http.request({
      method: options.method ?? 'GET',
      path: options.path ?? '/api/clients',
      setHost: false,
      headers: headers.flat(),
      createConnection: () => socket,
    });
    request.once('error', reject);
    request.once('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.end(options.body);
  });
}

/** Resolves with everything received once `pattern` matches it (the socket stays open). */
export function readUntil(socket: net.Socket | tls.TLSSocket, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer): void => {
      received += chunk.toString('latin1');
      if (!pattern.test(received)) return;
      socket.off('data', onData);
      resolve(received);
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`Expected ${pattern} before the socket closed, got ${JSON.stringify(received)}`)));
  });
}

/** One GET /api/clients through a fresh tunnel with the given Authorization (none when null). */
export async function getClients(interceptor: Interceptor, ca: ThrowawayCa, authorization: string | null): Promise<SeenResponse> {
  const secure = await tlsThroughTunnel(interceptor, ca);
  try {
    return await requestOver(secure, { headers: authorization === null ? [] : [['Authorization', authorization]] });
  } finally {
    secure.destroy();
  }
}

/** Fails with masked values when a recorded Authorization is not exactly the token (never prints it). */
export function expectSameToken(actual: string | null | undefined, expected: string): void {
  if (actual !== expected) {
    throw new Error(`Expected the recorded Authorization to be exactly ${maskToken(expected)}, got ${maskToken(actual)}`);
  }
}

/** Skips a test whose tool is missing, naming it; under CI=true a missing tool fails instead. */
export function requireTool(context: { skip: (note: string) => never }, missing: string | null): void {
  if (missing === null) return;
  if (process.env.CI === 'true') throw new Error(`${missing}, and CI=true requires every client`);
  context.skip(missing);
}
