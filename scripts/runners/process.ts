// Starting programs for the runners: a snippet run (exact environment, time limit, whole process
// tree killed) and the toolchain commands that detect() and prepare() use.
import { isAbsolute } from 'node:path';
import type { Readable } from 'node:stream';
import { execa } from 'execa';
import { createLeakScanner, type LeakScanner } from '../secrets/stream-scan.ts';
import type { LeakFinding, PreparedSnippet, RunOptions, RunResult } from './runner-contract.ts';

/** Most bytes of stdout, and of stderr, that a run keeps; the rest is counted and dropped. */
export const OUTPUT_LIMIT_BYTES = 1024 * 1024;

/** Runs a prepared snippet with exactly `options.env`, no stdin, and kills its whole process tree on timeout or abort. */
export async function runProcess(prepared: PreparedSnippet, options: RunOptions): Promise<RunResult> {
  if (!(options.timeoutMs > 0) || !Number.isFinite(options.timeoutMs)) {
    throw new Error(`timeoutMs must be a positive number of milliseconds, got ${options.timeoutMs}`);
  }
  const started = performance.now();
  const launch = options.wrapper ? options.wrapper.wrap(prepared) : prepared;
  const reportPipe = options.wrapper?.report !== undefined;
  const subprocess = execa(launch.command, launch.args, {
    cwd: launch.cwd,
    env: options.env,
    extendEnv: false,
    stdio: reportPipe ? ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
    // Output is collected below, capped, instead of by execa.
    buffer: false,
    timeout: Math.ceil(options.timeoutMs),
    // The snippet runs in its own process group; every kill (time limit, abort, this process
    // exiting) sends SIGKILL to the whole group, so a forked child cannot outlive it.
    killDescendants: true,
    killSignal: 'SIGKILL',
    forceKillAfterDelay: false,
    cleanup: true,
    ...(options.signal ? { cancelSignal: options.signal } : {}),
    reject: false,
  });
  const watch = { stdout: createLeakScanner(options.secrets ?? []), stderr: createLeakScanner(options.secrets ?? []) };
  // Both streams count towards the output limit; the first byte past it ends the whole process tree.
  const printed = { bytes: 0, exceeded: false };
  const countOutput = (chunk: Buffer) => {
    printed.bytes += chunk.length;
    if (options.outputLimitBytes === undefined || printed.exceeded || printed.bytes <= options.outputLimitBytes) return;
    printed.exceeded = true;
    subprocess.kill('SIGKILL');
  };
  const stdout = collectCapped(subprocess.stdout, watch.stdout, countOutput);
  const stderr = collectCapped(subprocess.stderr, watch.stderr, countOutput);
  const report = reportPipe ? collectCapped(subprocess.stdio[3] as Readable) : undefined;
  const result = await subprocess;
  // The direct child has ended; background processes it left in its group go too, and the
  // wrapper's lifeline ends, which stops whatever of the run is left outside that group.
  subprocess.kill('SIGKILL');
  if (reportPipe) (subprocess.stdio[4] as Readable | null)?.destroy();
  const durationMs = performance.now() - started;
  if (report) options.wrapper?.report?.(report());

  if (result.failed && result.exitCode === undefined && result.signal === undefined && !result.timedOut && !result.isCanceled) {
    throw new Error(
      `could not start ${launch.command} (in ${launch.cwd}): ${result.originalMessage || result.shortMessage || 'unknown error'}`,
    );
  }
  return {
    exitCode: result.exitCode ?? null,
    signal: result.signal ?? null,
    stdout: stdout(),
    stderr: stderr(),
    timedOut: result.timedOut,
    durationMs,
    leaks: leakFindings(watch),
    ...(printed.exceeded ? { outputLimitExceeded: true } : {}),
  };
}

/** What the scanners of stdout and stderr found. */
function leakFindings(watch: Record<LeakFinding['stream'], LeakScanner>): LeakFinding[] {
  return (['stdout', 'stderr'] as const).flatMap((stream) => {
    watch[stream].end();
    return watch[stream].findings().map((encoding) => ({ stream, encoding }));
  });
}

/** Whether a stream's text was cut at OUTPUT_LIMIT_BYTES: what the run keeps ends with the note of how much it dropped. */
export function outputWasCut(text: string): boolean {
  return /\n\[output truncated: \d+ more bytes\]$/.test(text);
}

/**
 * Reads a stream as it flows, keeping the first OUTPUT_LIMIT_BYTES, showing `scanner` (if any) all
 * of it and telling `count` of every chunk; returns a function giving the text so far.
 */
function collectCapped(stream: Readable | null, scanner?: LeakScanner, count?: (chunk: Buffer) => void): () => string {
  const chunks: Buffer[] = [];
  let kept = 0;
  let dropped = 0;
  stream?.on('data', (chunk: Buffer) => {
    count?.(chunk);
    scanner?.write(chunk);
    const room = OUTPUT_LIMIT_BYTES - kept;
    if (room >= chunk.length) {
      chunks.push(chunk);
      kept += chunk.length;
    } else {
      if (room > 0) chunks.push(chunk.subarray(0, room));
      kept += Math.max(room, 0);
      dropped += chunk.length - Math.max(room, 0);
    }
  });
  return () => {
    const text = Buffer.concat(chunks).toString('utf8');
    return dropped > 0 ? `${text}\n[output truncated: ${dropped} more bytes]` : text;
  };
}

/** What a toolchain command printed and how it ended. */
export interface ToolResult {
  /** True when it exited 0. */
  ok: boolean;
  /** True when the program itself could not be found. */
  notFound: boolean;
  exitCode: number | null;
  /** Its stdout and stderr, interleaved, without the final newline. */
  output: string;
}

/** Where a toolchain command runs: folder, environment (default: this process's, read now) and abort signal. */
export interface ToolOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** Runs a toolchain command (a version check, an install, a compiler) in this process's environment; never throws for a failure. */
export async function runTool(command: string, args: readonly string[], options: ToolOptions = {}): Promise<ToolResult> {
  const result = await execa(command, args, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: options.env ?? process.env,
    extendEnv: false,
    stdin: 'ignore',
    all: true,
    killDescendants: true,
    killSignal: 'SIGKILL',
    cleanup: true,
    ...(options.signal ? { cancelSignal: options.signal } : {}),
    reject: false,
  });
  const notFound = result.failed && result.exitCode === undefined && (result as { code?: string }).code === 'ENOENT';
  const output = typeof result.all === 'string' ? result.all : '';
  return {
    ok: !result.failed,
    notFound,
    exitCode: result.exitCode ?? null,
    output: notFound
      ? `${command} not found${isAbsolute(command) ? '' : ' on PATH'}`
      : output || (result.exitCode === undefined ? (result.shortMessage ?? '') : ''),
  };
}
