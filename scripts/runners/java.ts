// Java: Gson (the one library, declared in snippets/pom.xml) is resolved with Maven once per pom,
// reaching Maven Central alone; each snippet is compiled with javac once per content, with no
// network; both in build sandboxes. A snippet then runs on a JVM tuned for short runs that maps a
// class-data-sharing archive of the JDK's HTTP and TLS classes and Gson (java-cds.ts). The JVM
// reads neither proxy nor CA variables: JAVA_TOOL_OPTIONS gives it both as system properties.
import { readdir, realpath } from 'node:fs/promises';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import type { ThrowawayCa } from '../mock/types.ts';
import { camelCase, pascalCase, wordsOf } from './file-names.ts';
import { defineRunner, type BuildDeclaration, type LanguageRunner, type ScaffoldCode, type ScaffoldTemplate } from './runner-contract.ts';
import { buildOnce, hashOf } from './build-cache.ts';
import { findExecutable } from '../paths.ts';
import {
  isStackFrameLine,
  memoByPath,
  probeVersion,
  readInput,
  runBuild,
  runSnippet,
  runToolchain,
  stepFailed,
  stripAnsi,
} from './toolchain.ts';

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

/** How Maven resolves the pom: from Maven Central alone, with the JDK the tools find. */
const JAVA_BUILD: BuildDeclaration = Object.freeze({
  registryHosts: Object.freeze(['repo.maven.apache.org', 'repo1.maven.org']),
  passThroughVariables: Object.freeze(['JAVA_HOME']),
});

/**
 * Runs Maven (`$0`, with the arguments after it) through the build proxy, which it reads from no
 * variable: settings naming the host and port of HTTPS_PROXY are written into the step's scratch HOME
 * and passed with `-s`.
 */
const MAVEN_THROUGH_PROXY = `address=\${HTTPS_PROXY#http://}
cat >"$HOME/settings.xml" <<EOF
<settings><proxies>
<proxy><id>https</id><protocol>https</protocol><host>\${address%:*}</host><port>\${address##*:}</port></proxy>
<proxy><id>http</id><protocol>http</protocol><host>\${address%:*}</host><port>\${address##*:}</port></proxy>
</proxies></settings>
EOF
exec "$0" -s "$HOME/settings.xml" "$@"`;

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
    const result = await runToolchain(javac, ['-version']);
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

/** The Java system properties for the proxy and the trust store, as JAVA_TOOL_OPTIONS carries them. */
export function javaToolOptions(port: number, ca: Pick<ThrowawayCa, 'trustStorePath' | 'trustStorePassword'>): string {
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

// JAVA_TOOL_OPTIONS is split on white space unless a value is in double quotes (Java 9+).
function javaOptionValue(value: string): string {
  if (!/\s/.test(value)) return value;
  if (value.includes('"')) {
    throw new Error(`Expected a Java option value without both white space and double quotes, got ${JSON.stringify(value)}`);
  }
  return `"${value}"`;
}

/** Type names the Java template uses; a class of the same name would shadow or clash with them. */
export const JAVA_TEMPLATE_TYPES: readonly string[] = Object.freeze([
  'Duration',
  'Gson',
  'HttpClient',
  'HttpRequest',
  'HttpResponse',
  'HttpTimeoutException',
  'IOException',
  'InterruptedException',
  'JsonArray',
  'JsonElement',
  'JsonObject',
  'JsonParser',
  'RuntimeException',
  'String',
  'System',
  'URI',
]);

/** A Java string literal (JSON's escapes are Java's too). */
const javaString = (text: string) => JSON.stringify(text);

/** A JSON number, boolean or string as a Java literal for Gson's addProperty. */
function javaScalar(value: unknown): string {
  if (typeof value === 'string') return javaString(value);
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > 2 ** 31 - 1) return `${value}L`;
  return String(value);
}

