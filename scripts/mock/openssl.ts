// Running the openssl command line, with errors that say what was being made.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs `openssl` with the arguments in `cwd`; a missing binary or a failure becomes a clear error. */
export async function openssl(args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run('openssl', [...args], { cwd, env: env ?? process.env });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new Error('openssl not found on PATH: it is needed to make the throwaway CA', { cause: error });
    }
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`Expected \`openssl ${args[0] ?? ''}\` to succeed while making the throwaway CA, got: ${stderr}`, {
      cause: error,
    });
  }
}
