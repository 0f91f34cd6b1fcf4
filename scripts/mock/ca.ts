// A throwaway certificate authority, made once per harness run with the openssl command line: an
// EC P-256 CA and a leaf for the API host, in a private temp folder removed when done. The private
// keys are deleted from it as soon as they are read: only the certificates stay on disk.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_FACTS } from '../api/core-api.ts';
import { forgetOnExit, markOwner, removeOnExit, sweepAbandoned } from './cleanup.ts';
import { openssl } from './openssl.ts';
import { writeJavaTrustStore } from './truststore.ts';
import type { ThrowawayCa } from './types.ts';

const DIR_PREFIX = 'rr-mock-ca-';
const VALIDITY_DAYS = '2';
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

// Our own configuration, so that the system's openssl.cnf cannot change what gets made.
const CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[leaf_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:${API_FACTS.host}
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`;

/** Options of `createThrowawayCa`. */
export interface ThrowawayCaOptions {
  /** Write the Java trust store (a JVM start for keytool, most of the cost); default true. */
  javaTrustStore?: boolean;
}

/** Makes a fresh CA, a leaf for the API host and a Java trust store in a new folder (mode 0700). */
export async function createThrowawayCa(options: ThrowawayCaOptions = {}): Promise<ThrowawayCa> {
  await sweepAbandoned(tmpdir(), DIR_PREFIX);
  const dir = await mkdtemp(path.join(tmpdir(), DIR_PREFIX));
  removeOnExit(dir);
  const dispose = async (): Promise<void> => {
    await rm(dir, { recursive: true, force: true });
    forgetOnExit(dir);
  };
  try {
    await markOwner(dir);
    return { ...(await makeFiles(dir, options.javaTrustStore ?? true)), dir, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function makeFiles(dir: string, javaTrustStore: boolean): Promise<Omit<ThrowawayCa, 'dir' | 'dispose'>> {
  const file = (name: string): string => path.join(dir, name);
  await writeFile(file('openssl.cnf'), CONFIG, { mode: 0o600 });
  const common = ['-config', 'openssl.cnf', '-sha256'];
  await openssl(
    [
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      ...common,
      '-subj',
      '/CN=RequestRocket docs throwaway CA',
      '-extensions',
      'ca_ext',
      '-days',
      VALIDITY_DAYS,
    ],
    dir,
  );
  await openssl(['req', '-new', ...EC_KEY, '-keyout', 'leaf.key', '-out', 'leaf.csr', ...common, '-subj', `/CN=${API_FACTS.host}`], dir);
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-sha256',
      '-set_serial',
      `0x${randomBytes(16).toString('hex')}`,
      '-days',
      VALIDITY_DAYS,
      '-extfile',
      'openssl.cnf',
      '-extensions',
      'leaf_ext',
      '-out',
      'leaf.pem',
    ],
    dir,
  );
  const leafKeyPem = await readFile(file('leaf.key'), 'utf8');
  // The private keys live on in memory only (the leaf's, for the interceptor); the CA's is no longer needed.
  await Promise.all(['ca.key', 'leaf.key', 'leaf.csr'].map((name) => rm(file(name), { force: true })));
  const trustStorePassword = randomBytes(18).toString('base64url');
  const trustStorePath = javaTrustStore ? await writeJavaTrustStore(dir, file('ca.pem'), trustStorePassword) : null;
  return {
    caCertPath: file('ca.pem'),
    caCertPem: await readFile(file('ca.pem'), 'utf8'),
    leafCertPem: await readFile(file('leaf.pem'), 'utf8'),
    leafKeyPem,
    trustStorePath,
    trustStorePassword,
  };
}
