// The environment a child gets: the proxy and the throwaway CA, whatever the machine had set, with
// the variables each registered runner says its clients read.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import {
  MANAGED_VARIABLES,
  homeVariables,
  interceptedEnvironment,
  managedVariables,
  trustVariables,
} from '../../scripts/mock/intercepted-environment.ts';
import { baseEnvironment } from '../../scripts/harness/case/base-environment.ts';
import { javaToolOptions } from '../../scripts/runners/java.ts';
import type { LanguageRunner } from '../../scripts/runners/runner-contract.ts';
import { shellExports, shellQuote } from '../../scripts/shell.ts';
import type { ThrowawayCa } from '../../scripts/mock/types.ts';

const ca: ThrowawayCa = {
  dir: '/tmp/rr-mock-ca-test',
  caCertPath: '/tmp/rr-mock-ca-test/ca.pem',
  caCertPem: '',
  leafCertPem: '',
  leafKeyPem: '',
  trustStorePath: '/tmp/rr-mock-ca-test/truststore.p12',
  trustStorePassword: 'pw',
  dispose: async () => undefined,
};
const interceptor = { proxyUrl: 'http://127.0.0.1:4567', port: 4567 };
const inherited = {
  PATH: '/usr/bin',
  HOME: '/root',
  NO_PROXY: 'api.requestrocket.com,*',
  no_proxy: '*',
  ALL_PROXY: 'socks5://elsewhere:1080',
  HTTPS_PROXY: 'http://corporate:3128',
  NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
  SSL_CERT_DIR: '/etc/ssl/certs',
  GIT_SSL_CAINFO: '/etc/ssl/certs/ca-certificates.crt',
  NIX_SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
  PIP_CERT: '/etc/ssl/certs/ca-certificates.crt',
  AWS_CA_BUNDLE: '/etc/ssl/certs/ca-certificates.crt',
  NODE_TLS_REJECT_UNAUTHORIZED: '0',
  _JAVA_OPTIONS: '-Djavax.net.ssl.trustStore=/elsewhere',
  JAVA_TOOL_OPTIONS: '-Xmx1g',
  UNRELATED: 'kept',
  UNSET: undefined,
};

describe('interceptedEnvironment', () => {
  const env = interceptedEnvironment(inherited, interceptor, ca);

  test('points every proxy variable at the interceptor and empties NO_PROXY', () => {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) expect(env[name]).toBe(interceptor.proxyUrl);
    expect(env.NO_PROXY).toBe('');
    expect(env.no_proxy).toBe('');
    expect(env.NODE_USE_ENV_PROXY).toBe('1');
    expect(env).not.toHaveProperty('ALL_PROXY');
  });

  test('points every CA variable at the throwaway CA and removes the inherited ones', () => {
    for (const name of ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE'])
      expect(env[name]).toBe(ca.caCertPath);
    for (const name of [
      'SSL_CERT_DIR',
      'GIT_SSL_CAINFO',
      'NIX_SSL_CERT_FILE',
      'PIP_CERT',
      'AWS_CA_BUNDLE',
      'NODE_TLS_REJECT_UNAUTHORIZED',
      '_JAVA_OPTIONS',
    ]) {
      expect(env).not.toHaveProperty(name);
    }
    expect(env.CURL_HOME).toBe(ca.dir);
  });

  test('gives Java the proxy and the trust store through JAVA_TOOL_OPTIONS', () => {
    expect(env.JAVA_TOOL_OPTIONS).toBe(
      '-Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=4567 -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=4567 ' +
        '-Dhttp.nonProxyHosts= -Djavax.net.ssl.trustStore=/tmp/rr-mock-ca-test/truststore.p12 ' +
        '-Djavax.net.ssl.trustStorePassword=pw -Djavax.net.ssl.trustStoreType=PKCS12',
    );
  });

  test('keeps every variable it does not manage, drops undefined ones, and leaves the base untouched', () => {
    expect(env.PATH).toBe('/usr/bin');
    expect(env.UNRELATED).toBe('kept');
    expect(env).not.toHaveProperty('UNSET');
    expect(inherited.NO_PROXY).toBe('api.requestrocket.com,*');
    for (const name of Object.keys(env)) {
      if (!(name in inherited)) expect(MANAGED_VARIABLES).toContain(name);
    }
  });

  test('manages the proxy variables and every variable the built-in runners declare', () => {
    expect([...MANAGED_VARIABLES].sort()).toEqual(
      [
        ...['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'],
        ...['NODE_USE_ENV_PROXY', 'NODE_EXTRA_CA_CERTS', 'NODE_USE_SYSTEM_CA', 'NODE_TLS_REJECT_UNAUTHORIZED'],
        ...['SSL_CERT_FILE', 'SSL_CERT_DIR', 'REQUESTS_CA_BUNDLE', 'PYTHONHTTPSVERIFY', 'PIP_CERT', 'HTTPLIB2_CA_CERTS'],
        ...['WEBSOCKET_CLIENT_CA_BUNDLE', 'CURL_CA_BUNDLE', 'CURL_HOME', 'JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', '_JAVA_OPTIONS'],
        ...['GIT_SSL_CAINFO', 'GIT_SSL_CAPATH', 'NIX_SSL_CERT_FILE', 'AWS_CA_BUNDLE', 'GRPC_DEFAULT_SSL_ROOTS_FILE_PATH'],
        'CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE',
      ].sort(),
    );
  });

  test('quotes a trust store path holding white space for Java', () => {
    const spaced = { ...ca, trustStorePath: '/tmp/with space/truststore.p12' };
    expect(javaToolOptions(1, spaced)).toContain('-Djavax.net.ssl.trustStore="/tmp/with space/truststore.p12"');
  });

  test('leaves the trust store out of JAVA_TOOL_OPTIONS when there is none', () => {
    expect(javaToolOptions(1, { ...ca, trustStorePath: null })).not.toContain('javax.net.ssl');
  });
});

