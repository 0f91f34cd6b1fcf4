// `npm run dev`: `astro dev`, stopped with its launcher. npm runs a script through `sh -c`, and
// when npm is sent SIGTERM it passes the signal to that shell only: the shell dies and a server
// started under it would keep running, orphaned, holding its port. This launcher passes every stop
// signal it receives on to the server, stops the server when the shell that started it is gone
// (which no event announces, so it looks twice a second), and exits as the server did.
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { PROJECT_ROOT } from './project.ts';

/** The signals that stop the dev server, passed on as they come. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How often the launcher looks whether the process that started it is still there. */
const PARENT_CHECK_MS = 500;

/** The exit code of a process that ended with `exitCode` or was killed by `signal` (128 + its number, as shells say). */
export function exitCodeOf(exitCode: number | undefined, signal: NodeJS.Signals | undefined): number {
  if (exitCode !== undefined) return exitCode;
  return signal ? 128 + (constants.signals[signal] ?? 0) : 1;
}

/** Runs `astro dev` with `args` until it ends, and returns the exit code to end with. */
export async function runDevServer(args: readonly string[]): Promise<number> {
  const server = execa('astro', ['dev', ...args], { cwd: PROJECT_ROOT, preferLocal: true, stdio: 'inherit', reject: false });
  const forward = (signal: NodeJS.Signals) => void server.kill(signal);
  for (const signal of STOP_SIGNALS) process.on(signal, forward);
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) server.kill('SIGTERM');
  }, PARENT_CHECK_MS);
  try {
    const result = await server;
    return exitCodeOf(result.exitCode, result.signal);
  } finally {
    clearInterval(watch);
    for (const signal of STOP_SIGNALS) process.off(signal, forward);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await runDevServer(process.argv.slice(2));
