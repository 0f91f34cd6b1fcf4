// The throwaway CA: a real EC P-256 CA, a leaf only for the API host, a Java trust store that
// loads as one, and a folder that disappears however the process ends.
// vitest project: programs (test/support/projects.ts)
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import type { ThrowawayCa } from '../../scripts/mock/types.ts';
import { findExecutable } from '../../scripts/paths.ts';
import { requireTool, within } from './helpers.ts';

let ca: ThrowawayCa;

beforeAll(async () => {
  ca = await createThrowawayCa();
});
afterAll(async () => {
  await ca?.dispose();
});

describe('createThrowawayCa', () => {
  test('keeps its files in a private folder', () => {
    expect(statSync(ca.dir).mode & 0o777).toBe(0o700);
    expect(path.dirname(ca.caCertPath)).toBe(ca.dir);
    expect(ca.trustStorePath && path.dirname(ca.trustStorePath)).toBe(ca.dir);
  });

  test('keeps no private key on disk: only certificates and the trust store stay in its folder', async () => {
    const names = await readdir(ca.dir);
    expect(names).toEqual(expect.arrayContaining(['ca.pem', 'leaf.pem']));
    expect(names.filter((name) => /\.(key|csr)$/.test(name))).toEqual([]);
    for (const name of names) expect(await readFile(path.join(ca.dir, name), 'latin1')).not.toMatch(/PRIVATE KEY/);
  });

  test('makes an EC P-256 CA and a leaf it signed, for the API host alone', () => {
    const root = new X509Certificate(ca.caCertPem);
    const leaf = new X509Certificate(ca.leafCertPem);
    expect(root.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(root.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(leaf.verify(root.publicKey)).toBe(true);
    expect(leaf.checkIssued(root)).toBe(true);
    expect(leaf.subjectAltName).toBe(`DNS:${API_FACTS.host}`);
    expect(leaf.checkHost(API_FACTS.host)).toBe(API_FACTS.host);
    expect(leaf.checkHost('example.com')).toBeUndefined();
    expect(leaf.checkPrivateKey(createPrivateKey(ca.leafKeyPem))).toBe(true);
  });

  test('makes a leaf that openssl verifies strictly as a TLS server certificate', async () => {
    const leafPath = path.join(ca.dir, 'leaf.pem');
    const args = [
      'verify',
      '-x509_strict',
      '-purpose',
      'sslserver',
      '-verify_hostname',
      API_FACTS.host,
      '-CAfile',
      ca.caCertPath,
      leafPath,
    ];
    const result = await execa('openssl', args, { reject: false });
    expect(result.stdout).toBe(`${leafPath}: OK`);
  });

  test('makes two different CAs on two calls', async () => {
    const other = await createThrowawayCa({ javaTrustStore: false });
    try {
      expect(other.trustStorePath).toBeNull();
      expect(other.dir).not.toBe(ca.dir);
      expect(other.caCertPem).not.toBe(ca.caCertPem);
    } finally {
      await other.dispose();
    }
  });

  test('writes a trust store that Java loads with the CA as a trusted entry', async (context) => {
    const keytool = findExecutable('keytool');
    requireTool(context, keytool === undefined ? 'keytool not found on PATH' : null);
    const args = ['-list', '-keystore', ca.trustStorePath ?? '', '-storetype', 'PKCS12', '-storepass:env', 'STORE_PASSWORD'];
    const result = await execa('keytool', args, { env: { STORE_PASSWORD: ca.trustStorePassword }, reject: false });
    expect(result.stdout).toMatch(/Your keystore contains 1 entry/);
    expect(result.stdout).toMatch(/trustedCertEntry/);
  });

  test('removes its folder on dispose, and dispose can be called twice', async () => {
    const other = await createThrowawayCa({ javaTrustStore: false });
    expect(existsSync(other.dir)).toBe(true);
    await other.dispose();
    await other.dispose();
    expect(existsSync(other.dir)).toBe(false);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('removes its folder when the process gets %s', async (signal) => {
    const script = `
      import { createThrowawayCa } from ${JSON.stringify(path.resolve('scripts/mock/ca.ts'))};
      const ca = await createThrowawayCa({ javaTrustStore: false });
      console.log(ca.dir);
      setInterval(() => {}, 1000);`;
    const child = execa(process.execPath, ['--input-type=module', '-e', script], { reject: false });
    const dir = await within(
      new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))),
      'the child to print its CA folder',
    );
    expect(existsSync(dir)).toBe(true);
    child.kill(signal);
    const result = await within(child, 'the child to end');
    expect(result.signal).toBe(signal);
    expect(existsSync(dir)).toBe(false);
  });

  test('removes, when making a new one, the folder of a process that was killed outright', async () => {
    const script = `
      import { createThrowawayCa } from ${JSON.stringify(path.resolve('scripts/mock/ca.ts'))};
      const ca = await createThrowawayCa({ javaTrustStore: false });
      console.log(ca.dir);
      setInterval(() => {}, 1000);`;
    const child = execa(process.execPath, ['--input-type=module', '-e', script], { reject: false });
    const dir = await within(
      new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))),
      'the child to print its CA folder',
    );
    child.kill('SIGKILL');
    await within(child, 'the child to end');
    expect(existsSync(dir)).toBe(true);
    const next = await createThrowawayCa({ javaTrustStore: false });
    await next.dispose();
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(ca.dir)).toBe(true);
  });

  test('says openssl is needed when it is not on PATH', async () => {
    const script = `
      import { createThrowawayCa } from ${JSON.stringify(path.resolve('scripts/mock/ca.ts'))};
      try { await createThrowawayCa({ javaTrustStore: false }); } catch (error) { console.log(error.message); }`;
    const result = await execa(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: '/nonexistent' }, reject: false });
    expect(result.stdout).toBe('openssl not found on PATH: it is needed to make the throwaway CA');
  });
});
