// Signatures on what the harness stores and later trusts (its JSON reports, its result cache), so
// that an edited file is refused instead of believed: an HMAC-SHA256 with a key only the run holds.
// The key is a variable the CI workflow's own jobs share (RR_DOCS_REPORT_KEY for reports,
// RR_DOCS_CACHE_KEY for the result cache) or, when that is not set, this machine's key: 32 random
// bytes made on first use in a file only its owner may read, outside the project (under the user's
// configuration folder, or RR_DOCS_MACHINE_KEY_FILE). Each use gets a key of its own derived from
// it, so a signed cache entry can never pass for a signed report.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The variable holding the key CI's jobs sign and check reports with. */
export const REPORT_KEY_VARIABLE = 'RR_DOCS_REPORT_KEY';

/** The variable holding the key CI's jobs sign and check result-cache entries with. */
export const CACHE_KEY_VARIABLE = 'RR_DOCS_CACHE_KEY';

/** The variable that moves this machine's key file (tests use it to play another machine). */
export const MACHINE_KEY_VARIABLE = 'RR_DOCS_MACHINE_KEY_FILE';

/** The one algorithm a signature may name. */
export const SIGNATURE_ALGORITHM = 'HMAC-SHA256';

/** Fewest characters a key given in a variable may have (`openssl rand -hex 32` gives 64). */
export const MIN_KEY_LENGTH = 32;

/** What a key signs; each gets its own key derived from the one given. */
export type KeyPurpose = 'report' | 'result-cache';

/** The variable that gives the key of each purpose. */
export const KEY_VARIABLES: Readonly<Record<KeyPurpose, string>> = Object.freeze({
  report: REPORT_KEY_VARIABLE,
  'result-cache': CACHE_KEY_VARIABLE,
});

/** A key ready to sign with. */
export interface SigningKey {
  /** How messages name it: `RR_DOCS_REPORT_KEY`, or `this machine's key`. */
  name: string;
  /** Where it came from: the variable, or this machine's key file. */
  source: 'variable' | 'machine';
  /** The machine key's file, when it is that key. */
  file?: string;
  /** The key derived for its purpose. */
  secret: Buffer;
}

/** A key that cannot be had: a variable too short, a key file that cannot be made, read, or is open to others. */
export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

/** Where this machine's key lives: RR_DOCS_MACHINE_KEY_FILE, or `requestrocket-docs/machine.key` in the user's configuration folder. */
export function machineKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env[MACHINE_KEY_VARIABLE]) return path.resolve(env[MACHINE_KEY_VARIABLE]);
  const configHome = env.XDG_CONFIG_HOME || (process.platform === 'win32' ? env.APPDATA : undefined) || path.join(os.homedir(), '.config');
  return path.join(configHome, 'requestrocket-docs', 'machine.key');
}

const machineKeys = new Map<string, Promise<Buffer>>();

/** Creates the key file with a random key unless another process did first (the file appears whole, or not at all). */
async function createMachineKey(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    await link(temporary, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Reads this machine's key from `file`, making it on first use; throws SigningKeyError naming the file and what is wrong. */
async function readMachineKey(file: string): Promise<Buffer> {
  try {
    const found = await stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      return undefined;
    });
    if (!found) await createMachineKey(file);
    const info = await stat(file);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      throw new SigningKeyError(
        `${file}: this machine's signing key may be read by others (mode ${(info.mode & 0o777).toString(8)}); run \`chmod 600 ${file}\``,
      );
    }
    const text = (await readFile(file, 'utf8')).trim();
    if (!/^[0-9a-f]{64}$/.test(text))
      throw new SigningKeyError(`${file}: not a signing key this harness made (64 hex digits); delete it to make a new one`);
    return Buffer.from(text, 'hex');
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
    throw new SigningKeyError(
      `${file}: cannot make or read this machine's signing key (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
}

/** This machine's key, read once per process and file. */
export function machineKey(env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const file = machineKeyFile(env);
  let key = machineKeys.get(file);
  if (!key) {
    key = readMachineKey(file);
    machineKeys.set(file, key);
    key.catch(() => machineKeys.delete(file));
  }
  return key;
}

/** `base` narrowed to one purpose. */
const derive = (base: Buffer | string, purpose: KeyPurpose) =>
  createHmac('sha256', base).update(`requestrocket-docs ${purpose} signing key`).digest();

/** The key that signs (and checks) what `purpose` names: its variable's value when set, else this machine's key. */
export async function signingKey(purpose: KeyPurpose, env: NodeJS.ProcessEnv = process.env): Promise<SigningKey> {
  const variable = KEY_VARIABLES[purpose];
  const value = env[variable];
  if (value) {
    if (value.length < MIN_KEY_LENGTH) {
      throw new SigningKeyError(
        `${variable} is too short (${value.length} characters): expected at least ${MIN_KEY_LENGTH}, e.g. \`openssl rand -hex 32\``,
      );
    }
    return { name: variable, source: 'variable', secret: derive(value, purpose) };
  }
  const file = machineKeyFile(env);
  return { name: "this machine's key", source: 'machine', file, secret: derive(await machineKey(env), purpose) };
}

/** A signature as stored beside what it signs. */
export interface Signature {
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** Which key signed: the variable's name, or `machine`. */
  key: string;
  /** The HMAC, lower-case hex. */
  value: string;
}

/** The HMAC of `text` under `key`, lower-case hex. */
const macOf = (text: string, key: SigningKey) => createHmac('sha256', key.secret).update(text).digest('hex');

/**
 * `body` with a `signature` over its compact JSON. A reader parses the file, takes the signature
 * out, and checks it against the compact JSON of the rest: so reformatting the file keeps it, and
 * changing any value, or adding or removing a field, breaks it.
 */
export function signJson<T extends object>(body: T, key: SigningKey): T & { signature: Signature } {
  const signature: Signature = {
    algorithm: SIGNATURE_ALGORITHM,
    key: key.source === 'variable' ? key.name : 'machine',
    value: macOf(JSON.stringify(body), key),
  };
  return { ...body, signature };
}

/** Whether parsed JSON carries a signature `key` made over the rest of it; if not, why, in words for a message. */
export function verifyJson(data: unknown, key: SigningKey): { ok: true } | { ok: false; why: string } {
  if (typeof data !== 'object' || data === null || !('signature' in data)) return { ok: false, why: 'it carries no signature' };
  const { signature, ...rest } = data as { signature: unknown };
  const claimed = signature as Partial<Signature> | null;
  if (claimed?.algorithm !== SIGNATURE_ALGORITHM || typeof claimed.value !== 'string' || !/^[0-9a-f]{64}$/.test(claimed.value))
    return { ok: false, why: `its signature is not an ${SIGNATURE_ALGORITHM} one` };
  const expected = Buffer.from(macOf(JSON.stringify(rest), key), 'hex');
  if (timingSafeEqual(expected, Buffer.from(claimed.value, 'hex'))) return { ok: true };
  const mine = key.source === 'variable' ? key.name : 'machine';
  const other =
    typeof claimed.key === 'string' && claimed.key !== mine
      ? `, and it says it was signed with ${claimed.key === 'machine' ? "a machine's key" : claimed.key}`
      : '';
  return { ok: false, why: `its signature does not match: it was changed after it was signed, or signed with another key${other}` };
}

/** "not signed by this machine's key" or "not signed with RR_DOCS_REPORT_KEY". */
export function notSignedBy(key: SigningKey): string {
  return key.source === 'machine' ? `not signed by ${key.name}` : `not signed with ${key.name}`;
}
