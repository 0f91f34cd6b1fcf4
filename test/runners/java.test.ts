// The Java runner: Gson resolved by Maven once per pom, javac once per content hash.
// vitest project: programs (test/support/projects.ts)
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { createJavaRunner, javaRunner } from '../../scripts/runners/java.ts';
import { findExecutable } from '../../scripts/paths.ts';
import {
  CACHE_DIR,
  CONTEXT,
  emptyPathDir,
  fixture,
  loggingWrapper,
  pathWithOnly,
  prepareAndRun,
  removeThrowaways,
  throwaway,
  uniqueCopy,
} from './helpers.ts';

afterAll(removeThrowaways);

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The folder a prepared Java snippet's classes were compiled into (last on the class path, after the archive's entries). */
function classesDir(args: readonly string[]): string {
  const classpath = args[args.indexOf('-cp') + 1] ?? '';
  return classpath.split(':').at(-1) ?? '';
}

describe('javaRunner', () => {
  test('detects javac and Maven with their versions', async () => {
    const toolchain = await javaRunner.detect();
    expect(toolchain).toMatchObject({ available: true });
    expect(toolchain.available && toolchain.version).toMatch(/^Java \d+[.\d]*, Maven \d+\.\d+\.\d+$/);
  });

  test('says javac is not found when PATH lacks it', async () => {
    vi.stubEnv('PATH', await emptyPathDir());
    expect(await javaRunner.detect()).toEqual({ available: false, reason: 'javac not found on PATH' });
  });

  test('says mvn is not found when PATH has javac but not Maven', async () => {
    vi.stubEnv('PATH', await pathWithOnly('javac'));
    expect(await javaRunner.detect()).toEqual({ available: false, reason: 'mvn not found on PATH' });
  });

  test('compiles against Gson and runs the class with exactly the given environment', async () => {
    const prepared = await javaRunner.prepare(fixture('java', 'Hello.java'), CONTEXT);
    expect(prepared.args.at(-1)).toBe('Hello');
    expect(prepared.args).toContain('-XX:TieredStopAtLevel=1');
    expect(prepared.cwd).toBe(dirname(fixture('java', 'Hello.java')));
    const result = await prepareAndRun(javaRunner, fixture('java', 'Hello.java'));
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, stderr: '' });
    expect(result.stdout).toBe('hello from java\n{"greeting":"hi","leak":"(unset)"}\n');
  });

  test('resolves the Gson version that snippets/pom.xml declares into the cache', async () => {
    const pom = await readFile(join(CONTEXT.snippetsRoot, 'pom.xml'), 'utf8');
    const version = /<artifactId>gson<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom)?.[1];
    const prepared = await javaRunner.prepare(fixture('java', 'Hello.java'), CONTEXT);
    const classpath = prepared.args[prepared.args.indexOf('-cp') + 1]?.split(':') ?? [];
    const gson = classpath.find((entry) => entry.endsWith(`/gson-${version}.jar`));
    expect(gson?.startsWith(join(CACHE_DIR, 'java', 'lib-'))).toBe(true);
  });

  test('maps the class-data-sharing archive for Gson and the JDK, even with JAVA_TOOL_OPTIONS set as the harness sets it', async () => {
    const prepared = await javaRunner.prepare(fixture('java', 'Hello.java'), CONTEXT);
    const archive = prepared.args.find((arg) => arg.startsWith('-XX:SharedArchiveFile='));
    expect(archive?.startsWith(`-XX:SharedArchiveFile=${join(CACHE_DIR, 'java', 'cds-')}`)).toBe(true);
    // -Xshare:on makes the JVM fail instead of silently running without the archive.
    const cp = prepared.args.indexOf('-cp');
    const args = [...prepared.args.slice(0, cp), '-Xshare:on', '-Xlog:class+load=info', ...prepared.args.slice(cp)];
    const env = {
      PATH: process.env.PATH ?? '',
      JAVA_TOOL_OPTIONS:
        '-Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9 -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword=throwaway',
    };
    const result = await javaRunner.run({ ...prepared, args }, { env, timeoutMs: 60_000 });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain('Picked up JAVA_TOOL_OPTIONS');
    expect(result.stdout).toMatch(/com\.google\.gson\.Gson source: shared objects file \(top\)/);
  });

  test('runs with the JVM defaults, without flags or archive, when asked (for the benchmark)', async () => {
    const prepared = await createJavaRunner('jvm-defaults').prepare(fixture('java', 'Hello.java'), CONTEXT);
    expect(prepared.args.filter((arg) => arg.startsWith('-X'))).toEqual([]);
    expect(prepared.args.at(-1)).toBe('Hello');
    const result = await prepareAndRun(createJavaRunner('jvm-defaults'), fixture('java', 'Hello.java'));
    expect(result.stdout).toBe('hello from java\n{"greeting":"hi","leak":"(unset)"}\n');
  });

  test('reports exit code 3', async () => {
    const result = await prepareAndRun(javaRunner, fixture('java', 'Exit3.java'));
    expect(result).toMatchObject({ exitCode: 3, signal: null, stdout: '', stderr: 'failing on purpose\n' });
  });

  test('reuses the classes and the libraries without compiling or resolving again', async () => {
    const first = await javaRunner.prepare(fixture('java', 'Hello.java'), CONTEXT);
    const compiled = await stat(join(classesDir(first.args), 'Hello.class'));
    const mvn = await loggingWrapper('mvn', findExecutable('mvn') ?? 'mvn');
    vi.stubEnv('PATH', `${mvn.binDir}:${process.env.PATH ?? ''}`);
    const second = await javaRunner.prepare(fixture('java', 'Hello.java'), CONTEXT);
    expect(second).toEqual(first);
    expect((await stat(join(classesDir(second.args), 'Hello.class'))).mtimeMs).toBe(compiled.mtimeMs);
    expect(await mvn.calls()).toEqual([]);
  });

  test('compiles anew when the file changes, once for concurrent prepares', async () => {
    const before = await javaRunner.prepare(fixture('java', 'Hello.java'), CONTEXT);
    const copy = await uniqueCopy('java', 'Hello.java', '//');
    const javac = await loggingWrapper('javac', findExecutable('javac') ?? 'javac');
    vi.stubEnv('PATH', `${javac.binDir}:${process.env.PATH ?? ''}`);
    // Without the build sandbox, whose view would show the wrapper's log read-only.
    const context = { ...CONTEXT, isolation: { available: false as const, reason: 'the logging wrapper writes beside itself' } };
    const prepared = await Promise.all(Array.from({ length: 3 }, () => javaRunner.prepare(copy, context)));
    const dirs = new Set(prepared.map((snippet) => classesDir(snippet.args)));
    for (const dir of dirs) throwaway(dir);
    expect(dirs.size).toBe(1);
    expect([...dirs][0]).not.toBe(classesDir(before.args));
    expect(await readdir([...dirs][0] ?? '')).toEqual(['Hello.class']);
    expect((await javac.calls()).filter((call) => call.includes(copy))).toHaveLength(1);
    await writeFile(copy, `${await readFile(copy, 'utf8')}// changed again\n`);
    const after = await javaRunner.prepare(copy, CONTEXT);
    throwaway(classesDir(after.args));
    expect(classesDir(after.args)).not.toBe([...dirs][0]);
  });

  test('throws the compiler output, naming the file, when javac fails', async () => {
    const error = await javaRunner.prepare(fixture('java', 'Broken.java'), CONTEXT).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^javac failed for test\/fixtures\/runners\/java\/Broken\.java:\n/);
    expect((error as Error).message).toContain('cannot find symbol');
  });
});
