// The live run's egress proxy on its own: a tunnel to api.requestrocket.com:443 is spliced to the
// API (here a TLS server on 127.0.0.1 playing it) without being read, so the program sees the API's
// own certificate; any other CONNECT and any plain request is refused; every connection is recorded.
// vitest project: programs (test/support/projects.ts)
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import type { ThrowawayCa } from '../../scripts/mock/types.ts';
import { startEgressProxy } from '../../scripts/live/egress-proxy.ts';

let ca: ThrowawayCa;
let api: https.Server;
let apiPort: number;
beforeAll(async () => {
  ca = await createThrowawayCa({ javaTrustStore: false });
  api = https.createServer({ key: ca.leafKeyPem, cert: ca.leafCertPem }, (_req, res) => res.end('hello from the API\n'));
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', () => resolve()));
  apiPort = (api.address() as AddressInfo).port;
});
afterAll(async () => {
  api.closeAllConnections();
  await new Promise<void>((resolve) => api.close(() => resolve()));
  await ca.dispose();
});

/** Sends `head` to the proxy and returns everything it answers until it closes. */
function exchange(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('startEgressProxy', () => {
  test('splices a tunnel to the API host untouched: TLS is between the client and the API, and the bytes are counted', async () => {
    const proxy = await startEgressProxy({ upstream: { host: '127.0.0.1', port: apiPort } });
    try {
      const agent = new https.Agent({ keepAlive: false, proxyEnv: { HTTPS_PROXY: proxy.proxyUrl }, ca: ca.caCertPem });
      const { body, issuer } = await new Promise<{ body: string; issuer: string }>((resolve, reject) => {
        https
          .get('https://api.requestrocket.com/api/clients', { agent }, (res) => {
            const peer = (res.socket as tls.TLSSocket).getPeerCertificate();
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            res.on('end', () => resolve({ body: text, issuer: String(peer.issuer?.CN) }));
          })
          .on('error', reject);
      });
      expect(body).toBe('hello from the API\n');
      // The API's own certificate reached the client: nothing in between terminated TLS.
      expect(issuer).toBe('RequestRocket docs throwaway CA');
      // Each side's bytes were counted as they passed, before the client read them.
      expect(proxy.connections()).toEqual([
        expect.stringMatching(/^CONNECT api\.requestrocket\.com:443: spliced to the API \([1-9]\d* bytes sent, [1-9]\d* received\)$/),
      ]);
      expect(proxy.egress).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  test('refuses and records a tunnel to another host or port, and a plain-HTTP request', async () => {
    const proxy = await startEgressProxy({ upstream: { host: '127.0.0.1', port: apiPort } });
    try {
      expect(await exchange(proxy.port, 'CONNECT collector.example:443 HTTP/1.1\r\nHost: collector.example:443\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 403 /,
      );
      expect(await exchange(proxy.port, 'CONNECT api.requestrocket.com:8443 HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 403 /);
      expect(await exchange(proxy.port, 'GET http://collector.example/steal HTTP/1.1\r\nHost: collector.example\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 403 /,
      );
      expect(proxy.connections()).toEqual([
        'refused CONNECT collector.example:443 (other-host)',
        'refused CONNECT api.requestrocket.com:8443 (other-port)',
        'refused plain HTTP to collector.example:80 (other-host)',
      ]);
      expect(proxy.egress.map((attempt) => attempt.reason)).toEqual(['other-host', 'other-port', 'other-host']);
    } finally {
      await proxy.close();
    }
  });

  test('answers 502 and records it when the API cannot be reached', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const proxy = await startEgressProxy({ upstream: { host: '127.0.0.1', port } });
    try {
      expect(await exchange(proxy.port, 'CONNECT api.requestrocket.com:443 HTTP/1.1\r\nHost: api.requestrocket.com:443\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 502 /,
      );
      expect(proxy.connections()).toEqual(['CONNECT api.requestrocket.com:443: the API could not be reached (ECONNREFUSED)']);
    } finally {
      await proxy.close();
    }
  });
});
