// The interception proxy: one per test case, listening on 127.0.0.1 (port chosen by the OS). It
// tunnels HTTPS for the API host alone into the mock API, and refuses and records everything else.
import http from 'node:http';
import type { Socket } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import { API_FACTS } from '../api/core-api.ts';
import type { AccountState } from './account-state.ts';
import { createApiHandler } from './api.ts';
import { DEFAULT_BODY_LIMITS } from './request-body.ts';
import { SocketTracker } from './sockets.ts';
import { API_PORT, connectRefusal, isApiTarget, parseAuthority } from './target.ts';
import { terminateTunnel, watchTunnelRequests, type TunnelContext } from './tunnel.ts';
import { refusePlainHttp, refuseSocket } from './refuse.ts';
import { refuseTunnel } from './faults.ts';
import type {
  EgressAttempt,
  Interceptor,
  InterceptorTimeouts,
  MockBehaviour,
  MockTokens,
  RecordedRequest,
  ThrowawayCa,
  TlsFailure,
} from './types.ts';

export type { EgressAttempt, Interceptor, MockTokens, RecordedRequest, ThrowawayCa, TlsFailure } from './types.ts';

/** Timeouts used unless the caller chooses its own: a few seconds, so nothing hangs for long. */
export const DEFAULT_TIMEOUTS: InterceptorTimeouts = Object.freeze({
  headersMs: 5_000,
  idleMs: 10_000,
  bodyMs: DEFAULT_BODY_LIMITS.timeoutMs,
});

/** How to start an interceptor: the run's CA, this case's tokens, and optional timeouts and listeners. */
export interface InterceptorOptions {
  ca: ThrowawayCa;
  tokens: MockTokens;
  timeouts?: Partial<InterceptorTimeouts>;
  /** Called after each request is recorded (the CLI logs them). */
  onRequest?: (request: RecordedRequest) => void;
  /** Called after each refused connection is recorded. */
  onEgress?: (attempt: EgressAttempt) => void;
  /** Called after each TLS connection that failed before carrying a request is recorded. */
  onTlsFailure?: (failure: TlsFailure) => void;
  /** How the proxy and the mock behave (default `api`); see MockBehaviour. */
  behaviour?: MockBehaviour;
  /** The CA whose leaf the proxy shows under `untrusted`: one the client's environment does not trust. */
  untrustedCa?: ThrowawayCa;
  /**
   * Answers the API host's requests instead of the mock API, which then records nothing in
   * `requests` (the live sentinel's tests put a stand-in of the real API here).
   */
  upstream?: http.RequestListener;
  /** The account the mock serves; by default a fresh one, as the description seeds it. */
  state?: AccountState;
}

/** How long a hung connection may stay silent: the client, or closing the interceptor, ends it first. */
const HUNG_IDLE_MS = 10 * 60_000;

const MAX_HEADER_BYTES = 16 * 1024;
const secureContexts = new WeakMap<ThrowawayCa, SecureContext>();

/** Starts an interception proxy on 127.0.0.1; cheap (no process, no openssl), so one per test case. */
export async function startInterceptor(options: InterceptorOptions): Promise<Interceptor> {
  const behaviour = options.behaviour ?? 'api';
  if (behaviour === 'untrusted' && options.untrustedCa === undefined) {
    throw new TypeError('Expected the `untrustedCa` option with `behaviour: "untrusted"`, got `undefined`');
  }
  // A hung request must outlast the client's own timeout, so the mock's idle limit must not end it first.
  const timeouts = resolveTimeouts(behaviour === 'hang' ? { idleMs: HUNG_IDLE_MS, ...options.timeouts } : options.timeouts);
  const requests: RecordedRequest[] = [];
  const egress: EgressAttempt[] = [];
  const tlsFailures: TlsFailure[] = [];
  const recordEgress = (attempt: EgressAttempt): void => {
    egress.push(attempt);
    options.onEgress?.(attempt);
  };
  const tracker = new SocketTracker();
  const serverOptions: http.ServerOptions = {
    maxHeaderSize: MAX_HEADER_BYTES,
    headersTimeout: timeouts.headersMs,
    // Node's own limit on a whole request comes after the mock's on its body, which answers it first.
    requestTimeout: timeouts.headersMs * 2 + timeouts.bodyMs,
    keepAliveTimeout: timeouts.headersMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
  };
  const record = (request: RecordedRequest): void => {
    requests.push(request);
    options.onRequest?.(request);
  };
  const mock = http.createServer(serverOptions);
  mock.timeout = timeouts.idleMs;
  watchTunnelRequests(mock); // before the handler, so it sees each request before it is answered
  const answer = behaviour === 'hang' || behaviour === 'bad-gateway' || behaviour === 'bad-request' ? behaviour : 'api';
  mock.on(
    'request',
    options.upstream ??
      createApiHandler({
        tokens: options.tokens,
        record,
        tunneled: true,
        answer,
        bodyLimits: { timeoutMs: timeouts.bodyMs },
        ...(options.state && { state: options.state }),
      }),
  );
  const tunnel: TunnelContext = {
    secureContext: secureContextOf(behaviour === 'untrusted' && options.untrustedCa ? options.untrustedCa : options.ca),
    resetAfterHandshake: behaviour === 'reset',
    server: mock,
    tracker,
    timeouts,
    recordEgress,
    recordTlsFailure: (failure) => {
      tlsFailures.push(failure);
      options.onTlsFailure?.(failure);
    },
  };

  const proxy = http.createServer(serverOptions, (req, res) => refusePlainHttp(req, res, recordEgress));
  proxy.timeout = timeouts.idleMs;
  proxy.on('connection', (socket: Socket) => tracker.add(socket));
  proxy.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const target = parseAuthority(req.url ?? '');
    if (target !== null && isApiTarget(target) && behaviour === 'refuse') {
      refuseTunnel(socket);
      return;
    }
    if (target !== null && isApiTarget(target)) {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      terminateTunnel(socket, head, tunnel);
      return;
    }
    if (target === null) {
      recordEgress({ kind: 'connect', host: req.url ?? '', port: 0, reason: 'other-host' });
      refuseSocket(socket, 400, `Expected a CONNECT target like host:443, got ${JSON.stringify(req.url)}`, timeouts);
      return;
    }
    recordEgress({ kind: 'connect', host: target.host, port: target.port, reason: connectRefusal(target) });
    refuseSocket(
      socket,
      403,
      `Refused: only ${API_FACTS.host}:${API_PORT} is reachable through this proxy, not ${target.host}:${target.port}`,
      timeouts,
    );
  });

  const port = await listen(proxy);
  let closing: Promise<void> | undefined;
  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    port,
    requests,
    egress,
    tlsFailures,
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

function resolveTimeouts(given: Partial<InterceptorTimeouts> | undefined): InterceptorTimeouts {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...given };
  for (const [name, value] of Object.entries(timeouts)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new TypeError(`Expected the \`timeouts.${name}\` option to be a positive integer, got \`${String(value)}\` (${typeof value})`);
    }
  }
  return timeouts;
}

function secureContextOf(ca: ThrowawayCa): SecureContext {
  let context = secureContexts.get(ca);
  if (context === undefined) {
    context = createSecureContext({ key: ca.leafKeyPem, cert: ca.leafCertPem });
    secureContexts.set(ca, context);
  }
  return context;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('Expected a TCP address from the proxy listener'));
      else resolve(address.port);
    });
  });
}
