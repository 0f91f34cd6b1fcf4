// The one environment a child process gets so that it reaches the API only through the
// interception proxy and trusts only the throwaway CA, whatever the machine had set. The proxy
// variables are everyone's; which CA, proxy and settings variables a client reads is its
// language's runner's to say (`environment` in scripts/runners/runner-contract.ts).
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import type { ClientEnvironment, LanguageRunner } from '../runners/runner-contract.ts';
import type { ThrowawayCa } from './types.ts';

/** Proxy variables set to the interceptor (each client reads a different spelling). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

/** Inherited variables removed whatever the languages: a proxy for every scheme, and the CA bundles of other tools. */
const REMOVED_VARIABLES = [
  'ALL_PROXY',
  'all_proxy', // used when no scheme-specific proxy matches
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'NIX_SSL_CERT_FILE',
  'AWS_CA_BUNDLE',
  'GRPC_DEFAULT_SSL_ROOTS_FILE_PATH',
  'CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE',
] as const;

/** How the environment is made: from which runners' declarations, and whether it trusts the CA. */
export interface InterceptionOptions {
  /** The registered runners, whose `environment` each program gets (default: the built-in ones). */
  runners?: readonly Pick<LanguageRunner, 'environment'>[];
  /** False to leave out every trust in the throwaway CA, to prove that a client verifies certificates (default true). */
  trustCa?: boolean;
}

/** Every runner's declaration of one kind, in runner order, each name once. */
function declared(
  runners: readonly Pick<LanguageRunner, 'environment'>[],
  names: (environment: ClientEnvironment) => readonly string[] | undefined,
): string[] {
  return [...new Set(runners.flatMap((runner) => (runner.environment ? (names(runner.environment) ?? []) : [])))];
}

/** Variables that carry trust in the throwaway CA (the runners' CA file variables). */
export function trustVariables(runners: readonly Pick<LanguageRunner, 'environment'>[] = DEFAULT_RUNNERS): string[] {
  return declared(runners, (environment) => environment.caFileVariables);
}

/** Every variable `interceptedEnvironment` sets for these runners (the proxy, the CA, the runners' own). */
export function variablesSet(runners: readonly Pick<LanguageRunner, 'environment'>[] = DEFAULT_RUNNERS): string[] {
  return [
    ...new Set([
      ...PROXY_VARIABLES,
      'NO_PROXY',
      'no_proxy',
      ...declared(runners, (environment) => Object.keys(environment.setVariables ?? {})),
      ...trustVariables(runners),
      ...declared(runners, (environment) => environment.homeVariables),
    ]),
  ];
}

/** Every variable `interceptedEnvironment` sets or removes for these runners; nothing else is touched. */
export function managedVariables(runners: readonly Pick<LanguageRunner, 'environment'>[] = DEFAULT_RUNNERS): string[] {
  return [
    ...new Set([...variablesSet(runners), ...REMOVED_VARIABLES, ...declared(runners, (environment) => environment.removedVariables)]),
  ];
}

/** Every variable `interceptedEnvironment` sets or removes with the built-in runners. */
export const MANAGED_VARIABLES: readonly string[] = Object.freeze(managedVariables());

/** The runners' variables naming a folder of user settings (`CURL_HOME`), which the case's scratch home replaces. */
export function homeVariables(runners: readonly Pick<LanguageRunner, 'environment'>[] = DEFAULT_RUNNERS): string[] {
  return declared(runners, (environment) => environment.homeVariables);
}

/** A copy of `base` in which every proxy and CA variable sends the child through the interceptor. */
export function interceptedEnvironment(
  base: NodeJS.ProcessEnv,
  interceptor: { proxyUrl: string; port: number },
  ca: ThrowawayCa,
  options: InterceptionOptions = {},
): Record<string, string> {
  const runners = options.runners ?? DEFAULT_RUNNERS;
  const trustCa = options.trustCa ?? true;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) env[name] = value;
  for (const name of [...REMOVED_VARIABLES, ...declared(runners, (environment) => environment.removedVariables)]) delete env[name];
  // Plain HTTP goes through the proxy too, so an http:// URL is recorded as such instead of failing.
  for (const name of PROXY_VARIABLES) env[name] = interceptor.proxyUrl;
  // An inherited NO_PROXY naming the host, or `*`, would silently bypass the proxy.
  env.NO_PROXY = '';
  env.no_proxy = '';
  for (const name of trustVariables(runners)) {
    if (trustCa) env[name] = ca.caCertPath;
    else delete env[name];
  }
  // The CA's folder holds no settings file of any client.
  for (const name of homeVariables(runners)) env[name] = ca.dir;
  const target = { proxyUrl: interceptor.proxyUrl, port: interceptor.port, ca, trustCa };
  for (const runner of runners) {
    for (const [name, value] of Object.entries(runner.environment?.setVariables ?? {})) env[name] = value(target);
  }
  return env;
}
