// The one contract every language runner implements: what the harness, the site and the scaffold
// know about the language (its tab, its dependency files, its starting file, how its clients reach
// the proxy, what switching certificate checks off or a crash looks like in it), then how to detect
// the toolchain, prepare a snippet once (install, compile, cache), and run it under each scenario.
// A language is one runner file: nothing about it lives anywhere else.
import type { ThrowawayCa } from '../mock/types.ts';
import type { Isolation } from '../sandbox/isolation.ts';
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
  /** How build steps are sandboxed (default: detected on this machine); the run's own, so a run without a sandbox builds without one too. */
  isolation?: Isolation;
}

/**
 * One step of prepare() that runs a tool (a compiler, a dependency installer) through `runBuild`
 * (`toolchain.ts`): in a sandbox of its own like a program's, with a scratch HOME and TMPDIR, the
 * system's folders, its toolchain, the tools on PATH and `reads` read-only, `writes` writable, and
 * nothing else of the machine: not the harness user's home, not the rest of the project. It has no
 * network at all, unless `network` lets it reach its runner's `build.registryHosts` through the
 * build proxy.
 */
export interface BuildStep {
  /** The program (found on PATH when not absolute), its arguments and working folder. */
  command: string;
  args: readonly string[];
  cwd: string;
  /** Files and folders it reads besides the system's and its toolchain's (the example's folder, a jar): shown read-only. */
  reads: readonly string[];
  /** Folders it writes (the build's temporary folder, a compiler's cache): shown writable, made when missing. */
  writes: readonly string[];
  /** Variables it runs with, over the build environment (`GOCACHE`). */
  env?: Readonly<Record<string, string>>;
  /**
   * A dependency installation from the project's pinned files, never a snippet's own build: it
   * reaches `build.registryHosts` (port 443) through the build proxy, whose address it gets in
   * HTTPS_PROXY and HTTP_PROXY (both spellings).
   */
  network?: boolean;
}

