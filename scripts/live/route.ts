// Where a live case's program and probe connect. The program reaches the API only through the
// egress proxy, which splices its TLS to the real API untouched; the probe, the harness's own
// request, goes straight there. In the tests, both reach a stand-in of the real API on 127.0.0.1
// with a certificate of the throwaway CA, which the program is then told to trust.
import https from 'node:https';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { API_FACTS } from '../api/core-api.ts';
import { interceptedEnvironment } from '../mock/intercepted-environment.ts';
import type { ThrowawayCa } from '../mock/types.ts';
import { startEgressProxy, type EgressProxy } from './egress-proxy.ts';

/** How one case reaches the API: the program's environment and proxy, the probe's agent, and the cleanup. */
export interface Route {
  /** The program's environment made from the base one: its proxy variables name the egress proxy. */
  environment(base: Record<string, string>): Record<string, string>;
  /** The program's only way out, which records every connection. */
  proxy: EgressProxy;
  /** Files of a CA the program trusts besides the system's: none against the real API. */
  caFiles: readonly string[];
  /** The probe's connection agent. */
  agent: https.Agent;
  close(): Promise<void>;
}

/** The real API: the program through the egress proxy, trusting the system's CAs alone; the probe direct, without keep-alive. */
export async function apiRoute(ca: ThrowawayCa): Promise<Route> {
  const proxy = await startEgressProxy();
  return {
    environment: (base) => interceptedEnvironment(base, proxy, ca, { trustCa: false }),
    proxy,
    caFiles: [],
    agent: new https.Agent({ keepAlive: false }),
    close: () => proxy.close(),
  };
}

/** Tests only: `upstream` served over TLS on 127.0.0.1 as the API host, reached by the program through the egress proxy and by the probe directly. */
export async function standInRoute(upstream: RequestListener, ca: ThrowawayCa): Promise<Route> {
  const server = https.createServer({ key: ca.leafKeyPem, cert: ca.leafCertPem }, upstream);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const proxy = await startEgressProxy({ upstream: { host: '127.0.0.1', port } });
  // The probe asks for api.requestrocket.com:443; this agent takes it to the stand-in, checking its certificate.
  const agent = new https.Agent({ keepAlive: false });
  agent.createConnection = (options) =>
    tls.connect({ ...(options as tls.ConnectionOptions), host: '127.0.0.1', port, servername: API_FACTS.host, ca: ca.caCertPem });
  return {
    environment: (base) => interceptedEnvironment(base, proxy, ca),
    proxy,
    caFiles: [ca.caCertPath, ...(ca.trustStorePath ? [ca.trustStorePath] : [])],
    agent,
    close: async () => {
      await proxy.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