describe('without trust in the CA', () => {
  test('leaves out the CA variables and the Java trust store options, and keeps the proxy', () => {
    const env = interceptedEnvironment(inherited, interceptor, { ...ca, trustStorePath: '/tmp/a b/t.p12' }, { trustCa: false });
    expect(trustVariables()).toEqual(['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE']);
    for (const name of trustVariables()) expect(env).not.toHaveProperty(name);
    expect(env.JAVA_TOOL_OPTIONS).toBe(
      '-Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=4567 -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=4567 -Dhttp.nonProxyHosts=',
    );
    expect(env.HTTPS_PROXY).toBe(interceptor.proxyUrl);
  });
});

describe("a registered runner's variables", () => {
  /** A language whose client reads a CA variable, a settings folder and a switch of its own. */
  const rocket: Pick<LanguageRunner, 'environment'> = {
    environment: {
      caFileVariables: ['ROCKET_CA_FILE'],
      setVariables: { ROCKET_PROXY: ({ proxyUrl, trustCa }) => `${proxyUrl}${trustCa ? '' : '#untrusted'}` },
      removedVariables: ['ROCKET_INSECURE'],
      homeVariables: ['ROCKET_HOME'],
    },
  };
  const base = { PATH: '/usr/bin', ROCKET_INSECURE: '1', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' };

  test("are set and removed as it declares, and only the registered runners' are", () => {
    const env = interceptedEnvironment(base, interceptor, ca, { runners: [rocket] });
    expect(env).toEqual({
      PATH: '/usr/bin',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
      HTTPS_PROXY: interceptor.proxyUrl,
      https_proxy: interceptor.proxyUrl,
      HTTP_PROXY: interceptor.proxyUrl,
      http_proxy: interceptor.proxyUrl,
      NO_PROXY: '',
      no_proxy: '',
      ROCKET_CA_FILE: ca.caCertPath,
      ROCKET_HOME: ca.dir,
      ROCKET_PROXY: interceptor.proxyUrl,
    });
    expect(interceptedEnvironment(base, interceptor, ca, { runners: [rocket], trustCa: false })).toMatchObject({
      ROCKET_PROXY: `${interceptor.proxyUrl}#untrusted`,
    });
    expect(interceptedEnvironment(base, interceptor, ca, { runners: [rocket], trustCa: false })).not.toHaveProperty('ROCKET_CA_FILE');
  });

  test('are managed, and its home variables go to the scratch home', () => {
    expect(managedVariables([rocket])).toEqual(
      expect.arrayContaining(['ROCKET_CA_FILE', 'ROCKET_PROXY', 'ROCKET_INSECURE', 'ROCKET_HOME', 'HTTPS_PROXY', 'ALL_PROXY']),
    );
    expect(managedVariables([rocket])).not.toContain('NODE_EXTRA_CA_CERTS');
    expect(homeVariables([rocket])).toEqual(['ROCKET_HOME']);
    expect(homeVariables()).toEqual(['CURL_HOME']);
  });
});

describe('baseEnvironment', () => {
  const caller = {
    PATH: '/usr/bin',
    JAVA_HOME: '/opt/jdk',
    ROCKET_HOME: '/opt/rocket',
    REQUESTROCKET_USER_TOKEN: 'u-RealOne0123456789',
    AWS_SECRET: 'x',
  };

  test("passes through what programs need to start, the registered runners' variables among them, and nothing else", () => {
    expect(baseEnvironment(caller)).toEqual({ PATH: '/usr/bin', JAVA_HOME: '/opt/jdk' });
    const rocket: Pick<LanguageRunner, 'environment'> = { environment: { passThroughVariables: ['ROCKET_HOME'] } };
    expect(baseEnvironment(caller, [rocket])).toEqual({ PATH: '/usr/bin', ROCKET_HOME: '/opt/rocket' });
  });
});

describe('shellExports', () => {
  test('exports what is set, unsets what was removed, and quotes for a POSIX shell', () => {
    const lines = shellExports(['A', 'B', 'C'], { A: "it's", C: '' }, { B: 'x' });
    expect(lines).toEqual([`export A='it'\\''s'`, 'unset B', `export C=''`]);
    expect(shellQuote('$HOME "x"')).toBe(`'$HOME "x"'`);
  });
});
