// Java: Gson (the one library, declared in snippets/pom.xml) is resolved with Maven once per pom;
// each snippet is compiled with javac once per content, then run on a JVM tuned for short runs that
// maps a class-data-sharing archive of the JDK's HTTP and TLS classes and Gson (java-cds.ts).
import { readdir, realpath } from 'node:fs/promises';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { defineRunner, type LanguageRunner } from './runner-contract.ts';
import { CDS_QUIET_FLAGS, classDataArchive } from './java-cds.ts';
import { buildOnce, hashOf } from './build-cache.ts';
import { findExecutable } from '../paths.ts';
import { runProcess, runTool, stripAnsi } from './process.ts';
import { languageFields, memoByPath, probeVersion, readInput, stepFailed } from './toolchain.ts';

/** Oldest Java release the snippets are written for. */
export const MIN_JAVA_MAJOR = 17;

/** Memory a JVM needs per process: its heap, metaspace, code cache and a thread stack per thread (more than the sandbox's default). */
export const JAVA_MEMORY_MIB = 1024;

/**
 * JVM flags for runs that last a second: C1 only (no C2 warm-up), the serial collector, the
 * default class-data-sharing archive when present, no perf-data file, UTF-8 output even when
 * the run's environment names no locale, and a heap sized from the memory the sandbox gives it
 * rather than from the machine's (whose 1/64 alone would pass that limit on a large machine).
 */
export const JVM_FLAGS: readonly string[] = Object.freeze([
  `-XX:MaxRAM=${JAVA_MEMORY_MIB}m`,
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseSerialGC',
  '-Xshare:auto',
  '-XX:-UsePerfData',
  '-Dfile.encoding=UTF-8',
  '-Dsun.stdout.encoding=UTF-8',
  '-Dsun.stderr.encoding=UTF-8',
]);

/** The JDK that `javac` names on PATH: its version line and the `javac` and `java` beside each other. */
interface Jdk {
  versionLine: string;
  javac: string;
  java: string;
}

const jdks = new Map<string, Promise<Jdk>>();

function findJdk(): Promise<Jdk> {
  return memoByPath(jdks, 'javac', async () => {
    const onPath = findExecutable('javac');
    if (!onPath) throw new Error('javac not found on PATH');
    const javac = await realpath(onPath);
    const result = await runTool(javac, ['-version']);
    if (!result.ok) throw new Error(result.output);
    // Run with the java of the same JDK as javac, whatever `java` PATH names first.
    const java = findExecutable(join(dirname(javac), 'java')) ?? findExecutable('java');
    if (!java) throw new Error('java not found beside javac nor on PATH');
    return { versionLine: result.output.trim(), javac, java };
  });
}

/** " with Gson 2.13.1" for the jars Maven resolved (`gson-2.13.1.jar`) that the pom declares, or nothing. */
function libraryVersions(jars: readonly string[], pom: string): string {
  // Only the libraries the pom names: not what they bring along (Gson's annotations).
  const declared = new Set([...pom.matchAll(/<artifactId>\s*([\w.-]+)\s*<\/artifactId>/g)].map((match) => match[1]));
  const names = jars
    .map((jar) => /^(.+?)-(\d[\w.-]*)\.jar$/.exec(basename(jar)))
    .filter((match) => match !== null && declared.has(match[1]));
  const shown = names.map((match) => `${match?.[1] === 'gson' ? 'Gson' : match?.[1]} ${match?.[2]}`);
  return shown.length ? ` with ${shown.join(', ')}` : '';
}

/** How the JVM of a snippet run starts: tuned for one-shot runs (the harness), or with the JVM's defaults (for comparison in `npm run bench`). */
export type JavaStartup = 'tuned' | 'jvm-defaults';

/**
 * A Java runner. `tuned` (the harness's): JVM_FLAGS and the class-data-sharing archive, run as
 * `java <flags> -cp <gson>:<training.jar>:<classes> <FileBaseName>`. `jvm-defaults`: no flags,
 * no archive, `java -cp <classes>:<gson> <FileBaseName>`.
 */
