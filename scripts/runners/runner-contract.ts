// The one contract every language runner implements: detect the toolchain, prepare a snippet
// once (install, compile, cache), then run it as many times as there are scenarios.
import type { LanguageId } from '../languages.ts';
import type { LeakEncoding } from '../secrets/encodings.ts';

/** Whether a language's toolchain is usable here, with its version or the reason it is not. */
export type Toolchain = { available: true; version: string } | { available: false; reason: string };

/** Where a runner may keep what it builds, and how it is being asked. */
export interface PrepareContext {
  /** Writable folder shared by all runners (each uses its own sub-folder). */
  cacheDir: string;
  /** Folder holding the examples (and `requirements.txt`, `pom.xml`). */
  snippetsRoot: string;
  /** Aborts long installs and builds. */
  signal?: AbortSignal;
  /** Check cached builds against their recorded hashes even when already checked (programs run unsandboxed). */
  recheck?: boolean;
}

/** How to start a prepared snippet: a program, its arguments and working folder. */
export interface PreparedSnippet {
  command: string;
  args: string[];
  cwd: string;
  /** What the program runs with, as a reader would name it (`Python 3.11.7 with requests 2.32.5`); default: the toolchain's version. */
  runtime?: string;
}

/** How the harness wraps a run (a sandbox): what to start instead, and where the wrapper's own report goes. */
export interface CommandWrapper {
  /** The command to start in place of `prepared`, with the same environment and time limit. */
  wrap(prepared: PreparedSnippet): PreparedSnippet;
  /** When present, the wrapper gets a pipe on file descriptor 3 and this receives what it wrote, once the run ended. */
  report?(text: string): void;
}

/** How one run is made: the complete environment (already intercepted), its time limit and the harness's wrapper. */
export interface RunOptions {
  env: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Secrets to watch for in the whole of stdout and stderr, in any usual encoding (the token). */
  secrets?: readonly string[];
  /** Set by the harness: runners pass it on to `runProcess`, which starts the wrapped command. */
  wrapper?: CommandWrapper;
  /** Most bytes of stdout and stderr together; past it the whole process tree is killed (`RunResult.outputLimitExceeded`). */
  outputLimitBytes?: number;
}

/**
 * The most one case's program may use. The defaults are the sandbox's (`scripts/sandbox/case-limits.ts`);
 * a runner whose toolchain needs more declares it in `LanguageRunner.limits`.
 */
export interface CaseLimits {
  /** Private memory of each process (heap, stacks, private mappings), in MiB. */
  memoryMiB: number;
  /** Processes and threads of the program at once (and started in all). */
  processes: number;
  /** What it may write to its scratch space (HOME, TMPDIR, working folder and /tmp), in MiB. */
  scratchMiB: number;
  /** What it may print, stdout and stderr together, in MiB. */
  outputMiB: number;
}

/** A secret of `RunOptions.secrets` seen in the output: on which stream, in which encoding. */
export interface LeakFinding {
  stream: 'stdout' | 'stderr';
  encoding: LeakEncoding;
}

/** What one run of a snippet did. */
export interface RunResult {
  /** Exit code, or null when the process was killed by a signal. */
  exitCode: number | null;
  /** Signal that ended it, if any. */
  signal: string | null;
  stdout: string;
  stderr: string;
  /** True when the time limit was hit and the whole process tree was killed. */
  timedOut: boolean;
  durationMs: number;
  /** Every secret seen in all of the output, also past what `stdout`/`stderr` keep (absent: not watched). */
  leaks?: LeakFinding[];
  /** True when it printed more than `RunOptions.outputLimitBytes` and was killed for it. */
  outputLimitExceeded?: boolean;
}

/** A language runner: one per language, registered by id. */
export interface LanguageRunner {
  id: LanguageId | (string & {});
  label: string;
  extensions: readonly string[];
  /** Files in the snippets folder that prepare() installs from (`requirements.txt`); their hash is part of every case's inputs. */
  dependencyFiles?: readonly string[];
  /**
   * The programs detect() asks (`['javac', 'java', 'mvn']`). When given, the harness may reuse an
   * earlier answer of detect() while these programs and PATH are unchanged (see
   * `scripts/harness/cache/toolchain-cache.ts`); without it, detect() always runs.
   */
  toolchainCommands?: readonly string[];
  /** Limits of its cases where its toolchain needs other than the sandbox's defaults (a JVM needs more memory than curl). */
  limits?: Partial<CaseLimits>;
  /** Finds the toolchain and its version; never throws. */
  detect(): Promise<Toolchain>;
  /** Builds or installs what `file` needs, once; outside the intercepted environment. Cached. */
  prepare(file: string, context: PrepareContext): Promise<PreparedSnippet>;
  /** Runs a prepared snippet with the given environment. */
  run(prepared: PreparedSnippet, options: RunOptions): Promise<RunResult>;
}

/** Identity helper that types a runner object. */
export function defineRunner(runner: LanguageRunner): LanguageRunner {
  return runner;
}