/** Statements that build the JSON value `value` with Gson into a new variable `variable` (names taken are not reused); a field named in `ids` holds that variable. */
function javaBody(
  variable: string,
  value: unknown,
  taken: Set<string> = new Set([variable]),
  ids: Readonly<Record<string, string>> = {},
): string[] {
  const name = (key: string) => {
    let candidate = camelCase(wordsOf(key));
    for (let count = 2; taken.has(candidate); count++) candidate = `${camelCase(wordsOf(key))}${count}`;
    taken.add(candidate);
    return candidate;
  };
  if (Array.isArray(value)) {
    const lines = [`JsonArray ${variable} = new JsonArray();`];
    for (const item of value) {
      if (item !== null && typeof item === 'object') {
        const nested = name(`${variable}Item`);
        lines.push(...javaBody(nested, item, taken), `${variable}.add(${nested});`);
      } else lines.push(`${variable}.add(${javaScalar(item)});`);
    }
    return lines;
  }
  const lines = [`JsonObject ${variable} = new JsonObject();`];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (Object.hasOwn(ids, key)) lines.push(`${variable}.addProperty(${javaString(key)}, ${ids[key]});`);
    else if (item !== null && typeof item === 'object') {
      const nested = name(key);
      lines.push(...javaBody(nested, item, taken), `${variable}.add(${javaString(key)}, ${nested});`);
    } else lines.push(`${variable}.addProperty(${javaString(key)}, ${item === null ? '(String) null' : javaScalar(item)});`);
  }
  return lines;
}

/** How the Java template writes names, strings, paths (concatenations) and a body (built with Gson's JsonObject). */
const JAVA_CODE: ScaffoldCode = {
  name: camelCase,
  text: javaString,
  path: (parts) => parts.map((part) => (typeof part === 'string' ? javaString(part) : part.variable)).join(' + '),
  body: (variable, value, ids) => javaBody(variable, value, new Set([variable, ...Object.values(ids ?? {})]), ids).join('\n'),
};

/** Why `id` cannot name a Java class the template can use, or undefined. */
function javaIdProblem(id: string): string | undefined {
  const className = pascalCase(id);
  if (/^[0-9]/.test(id)) return `"${id}" cannot be used: the Java class ${className} would start with a digit; start the id with a letter`;
  if (JAVA_TEMPLATE_TYPES.includes(className)) {
    return `"${id}" cannot be used: the Java class ${className} would clash with the type ${className} the Java example uses; add a word, like "get-${id}"`;
  }
  return undefined;
}

/** The starting file: `ListClients.java`, its class named after it. */
const JAVA_SCAFFOLD: ScaffoldTemplate = {
  file: new URL('../scaffold/templates/Template.java', import.meta.url),
  fileName: (id) => `${pascalCase(id)}.java`,
  // Inside /** … */: "*/" would end the comment, and javac reads \u escapes even in comments.
  escape: (text) => text.replaceAll('\\', '\\\\').replaceAll('*/', '*&#47;'),
  placeholders: (id) => ({ className: pascalCase(id) }),
  idProblem: javaIdProblem,
  lineComment: '//',
  code: JAVA_CODE,
};

/** How the JVM of a snippet run starts: tuned for one-shot runs (the harness), or with the JVM's defaults (for comparison in `npm run bench`). */
export type JavaStartup = 'tuned' | 'jvm-defaults';

/**
 * A Java runner. `tuned` (the harness's): JVM_FLAGS and the class-data-sharing archive, run as
 * `java <flags> -cp <gson>:<training.jar>:<classes> <FileBaseName>`. `jvm-defaults`: no flags,
 * no archive, `java -cp <classes>:<gson> <FileBaseName>`.
 */
