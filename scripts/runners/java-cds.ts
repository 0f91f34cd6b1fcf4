// The Java runner's class-data-sharing (AppCDS) archive: one per JDK, library jars (Gson) and JVM
// flags, made once by a training run (`java/Training.java`, which does what a snippet does against
// a proxy and TLS server inside its own JVM on loopback) with `-XX:ArchiveClassesAtExit`, then
// mapped by every snippet run with `-XX:SharedArchiveFile`. A JVM started with it loads the JDK's
// HTTP, TLS and Gson classes already parsed and verified instead of from the jar and module files.
//
// The archive's class path is the library jars then the training jar; a snippet runs with that
// class path plus its own classes folder after it, so the archive's is a prefix of the run's (what
// the JVM requires). Everything is built outside the intercepted environment, in the runner cache,
// and proven usable with `-Xshare:on` before it is put in place. When it cannot be made, snippets
// run without it, and the reason is said once. Unlike a snippet's build, the training run and its
// compile are not sandboxed: they run the harness's own program with the jars resolved from the
// project's pom, and nothing of any snippet.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce, hashOf } from './build-cache.ts';
import { findExecutable } from '../paths.ts';
import { runTool } from './process.ts';

/** The training program's source. */
export const TRAINING_SOURCE = fileURLToPath(new URL('./java/Training.java', import.meta.url));

/** The training program's main class. */
const TRAINING_CLASS = 'requestrocket.cds.Training';

/**
 * Flags that keep the JVM quiet about the archive: a run whose archive cannot be mapped falls back
 * to the JDK's own classes silently, so a snippet's output never carries a JVM warning.
 */
export const CDS_QUIET_FLAGS: readonly string[] = Object.freeze(['-Xlog:cds=off', '-Xlog:cds+dynamic=off']);

/** What a snippet run adds for the archive: the flags and the class path entries before its own classes. */
export interface ClassDataArchive {
  /** The `.jsa` file. */
  archive: string;
  /** The class path the archive was made with (library jars, then the training jar). */
  classPath: string[];
}

/** The JDK and libraries an archive is made for. */
export interface ArchiveRequest {
  /** `java` and `javac` of one JDK, and `javac -version`'s line. */
  java: string;
  javac: string;
  versionLine: string;
  /** The library jars (Gson), already in their final place. */
  jars: readonly string[];
  /** JVM flags every snippet runs with; the archive is made with the same ones. */
  jvmFlags: readonly string[];
  /** The runner cache (`.cache/harness`). */
  cacheDir: string;
  signal?: AbortSignal;
}

/** Archives being made or made in this process, by folder, so each is attempted once. */
const archives = new Map<string, Promise<ClassDataArchive | undefined>>();

let trainingBytes: Buffer | undefined;

/** The training program's bytes (part of the archive's key), read once. */
function trainingSource(): Buffer {
  trainingBytes ??= readFileSync(TRAINING_SOURCE);
  return trainingBytes;
}

/** Folders whose failure was already reported. */
const reported = new Set<string>();

/** Where a tool of the same JDK as `javac` is. */
function jdkTool(javac: string, name: string): string {
  const tool = findExecutable(join(dirname(javac), name));
  if (!tool) throw new Error(`${name} not found beside ${javac}`);
  return tool;
}

/** Runs a JDK tool and throws with its output when it fails. */
async function mustRun(command: string, args: readonly string[], cwd: string, signal?: AbortSignal): Promise<string> {
  const result = await runTool(command, args, { cwd, ...(signal ? { signal } : {}) });
  if (!result.ok)
    throw new Error(
      `${command} ${args.slice(0, 2).join(' ')} failed: ${result.output.trim().split('\n').slice(-3).join(' | ') || `exit code ${result.exitCode}`}`,
    );
  return result.output;
}

