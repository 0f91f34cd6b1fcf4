// A PKCS12 trust store that Java really loads as one. `openssl pkcs12 -nokeys` alone makes a file
// that Java 17 sees as empty: Java only trusts certificates marked with its own trust attribute,
// which keytool adds, and which OpenSSL 3.2+ adds with `-jdktrust`.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findExecutable } from '../paths.ts';

const run = promisify(execFile);
const PASSWORD_VARIABLE = 'RR_MOCK_TRUST_STORE_PASSWORD';

/** Writes `truststore.p12` holding the CA as a trusted entry; returns its path, or null when no tool can. */
export async function writeJavaTrustStore(dir: string, caCertPath: string, password: string): Promise<string | null> {
  const storePath = path.join(dir, 'truststore.p12');
  // The password goes through the environment, not the command line.
  const env = { ...process.env, [PASSWORD_VARIABLE]: password };
  const javaHome = process.env.JAVA_HOME;
  const keytool = findExecutable('keytool', { extraDirs: javaHome ? [path.join(javaHome, 'bin')] : [] });
  if (keytool !== undefined) {
    const args = ['-importcert', '-noprompt', '-storetype', 'PKCS12', '-keystore', storePath, '-alias', 'requestrocket-docs-ca'];
    try {
      await run(keytool, [...args, '-file', caCertPath, '-storepass:env', PASSWORD_VARIABLE], { env });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      throw new Error(`Expected keytool to write the Java trust store, got: ${stderr}`, { cause: error });
    }
    return storePath;
  }
  try {
    const args = ['pkcs12', '-export', '-nokeys', '-in', caCertPath, '-out', storePath, '-jdktrust', 'anyExtendedKeyUsage'];
    await run('openssl', [...args, '-passout', `env:${PASSWORD_VARIABLE}`], { env });
    return storePath;
  } catch {
    return null; // no keytool and an OpenSSL older than 3.2: there is no Java here to need it
  }
}
