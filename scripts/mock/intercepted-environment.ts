// The one environment a child process gets so that it reaches the API only through the
// interception proxy and trusts only the throwaway CA, whatever the machine had set.
import type { ThrowawayCa } from './types.ts';

/** Proxy variables set to the interceptor (each client reads a different spelling). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

/** CA variables pointed at the throwaway CA's PEM file. */
const CA_FILE_VARIABLES = [
  'NODE_EXTRA_CA_CERTS', // Node: added to its bundled roots when the process starts
  'SSL_CERT_FILE', // OpenSSL's default file: Python's ssl, Go (instead of the system file), Node with --use-openssl-ca
  'CURL_CA_BUNDLE', // curl; also honoured by Python requests
  'REQUESTS_CA_BUNDLE', // Python requests (takes precedence over CURL_CA_BUNDLE)
] as const;

/** Inherited variables removed: each could add other roots, bypass the proxy, or turn verification off. */
const REMOVED_VARIABLES = [
  'ALL_PROXY',
  'all_proxy', // curl and requests use it when no scheme-specific proxy matches
  'SSL_CERT_DIR', // a directory of roots for OpenSSL and Go
  'NODE_USE_SYSTEM_CA', // Node: would add the system store
  'NODE_TLS_REJECT_UNAUTHORIZED', // Node: `0` turns verification off
  'PYTHONHTTPSVERIFY', // Python: `0` turns verification off in some builds
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'NIX_SSL_CERT_FILE',
  'PIP_CERT',
  'AWS_CA_BUNDLE',
  'HTTPLIB2_CA_CERTS',
  'GRPC_DEFAULT_SSL_ROOTS_FILE_PATH',
  'CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE',
  'WEBSOCKET_CLIENT_CA_BUNDLE',
  'JDK_JAVA_OPTIONS',
  '_JAVA_OPTIONS', // read after JAVA_TOOL_OPTIONS, so they could override it
] as const;

/** Variables that carry trust in the throwaway CA; remove them to prove a client verifies certificates. */
export const TRUST_VARIABLES: readonly string[] = Object.freeze([...CA_FILE_VARIABLES]);

/** Every variable `interceptedEnvironment` sets or removes; nothing else is touched. */
export const MANAGED_VARIABLES: readonly string[] = Object.freeze([
  ...PROXY_VARIABLES,
  'NO_PROXY',
  'no_proxy',
  'NODE_USE_ENV_PROXY',
  ...CA_FILE_VARIABLES,
  'CURL_HOME',
  'JAVA_TOOL_OPTIONS',
  ...REMOVED_VARIABLES,
]);

/** A copy of `base` in which every proxy and CA variable sends the child through the interceptor. */
export function interceptedEnvironment(
  base: NodeJS.ProcessEnv,
  interceptor: { proxyUrl: string; port: number },
  ca: ThrowawayCa,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) env[name] = value;
  for (const name of REMOVED_VARIABLES) delete env[name];
  // Plain HTTP goes through the proxy too, so an http:// URL is recorded as such instead of failing.
  for (const name of PROXY_VARIABLES) env[name] = interceptor.proxyUrl;
  // An inherited NO_PROXY naming the host, or `*`, would silently bypass the proxy.
  env.NO_PROXY = '';
  env.no_proxy = '';
  // Node's fetch and http(s) ignore the proxy variables unless asked to honour them.
  env.NODE_USE_ENV_PROXY = '1';
  // curl reads ~/.curlrc (which may say `insecure`, `proxy` or `noproxy`) from here; the CA folder has none.
  env.CURL_HOME = ca.dir;
  for (const name of CA_FILE_VARIABLES) env[name] = ca.caCertPath;
  // Java reads neither proxy nor CA variables: its system properties say both.
  env.JAVA_TOOL_OPTIONS = javaToolOptions(interceptor.port, ca);
  return env;
}

/** The Java system properties for the proxy and the trust store, as JAVA_TOOL_OPTIONS carries them. */
export function javaToolOptions(port: number, ca: ThrowawayCa): string {
  const options = [
    `-Dhttps.proxyHost=127.0.0.1`,
    `-Dhttps.proxyPort=${port}`,
    `-Dhttp.proxyHost=127.0.0.1`,
    `-Dhttp.proxyPort=${port}`,
    // The default exempts localhost only; empty makes every host go through the proxy.
    '-Dhttp.nonProxyHosts=',
  ];
  if (ca.trustStorePath !== null) {
    options.push(
      `-Djavax.net.ssl.trustStore=${javaOptionValue(ca.trustStorePath)}`,
      `-Djavax.net.ssl.trustStorePassword=${javaOptionValue(ca.trustStorePassword)}`,
      '-Djavax.net.ssl.trustStoreType=PKCS12',
    );
  }
  return options.join(' ');
}

/** The same environment without trust in the throwaway CA (CA variables and Java trust store options gone). */
export function withoutCaTrust(env: Record<string, string>): Record<string, string> {
  const copy = { ...env };
  for (const name of TRUST_VARIABLES) delete copy[name];
  if (copy.JAVA_TOOL_OPTIONS !== undefined) {
    copy.JAVA_TOOL_OPTIONS = copy.JAVA_TOOL_OPTIONS.replace(/\s*-Djavax\.net\.ssl\.[^=\s]+=(?:"[^"]*"|\S*)/g, '').trim();
  }
  return copy;
}

// JAVA_TOOL_OPTIONS is split on white space unless a value is in double quotes (Java 9+).
function javaOptionValue(value: string): string {
  if (!/\s/.test(value)) return value;
  if (value.includes('"')) {
    throw new Error(`Expected a Java option value without both white space and double quotes, got ${JSON.stringify(value)}`);
  }
  return `"${value}"`;
}