/** How a language's build steps run, past what every build step gets (see BuildStep). */
export interface BuildDeclaration {
  /** Variables every build step of the language runs with, over BUILD_VARIABLES (`CGO_ENABLED=0`): `{ GOPROXY: 'off' }`. Part of the build's cache key. */
  variables?: Readonly<Record<string, string>>;
  /** The hosts its dependency installation reaches through the build proxy, on port 443 (`pypi.org`); no other host answers. */
  registryHosts?: readonly string[];
  /** Variables of the harness's own environment its build steps need (`JAVA_HOME`, `PIP_CERT`); a value that is an absolute path is shown read-only. */
  passThroughVariables?: readonly string[];
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
  /**
   * When present, the wrapper gets a pipe on file descriptor 3 and this receives what it wrote, once
   * the run ended; and a lifeline on file descriptor 4, which reads end of file once the harness is
   * done with the run (it ended, was stopped, or the harness itself is gone).
   */
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

/** A way of writing code that switches certificate verification off, and what to do instead. */
export interface InsecureTlsSpelling {
  /** Tested on each line of the source (lines that only comment or import are left out). */
  pattern: RegExp;
  /** What the line does: `verify=False accepts any certificate`. */
  what: string;
  /** How to fix it: `remove it; requests checks certificates by default`. */
  fix: string;
}

/** A mark an unhandled error leaves on one line of a program's output. */
export interface CrashMark {
  /** Tested on one line without its newline (so `^` and `$` are the line's ends); it must not backtrack across lines. */
  pattern: RegExp | ((line: string) => boolean);
  /** Text every line the mark matches contains: only lines holding it are tested, which keeps the work linear. */
  anchor?: string;
  /** What the mark is, for the message: `a Python traceback`. */
  what: string;
}

/** Where the interception proxy listens and which CA a program must trust: what a runner's variables are made from. */
export interface InterceptionTarget {
  /** `http://127.0.0.1:<port>`. */
  proxyUrl: string;
  port: number;
  /** The throwaway CA: its folder, its PEM file and its PKCS12 trust store. */
  ca: ThrowawayCa;
  /** False when the environment must not trust the CA (to prove that a client verifies): leave the trust in it out. */
  trustCa: boolean;
}

/** How a language's clients are steered through the interception proxy and made to trust the throwaway CA only. */
export interface ClientEnvironment {
  /** Variables the clients read a CA bundle from (`REQUESTS_CA_BUNDLE`); each is set to the throwaway CA's PEM file. */
  caFileVariables?: readonly string[];
  /** Further variables the clients need, by name, made from the proxy and the CA (`NODE_USE_ENV_PROXY: () => '1'`). */
  setVariables?: Readonly<Record<string, (target: InterceptionTarget) => string>>;
  /** Inherited variables removed: each could add other roots, bypass the proxy or turn verification off for these clients. */
  removedVariables?: readonly string[];
  /** Variables naming the folder a client reads its user settings from (`CURL_HOME`): set to one that holds none. */
  homeVariables?: readonly string[];
  /** Variables of the harness's own environment that the language's programs need to start (`JAVA_HOME`), passed through. */
  passThroughVariables?: readonly string[];
}

/** A piece of a path as a template writes it: literal text, or a variable the program holds (named with `name`). */
export type CodePathPart = string | { variable: string };

/** A field of a record type a template declares: its name in the language, in the API's JSON, and its JSON type. */
export interface CodeRecordField {
  member: string;
  json: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
}

/**
 * How a language writes the parts of a new example that vary with its operation (names, strings,
 * paths, a JSON body): the template holds everything else, with a section for each kind of step.
 */
export interface ScaffoldCode {
  /** A variable name made of `words` (`['new', 'target']`): `newTarget`, `new_target`, `clientID`. */
  name(words: readonly string[]): string;
  /** A string literal holding `text`. */
  text(text: string): string;
  /** An expression of the path under the API's base URL: literal pieces and variables. */
  path(parts: readonly CodePathPart[]): string;
  /**
   * Code that sets a new variable `variable` to the JSON value `value` (a request body); the template
   * indents every line as the first. Each top-level field named in `ids` takes the value of the
   * program's variable named there (an id read from the environment) instead of its literal.
   */
  body(variable: string, value: unknown, ids?: Readonly<Record<string, string>>): string;
  /** For a language whose template declares a type per record: a field's name in it, made of `words` (Go: `ID`, `TargetBaseURL`). */
  member?(words: readonly string[]): string;
  /** For a language whose template declares a type per record: the declaration of type `name` with `fields`, as its formatter leaves it. */
  record?(name: string, fields: readonly CodeRecordField[]): string;
}

/** How `npm run new-example` makes this language's starting file. */
export interface ScaffoldTemplate {
  /** The template, located from the runner file: `new URL('../scaffold/templates/template.py', import.meta.url)`. */
  file: URL;
  /** The name of the file made for example `id`, as the repository names them (`list_clients.py`). */
  fileName(id: string): string;
  /** Makes one line of text (the title) safe inside the template's opening comment; default: as it is. */
  escape?(text: string): string;
  /** Placeholders the template fills besides `{{sentence}}`, for example `id` (`{ className: 'ListClients' }`). */
  placeholders?(id: string): Readonly<Record<string, string>>;
  /** Whether the made file is executable (a shell script). */
  executable?: boolean;
  /** Why `id` cannot name an example in this language (a Java class cannot start with a digit), in one sentence; undefined when it can. */
  idProblem?(id: string): string | undefined;
  /** What starts a line comment (`#`, `//`): the benchmark's copies of an example add one. */
  lineComment: string;
  /** How the template's code varies with the operation; without it, the template can only write the default (listClients) example. */
  code?: ScaffoldCode;
}

/** A language runner: one per language, registered by id. */
export interface LanguageRunner {
  /** Stable id (`python`): in case keys, reports, `--lang`, and the site's tab and storage. */
  id: string;
  /** Tab label shown to readers (`Python`). */
  label: string;
  /** File extensions that mark a snippet as this language (the first one is preferred). */
  extensions: readonly string[];
  /** Shiki grammar the site highlights the language's files with (`python`, `bash`). */
  grammar: string;
  /** Files in the snippets folder that prepare() installs from (`requirements.txt`); their hash is part of every case's inputs. */
  dependencyFiles?: readonly string[];
  /**
   * The programs detect() asks (`['javac', 'java', 'mvn']`). When given, the harness may reuse an
   * earlier answer of detect() while these programs and PATH are unchanged (see
   * `scripts/harness/cache/toolchain-cache.ts`); without it, detect() always runs.
   */
  toolchainCommands?: readonly string[];
  /** How `npm run new-example` makes this language's starting file. */
  scaffold: ScaffoldTemplate;
  /** The variables that send this language's clients through the interception proxy, trusting the throwaway CA. */
  environment?: ClientEnvironment;
  /** Lines that the variables of `environment` make a program print (the JVM's `Picked up JAVA_TOOL_OPTIONS: …`); removed from every program's output, since a reader's run prints none. Use the `gm` flags and take the line's end with it. */
  harnessNoise?: readonly RegExp[];
  /** The ways of switching certificate checks off in this language, which `tls-verify` finds in the source; without it, every registered runner's. */
  insecureTls?: readonly InsecureTlsSpelling[];
  /** How to set a request timeout of `seconds` seconds, as `request-timeout` advises it (`pass timeout=10 to requests.get()`). */
  requestTimeoutAdvice?(seconds: string): string;
  /** Marks of an unhandled error that this runtime prints; `handles-error` looks for every registered runner's in every output. */
  crashMarks?: readonly CrashMark[];
  /** Limits of its cases where its toolchain needs other than the sandbox's defaults (a JVM needs more memory than curl). */
  limits?: Partial<CaseLimits>;
  /** How its build steps run: their variables, the registry hosts its dependency installation reaches, what they take from the harness's environment. */
  build?: BuildDeclaration;
  /** Finds the toolchain and its version; never throws. */
  detect(): Promise<Toolchain>;
  /** Builds or installs what `file` needs, once; outside the intercepted environment, each tool it runs a `BuildStep` in a build sandbox. Cached. */
  prepare(file: string, context: PrepareContext): Promise<PreparedSnippet>;
  /** Runs a prepared snippet with the given environment. */
  run(prepared: PreparedSnippet, options: RunOptions): Promise<RunResult>;
}

/** Identity helper that types a runner object. */
export function defineRunner(runner: LanguageRunner): LanguageRunner {
  return runner;
}
