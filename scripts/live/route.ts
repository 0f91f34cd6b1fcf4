// Where a live case's program and probe connect: straight to the internet, or, in the tests, to a
// stand-in of the real API through the interception proxy (the same steering the mock runs use).
import https from 'node:https';
import type { RequestListener } from 'node:http';
import { interceptedEnvironment } from '../mock/intercepted-environment.ts';
import { startInterceptor } from '../mock/interceptor.ts';
import type { ThrowawayCa } from '../mock/types.ts';

/** How one case reaches the API: the program's environment, the probe's agent, and the cleanup. */
export interface Route {
  /** The program's environment made from the base one. */
  environment(base: Record<string, string>): Record<string, string>;
  /** The probe's connection agent. */
  agent: https.Agent;
  close(): Promise<void>;
}

const NO_TOKENS = Object.freeze({ valid: new Set<string>(), revoked: new Set<string>(), forbidden: new Set<string>() });

/** The internet: the environment as it is, a fresh agent without keep-alive. */
export function directRoute(): Route {
  return { environment: (base) => base, agent: new https.Agent({ keepAlive: false }), close: async () => {} };
}

/** Tests only: an interceptor on 127.0.0.1 whose API host is answered by `upstream`; program and probe both go through it. */
export async function standInRoute(upstream: RequestListener, ca: ThrowawayCa): Promise<Route> {
  const interceptor = await startInterceptor({ ca, tokens: NO_TOKENS, upstream });
  return {
    environment: (base) => interceptedEnvironment(base, interceptor, ca),
    agent: new https.Agent({ keepAlive: false, proxyEnv: { HTTPS_PROXY: interceptor.proxyUrl }, ca: ca.caCertPem }),
    close: () => interceptor.close(),
  };
}