/** Compiles the training program into a jar, with a key store and trust store for its TLS server. */
async function buildTraining(request: ArchiveRequest, folder: string): Promise<void> {
  await mustRun(
    request.javac,
    ['-encoding', 'UTF-8', '-proc:none', '-cp', request.jars.join(delimiter), '-d', join(folder, 'classes'), TRAINING_SOURCE],
    folder,
    request.signal,
  );
  await mustRun(
    jdkTool(request.javac, 'jar'),
    ['--create', '--file', join(folder, 'training.jar'), '-C', join(folder, 'classes'), '.'],
    folder,
    request.signal,
  );
  const password = randomBytes(12).toString('hex');
  const keytool = jdkTool(request.javac, 'keytool');
  const store = ['-storetype', 'PKCS12', '-storepass', password];
  await mustRun(
    keytool,
    [
      '-genkeypair',
      '-alias',
      'api',
      '-keyalg',
      'EC',
      '-groupname',
      'secp256r1',
      '-dname',
      'CN=api.requestrocket.com',
      '-ext',
      'san=dns:api.requestrocket.com',
      '-validity',
      '3650',
      '-keystore',
      'server.p12',
      '-keypass',
      password,
      '-noprompt',
      ...store,
    ],
    folder,
    request.signal,
  );
  await mustRun(
    keytool,
    ['-exportcert', '-alias', 'api', '-keystore', 'server.p12', '-rfc', '-file', 'api.pem', ...store],
    folder,
    request.signal,
  );
  await mustRun(
    keytool,
    ['-importcert', '-noprompt', '-alias', 'api', '-file', 'api.pem', '-keystore', 'trust.p12', ...store],
    folder,
    request.signal,
  );
  await writeFile(join(folder, 'password'), password);
}

/** Makes the archive: the training run with `-XX:ArchiveClassesAtExit`, then a `-Xshare:on` run proving it maps. */
async function buildArchive(request: ArchiveRequest, training: string, classPath: string[], folder: string): Promise<void> {
  const password = (await readFile(join(training, 'password'), 'utf8')).trim();
  const archive = join(folder, 'app.jsa');
  const cp = ['-cp', classPath.join(delimiter)];
  await mustRun(
    request.java,
    [
      ...request.jvmFlags,
      ...CDS_QUIET_FLAGS,
      `-XX:ArchiveClassesAtExit=${archive}`,
      ...cp,
      TRAINING_CLASS,
      join(training, 'server.p12'),
      join(training, 'trust.p12'),
      password,
    ],
    training,
    request.signal,
  );
  const check = await mustRun(
    request.java,
    [...request.jvmFlags, '-Xshare:on', `-XX:SharedArchiveFile=${archive}`, ...cp, TRAINING_CLASS, '--check'],
    training,
    request.signal,
  );
  if (!check.includes('ok')) throw new Error(`the archive check printed ${JSON.stringify(check.slice(0, 200))}`);
}

/** The archive for this JDK, these jars and flags: made on first use, or undefined (said once) when it cannot be. */
export function classDataArchive(request: ArchiveRequest): Promise<ClassDataArchive | undefined> {
  // The JVM refuses an archive whose jars changed size or time since it was made: so does the key.
  const jarStamps = request.jars.map((jar) => {
    const stamp = statSync(jar, { throwIfNoEntry: false });
    return `${jar}\0${stamp?.size ?? -1}\0${stamp?.mtimeMs ?? -1}`;
  });
  const key = hashOf(request.versionLine, request.java, ...jarStamps, ...request.jvmFlags, trainingSource()).slice(0, 24);
  const folder = join(resolve(request.cacheDir), 'java', `cds-${key}`);
  let known = archives.get(folder);
  if (!known) {
    known = make(request, folder);
    archives.set(folder, known);
  }
  return known;
}

async function make(request: ArchiveRequest, folder: string): Promise<ClassDataArchive | undefined> {
  try {
    const training = await buildOnce(join(folder, 'training'), (temp) => buildTraining(request, temp));
    const classPath = [...request.jars, join(training, 'training.jar')];
    const archiveFolder = await buildOnce(join(folder, 'archive'), (temp) => buildArchive(request, training, classPath, temp));
    return { archive: join(archiveFolder, 'app.jsa'), classPath };
  } catch (error) {
    // An aborted run says nothing and the next one tries again; any other failure is final for this process.
    if (request.signal?.aborted) {
      archives.delete(folder);
      return undefined;
    }
    if (!reported.has(folder)) {
      reported.add(folder);
      process.stderr.write(`java: no class-data-sharing archive, Java snippets start without it (slower): ${(error as Error).message}\n`);
    }
    return undefined;
  }
}
