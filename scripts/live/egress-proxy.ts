// A live run's only way out for a program: a CONNECT proxy that lets through a tunnel to
// api.requestrocket.com:443 alone and splices its bytes to the real API without reading them (TLS
// stays between the program and the API), and refuses everything else. Every connection it is
// handed is recorded, allowed or not.
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { API_FACTS } from '../api/core-api.ts';
import { describeEgress } from '../mock/describe.ts';
import { DEFAULT_TIMEOUTS } from '../mock/interceptor.ts';
import { refusePlainHttp, refuseSocket } from '../mock/refuse.ts';
import { SocketTracker } from '../mock/sockets.ts';
import { API_PORT, connectRefusal, isApiTarget, parseAuthority, type Target } from '../mock/target.ts';
import type { EgressAttempt } from '../mock/types.ts';

/** Where the proxy sends the API's tunnels, and how long a silent connection may stay open. */
export interface EgressProxyOptions {
  /** Tests only: where a tunnel to api.requestrocket.com:443 is spliced instead (a stand-in of the API on 127.0.0.1). */
  upstream?: Target;
  timeouts?: { headersMs: number; idleMs: number };
}

/** A running egress proxy and what it saw. */
export interface EgressProxy {
  /** `http://127.0.0.1:PORT`, for the proxy variables of a program. */
  proxyUrl: string;
  port: number;
  /** Every connection refused, as the mock's interceptor records them (the egress check reads them). */
  egress: EgressAttempt[];
  /** One line per connection, allowed or refused, in order (its bytes each way once it has closed). */
  connections(): string[];
  /** Serves a connection that arrived another way (a sandbox's Unix socket) as if it came to the port. */
  accept(socket: Duplex): void;
  /** Stops listening and ends every connection; safe to call twice. */
  close(): Promise<void>;
}

/** A tunnel to the API: how it went and how many bytes went each way. */
interface Tunnel {
  state: 'opening' | 'spliced' | 'failed';
  sent: number;
  received: number;
  error?: string;
}

/** One connection's line in the report. */
function describeTunnel(tunnel: Tunnel): string {
  const what = `CONNECT ${API_FACTS.host}:${API_PORT}`;
  if (tunnel.state === 'failed') return `${what}: the API could not be reached (${tunnel.error ?? 'unknown error'})`;
  return `${what}: spliced to the API (${tunnel.sent} bytes sent, ${tunnel.received} received)`;
}

/** Starts an egress proxy on 127.0.0.1 (port chosen by the OS). */
export async function startEgressProxy(options: EgressProxyOptions = {}): Promise<EgressProxy> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const destination = options.upstream ?? { host: API_FACTS.host, port: API_PORT };
  const egress: EgressAttempt[] = [];
  // Each connection in order: a refused one as its line, a tunnel as its record (its bytes are known at the end).
  const seen: Array<string | Tunnel> = [];
  const refused = (attempt: EgressAttempt): void => {
    egress.push(attempt);
    seen.push(describeEgress(attempt));
  };
  const tracker = new SocketTracker();
  const proxy = http.createServer({ headersTimeout: timeouts.headersMs, requestTimeout: timeouts.headersMs * 2 }, (req, res) =>
    refusePlainHttp(req, res, refused),
  );
  proxy.timeout = timeouts.idleMs;
  proxy.on('connection', (socket: net.Socket) => tracker.add(socket));
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    client.on('error', () => client.destroy());
    const target = parseAuthority(req.url ?? '');
    if (target === null) {
      refused({ kind: 'connect', host: req.url ?? '', port: 0, reason: 'other-host' });
      refuseSocket(client, 400, `Expected a CONNECT target like host:443, got ${JSON.stringify(req.url)}`, timeouts);
      return;
    }
    if (!isApiTarget(target)) {
      refused({ kind: 'connect', host: target.host, port: target.port, reason: connectRefusal(target) });
      refuseSocket(
        client,
        403,
        `Refused: only ${API_FACTS.host}:${API_PORT} is reachable through this proxy, not ${target.host}:${target.port}`,
        timeouts,
      );
      return;
    }
    const tunnel: Tunnel = { state: 'opening', sent: 0, received: 0 };
    seen.push(tunnel);
    splice(client, head, tunnel);
  });

  /** Opens the connection to the API and copies bytes both ways until either side closes. */
  function splice(client: net.Socket, head: Buffer, tunnel: Tunnel): void {
    const api = net.connect({ host: destination.host, port: destination.port });
    tracker.add(api);
    const end = () => {
      client.destroy();
      api.destroy();
    };
    api.once('connect', () => {
      tunnel.state = 'spliced';
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) client.unshift(head);
      client.on('data', (chunk: Buffer) => {
        tunnel.sent += chunk.length;
      });
      api.on('data', (chunk: Buffer) => {
        tunnel.received += chunk.length;
      });
      client.pipe(api);
      api.pipe(client);
    });
    api.on('error', (error: NodeJS.ErrnoException) => {
      if (tunnel.state === 'opening') {
        tunnel.state = 'failed';
        tunnel.error = error.code ?? error.message;
        if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
      api.destroy();
    });
    client.once('close', end);
    api.once('close', () => (tunnel.state === 'failed' ? undefined : end()));
    client.setTimeout(timeouts.idleMs, end);
  }

  const port = await new Promise<number>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => {
      proxy.off('error', reject);
      resolve((proxy.address() as net.AddressInfo).port);
    });
  });
  let closing: Promise<void> | undefined;
  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    port,
    egress,
    connections: () => seen.map((entry) => (typeof entry === 'string' ? entry : describeTunnel(entry))),
    accept(socket) {
      proxy.emit('connection', socket);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        tracker.destroyAll();
      });
      return closing;
    },
  };
}
