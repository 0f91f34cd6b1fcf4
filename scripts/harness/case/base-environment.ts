// The environment a snippet runs with: a small, explicit base, never the caller's secrets.
import { API_FACTS } from '../../api/core-api.ts';
import { DEFAULT_RUNNERS } from '../../runners/registry.ts';
import type { LanguageRunner } from '../../runners/runner-contract.ts';

/** Variables passed through from the harness's own environment: what any program needs to start. */
export const PASS_THROUGH = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'SYSTEMROOT'];

/**
 * A minimal base environment: the pass-through variables, and those the registered runners' programs
 * need (`passThroughVariables`), only (so a real token in the caller's shell never reaches a snippet).
 */
export function baseEnvironment(
  source: NodeJS.ProcessEnv = process.env,
  runners: readonly Pick<LanguageRunner, 'environment'>[] = DEFAULT_RUNNERS,
): Record<string, string> {
  const base: Record<string, string> = {};
  for (const name of [...PASS_THROUGH, ...runners.flatMap((runner) => runner.environment?.passThroughVariables ?? [])]) {
    const value = source[name];
    if (value !== undefined) base[name] = value;
  }
  return base;
}

/** `env` with the token variable set to `token`, or removed when `token` is undefined. */
export function withToken(env: Record<string, string>, token: string | undefined): Record<string, string> {
  const result = { ...env };
  if (token === undefined) delete result[API_FACTS.tokenEnvVar];
  else result[API_FACTS.tokenEnvVar] = token;
  return result;
}