export function createJavaRunner(startup: JavaStartup = 'tuned'): LanguageRunner {
  return defineRunner({
    id: 'java',
    label: 'Java',
    extensions: ['.java'],
    grammar: 'java',
    toolchainCommands: ['javac', 'java', 'mvn'],
    dependencyFiles: ['pom.xml'],
    scaffold: JAVA_SCAFFOLD,
    environment: {
      setVariables: {
        JAVA_TOOL_OPTIONS: ({ port, ca, trustCa }) => javaToolOptions(port, trustCa ? ca : { ...ca, trustStorePath: null }),
      },
      // Read after JAVA_TOOL_OPTIONS, so they could override it.
      removedVariables: ['JDK_JAVA_OPTIONS', '_JAVA_OPTIONS'],
      // The JDK the tools find.
      passThroughVariables: ['JAVA_HOME'],
    },
    // The JVM says it picked JAVA_TOOL_OPTIONS up, which names the trust store.
    harnessNoise: [
      /^Picked up (?:JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS): .*(?:\r?\n|$)/gm,
      /^NOTE: Picked up JDK_JAVA_OPTIONS: .*(?:\r?\n|$)/gm,
    ],
    insecureTls: [
      {
        pattern: /\bX509(?:Extended)?TrustManager\b|\bTrustManager\s*\[\]/,
        what: "a hand-made TrustManager replaces the JVM's certificate checks",
        fix: 'remove it and the SSLContext built with it; HttpClient.newHttpClient() checks certificates by default',
      },
      { pattern: /disableHostnameVerification|HostnameVerifier/, what: 'hostname verification is switched off', fix: 'remove it' },
      {
        pattern: /TrustAllStrategy|InsecureTrustManagerFactory|TrustSelfSignedStrategy/,
        what: 'a trust-all strategy accepts any certificate',
        fix: 'remove it',
      },
    ],
    requestTimeoutAdvice: (seconds) => `set .timeout(Duration.ofSeconds(${seconds})) on the HttpRequest`,
    crashMarks: [
      { pattern: /Exception in thread "/, anchor: 'Exception in thread "', what: 'an uncaught Java exception' },
      {
        pattern: (line) =>
          isStackFrameLine(line) && /^[ \t]+at [\w$.<>]+\((?:[\w$.]+\.java:\d+|Native Method|Unknown Source)\)$/.test(line),
        anchor: 'at ',
        what: 'a Java stack trace',
      },
    ],
    limits: { memoryMiB: JAVA_MEMORY_MIB },
    build: JAVA_BUILD,
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
      let pom: Buffer;
      let jdk: Jdk;
      try {
        pom = await readInput(pomFile);
        jdk = await findJdk();
      } catch (error) {
        throw stepFailed('java', path, (error as Error).message);
      }

      const libKey = hashOf(pom).slice(0, 24);
      const javaDir = join(resolve(context.cacheDir), 'java');
      // Maven's own repository (its plugins and Gson), kept between resolutions.
      const mavenRepository = join(javaDir, 'maven-repository');
      const lib = await buildOnce(
        join(javaDir, `lib-${libKey}`),
        async (temp) => {
          const mvn = findExecutable('mvn');
          if (!mvn) throw stepFailed(`mvn dependency:copy-dependencies (${pomFile})`, path, 'mvn not found on PATH');
          const result = await runBuild(
            {
              command: '/bin/sh',
              args: [
                '-c',
                MAVEN_THROUGH_PROXY,
                mvn,
                '-q',
                '-B',
                '-Dstyle.color=never',
                `-Dmaven.repo.local=${mavenRepository}`,
                '-f',
                pomFile,
                'dependency:copy-dependencies',
                `-DoutputDirectory=${temp}`,
                '-DincludeScope=runtime',
              ],
              cwd: snippetsRoot,
              // The pom alone of the examples' folder, and where Maven is installed (`<home>/bin/mvn`).
              reads: [pomFile, dirname(dirname(await realpath(mvn)))],
              writes: [temp, mavenRepository],
              network: true,
            },
            JAVA_BUILD,
            context,
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
        join(javaDir, 'classes', classesKey),
        async (temp) => {
          const result = await runBuild(
            {
              command: jdk.javac,
              // No annotation processor runs (-proc:none): javac reads the snippet and the jars only.
              args: ['-encoding', 'UTF-8', '-proc:none', '-cp', jars.join(delimiter), '-d', temp, path],
              cwd: dirname(path),
              reads: [dirname(path), lib],
              writes: [temp],
            },
            JAVA_BUILD,
            context,
          );
          if (!result.ok) throw stepFailed('javac', path, result.output);
        },
        context,
      );
      const runtime = `Java ${/javac (\S+)/.exec(jdk.versionLine)?.[1] ?? '?'}${libraryVersions(jars, pom.toString('utf8'))}`;
      if (startup === 'jvm-defaults')
        return { command: jdk.java, args: ['-cp', [classes, ...jars].join(delimiter), className], cwd: dirname(path), runtime };
      const { CDS_QUIET_FLAGS, classDataArchive } = await import('./java-cds.ts');
      const cds = await classDataArchive({
        ...jdk,
        jars,
        jvmFlags: JVM_FLAGS,
        cacheDir: context.cacheDir,
        ...(context.signal ? { signal: context.signal } : {}),
      });
      const archive = cds ? [`-XX:SharedArchiveFile=${cds.archive}`, ...CDS_QUIET_FLAGS] : [];
      const classPath = [...(cds?.classPath ?? jars), classes];
      return {
        command: jdk.java,
        args: [...JVM_FLAGS, ...archive, '-cp', classPath.join(delimiter), className],
        cwd: dirname(path),
        runtime,
      };
    },
    run: runSnippet,
  });
}

/** Runs .java snippets on a JVM tuned for one-shot runs, with the class-data-sharing archive. */
export const javaRunner = createJavaRunner();