export function createJavaRunner(startup: JavaStartup = 'tuned'): LanguageRunner {
  return defineRunner({
    ...languageFields('java'),
    toolchainCommands: ['javac', 'java', 'mvn'],
    dependencyFiles: ['pom.xml'],
    limits: { memoryMiB: JAVA_MEMORY_MIB },
    async detect() {
      const javac = await probeVersion('javac', ['-version'], /javac (\S+)/);
      if (!javac.found) return { available: false, reason: javac.reason };
      const major = Number(/^(?:1\.)?(\d+)/.exec(javac.version)?.[1] ?? 0);
      if (major < MIN_JAVA_MAJOR) return { available: false, reason: `Java ${MIN_JAVA_MAJOR}+ is needed (found javac ${javac.version})` };
      const mvn = await probeVersion('mvn', ['-v', '-B'], /Apache Maven (\S+)/);
      if (!mvn.found) return { available: false, reason: mvn.reason };
      return { available: true, version: `Java ${javac.version}, Maven ${stripAnsi(mvn.version)}` };
    },
    async prepare(file, context) {
      const path = resolve(file);
      const source = await readInput(path);
      const className = basename(path).replace(/\.java$/i, '');
      const snippetsRoot = resolve(context.snippetsRoot);
      const pomFile = join(snippetsRoot, 'pom.xml');
      const signal = context.signal ? { signal: context.signal } : {};
      let pom: Buffer;
      let jdk: Jdk;
      try {
        pom = await readInput(pomFile);
        jdk = await findJdk();
      } catch (error) {
        throw stepFailed('java', path, (error as Error).message);
      }

      const libKey = hashOf(pom).slice(0, 24);
      const lib = await buildOnce(
        join(resolve(context.cacheDir), 'java', `lib-${libKey}`),
        async (temp) => {
          const result = await runTool(
            'mvn',
            [
              '-q',
              '-B',
              '-Dstyle.color=never',
              '-f',
              pomFile,
              'dependency:copy-dependencies',
              `-DoutputDirectory=${temp}`,
              '-DincludeScope=runtime',
            ],
            { cwd: snippetsRoot, ...signal },
          );
          if (!result.ok) throw stepFailed(`mvn dependency:copy-dependencies (${pomFile})`, path, stripAnsi(result.output));
        },
        context,
      );
      const jars = (await readdir(lib))
        .filter((name) => name.endsWith('.jar'))
        .sort()
        .map((name) => join(lib, name));

      const classesKey = hashOf(source, className, jdk.versionLine, libKey).slice(0, 24);
      const classes = await buildOnce(
        join(resolve(context.cacheDir), 'java', 'classes', classesKey),
        async (temp) => {
          const result = await runTool(jdk.javac, ['-encoding', 'UTF-8', '-proc:none', '-cp', jars.join(delimiter), '-d', temp, path], {
            cwd: dirname(path),
            ...signal,
          });
          if (!result.ok) throw stepFailed('javac', path, result.output);
        },
        context,
      );
      const runtime = `Java ${/javac (\S+)/.exec(jdk.versionLine)?.[1] ?? '?'}${libraryVersions(jars, pom.toString('utf8'))}`;
      if (startup === 'jvm-defaults')
        return { command: jdk.java, args: ['-cp', [classes, ...jars].join(delimiter), className], cwd: dirname(path), runtime };
      const cds = await classDataArchive({ ...jdk, jars, jvmFlags: JVM_FLAGS, cacheDir: context.cacheDir, ...signal });
      const archive = cds ? [`-XX:SharedArchiveFile=${cds.archive}`, ...CDS_QUIET_FLAGS] : [];
      const classPath = [...(cds?.classPath ?? jars), classes];
      return {
        command: jdk.java,
        args: [...JVM_FLAGS, ...archive, '-cp', classPath.join(delimiter), className],
        cwd: dirname(path),
        runtime,
      };
    },
    run: runProcess,
  });
}

/** Runs .java snippets on a JVM tuned for one-shot runs, with the class-data-sharing archive. */
export const javaRunner = createJavaRunner();
