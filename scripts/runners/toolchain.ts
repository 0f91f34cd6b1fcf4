// Helpers every runner shares: starting programs, running a build step in its sandbox, version
// probes for detect(), reading the snippet, the error prepare() throws, and what a stack frame looks
// like. The process machinery (process.ts, execa, the build sandbox) loads on first use, so a runner
// file's facts (its label, grammar, dependency files) can be read without it: the site does.
import { readFile } from 'node:fs/promises';
import { displayPath } from '../paths.ts';
import type { ToolOptions, ToolResult } from './process.ts';
import type { BuildDeclaration, BuildStep, PrepareContext, PreparedSnippet, RunOptions, RunResult } from './runner-contract.ts';

/** Runs a prepared snippet with `runProcess` (exact environment, time limit, process tree killed, output watched for the secrets): every runner's `run`. */
export async function runSnippet(prepared: PreparedSnippet, options: RunOptions): Promise<RunResult> {
  const { runProcess } = await import('./process.ts');
  return runProcess(prepared, options);
}

/** Runs a toolchain command (a version check, an install, a compiler) with `runTool`; never throws for a failure. */
export async function runToolchain(command: string, args: readonly string[], options: ToolOptions = {}): Promise<ToolResult> {
  const { runTool } = await import('./process.ts');
  return runTool(command, args, options);
}

/** What every build step runs with unless its runner's `build.variables` say otherwise: no C compiler run over a snippet's own flags (cgo off). */
export const BUILD_VARIABLES: Readonly<Record<string, string>> = Object.freeze({ CGO_ENABLED: '0' });

/** The variables the build steps of a runner declaring `build` run with: BUILD_VARIABLES, then its own (part of its builds' cache keys). */
export function buildVariables(build: BuildDeclaration | undefined): Record<string, string> {
  return { ...BUILD_VARIABLES, ...build?.variables };
}

/** Runs one step of prepare() in its build sandbox (`scripts/sandbox/build-sandbox.ts`), as the runner's `build` declares; never throws for a failure. */
export async function runBuild(
  step: BuildStep,
  build: BuildDeclaration | undefined,
  context: Pick<PrepareContext, 'isolation' | 'signal'>,
): Promise<ToolResult> {
  const { runBuildStep } = await import('../sandbox/build-sandbox.ts');
  return runBuildStep(step, {
    variables: buildVariables(build),
    passThrough: build?.passThroughVariables ?? [],
    registryHosts: build?.registryHosts ?? [],
    ...(context.isolation ? { isolation: context.isolation } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
  });
}

/** Drops ANSI colour codes some tools (Maven) print even when not on a terminal. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** A probed tool: its version, or why it cannot be used. */
export type Probe = { found: true; version: string; output: string } | { found: false; reason: string };

/** Runs `command args` (PATH read now) and reads the version from the first match group of `pattern`. */
export async function probeVersion(command: string, args: readonly string[], pattern: RegExp, options: ToolOptions = {}): Promise<Probe> {
  try {
    const result = await runToolchain(command, args, options);
    if (result.notFound) return { found: false, reason: `${command} not found on PATH` };
    const firstLine =
      result.output
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? '';
    if (!result.ok)
      return { found: false, reason: `'${[command, ...args].join(' ')}' failed: ${firstLine || `exit code ${result.exitCode}`}` };
    const version = pattern.exec(result.output)?.[1];
    if (!version) return { found: false, reason: `cannot read a version from '${[command, ...args].join(' ')}': ${firstLine}` };
    return { found: true, version, output: result.output };
  } catch (error) {
    return { found: false, reason: `'${[command, ...args].join(' ')}' could not run: ${(error as Error).message}` };
  }
}

/** Remembers one promise per key (with this process's PATH, read now), dropping it when it fails. */
export function memoByPath<T>(memo: Map<string, Promise<T>>, key: string, compute: () => Promise<T>): Promise<T> {
  const fullKey = `${key}\u0000${process.env.PATH ?? ''}`;
  const known = memo.get(fullKey);
  if (known) return known;
  const promise = compute();
  memo.set(fullKey, promise);
  promise.catch(() => memo.delete(fullKey));
  return promise;
}

/** Reads a file prepare() needs, or throws an error naming it and why it cannot be read. */
export async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot read it (${code ?? String(error)})`;
    throw new Error(`cannot read ${displayPath(file)}: ${why}`, { cause: error });
  }
}

/** The error prepare() throws: names the step, the snippet file, and what the tool printed. */
export function stepFailed(step: string, file: string, output: string): Error {
  const detail = output.trim();
  return new Error(`${step} failed for ${displayPath(file)}${detail.includes('\n') ? ':\n' : ': '}${detail || 'no output'}`);
}

/** A stack frame or dump header is never longer than this; longer lines are not read as one. */
const MAX_FRAME_LINE = 2048;

/** An indented `at …` line short enough to be a stack frame (the JVM's and Node's frames start so). */
export function isStackFrameLine(line: string): boolean {
  return line.length <= MAX_FRAME_LINE && /^[ \t]+at /.test(line);
}
