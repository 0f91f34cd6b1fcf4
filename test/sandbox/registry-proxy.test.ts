// The build proxy: a CONNECT tunnel to the registry hosts a dependency installation may reach, and a
// refusal, recorded by name, for every other request.
// vitest project: unit (test/support/projects.ts)
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectTarget, isAllowed, openRegistryProxy } from '../../scripts/sandbox/registry-proxy.ts';

describe('connectTarget', () => {
  test('reads the host and port of a CONNECT request, lower-cased, and nothing of any other request', () => {
    expect(connectTarget('CONNECT PyPI.org:443 HTTP/1.1')).toEqual({ host: 'pypi.org', port: 443 });
    expect(connectTarget('CONNECT [::1]:8443 HTTP/1.0')).toEqual({ host: '::1', port: 8443 });
    expect(connectTarget('GET http://pypi.org/simple/ HTTP/1.1')).toBeNull();
    expect(connectTarget('CONNECT pypi.org HTTP/1.1')).toBeNull();
    expect(connectTarget('CONNECT pypi.org:443 HTTP/1.1 extra')).toBeNull();
  });
});

describe('isAllowed', () => {
  test('allows a listed host on port 443, or on the port its entry names, and nothing else', () => {
    const allowed = ['pypi.org', '127.0.0.1:8443'];
    expect(isAllowed(allowed, 'pypi.org', 443)).toBe(true);
    expect(isAllowed(allowed, 'PYPI.ORG.', 443)).toBe(true);
    expect(isAllowed(allowed, 'pypi.org', 80)).toBe(false);
    expect(isAllowed(allowed, 'evil.pypi.org', 443)).toBe(false);
    expect(isAllowed(allowed, '127.0.0.1', 8443)).toBe(true);
    expect(isAllowed(allowed, '127.0.0.1', 443)).toBe(false);
    expect(isAllowed([], 'pypi.org', 443)).toBe(false);
  });
});

describe('openRegistryProxy', () => {
  let upstream: net.Server;
  let allowed: string;
  beforeAll(async () => {
    // Answers each connection with what it received first, upper-cased.
    upstream = net.createServer((socket) => socket.once('data', (data) => socket.end(data.toString().toUpperCase())));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    allowed = `127.0.0.1:${(upstream.address() as net.AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => upstream.close(resolve)));

  /** Sends `request` to the proxy's port and returns everything it answered. */
  async function exchange(port: number, request: string): Promise<string> {
    const socket = net.connect(port, '127.0.0.1');
    socket.write(request);
    let answer = '';
    for await (const chunk of socket) answer += String(chunk);
    return answer;
  }

  test('tunnels to an allowed host, passing on what came with the request', async () => {
    const proxy = await openRegistryProxy([allowed]);
    try {
      const answer = await exchange(proxy.port, `CONNECT ${allowed} HTTP/1.1\r\nHost: ${allowed}\r\n\r\nhello registry`);
      expect(answer).toBe('HTTP/1.1 200 Connection Established\r\n\r\nHELLO REGISTRY');
      expect(proxy.refused).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  test('refuses another host, a plain request and every request of a proxy that allows none, recording each', async () => {
    const proxy = await openRegistryProxy([allowed]);
    const closed = await openRegistryProxy([]);
    try {
      const other = await exchange(proxy.port, 'CONNECT evil.example:443 HTTP/1.1\r\n\r\n');
      expect(other).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n[^]*A build reaches only 127\.0\.0\.1:\d+\.\n$/);
      await exchange(proxy.port, 'GET http://pypi.org/simple/ HTTP/1.1\r\nHost: pypi.org\r\n\r\n');
      expect(proxy.refused).toEqual(['evil.example:443', 'GET http://pypi.org/simple/ HTTP/1.1']);
      expect(await exchange(closed.port, `CONNECT ${allowed} HTTP/1.1\r\n\r\n`)).toMatch(/A build reaches no host\.\n$/);
      expect(closed.refused).toEqual([allowed]);
    } finally {
      await Promise.all([proxy.close(), closed.close()]);
    }
  });

  test('answers 502 when an allowed host cannot be reached', async () => {
    const gone = net.createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', () => resolve()));
    const address = `127.0.0.1:${(gone.address() as net.AddressInfo).port}`;
    await new Promise((resolve) => gone.close(resolve));
    const proxy = await openRegistryProxy([address]);
    try {
      expect(await exchange(proxy.port, `CONNECT ${address} HTTP/1.1\r\n\r\n`)).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n/);
    } finally {
      await proxy.close();
    }
  });
});
