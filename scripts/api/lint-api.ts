// `npm run lint:api`: lints the Core API description with Redocly CLI and its committed ruleset,
// offline: no telemetry and no update check, whatever the terminal (the variables are set here, so
// the npm script works the same on every platform).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../project.ts';

/** The description and its ruleset, relative to the project root. */
export const LINTED_DESCRIPTION = { file: 'api/core-api.openapi.yaml', config: 'api/redocly.yaml' } as const;

/** Variables that keep Redocly CLI from reaching the network. */
export const REDOCLY_OFFLINE_ENV: Readonly<Record<string, string>> = Object.freeze({
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
});

/** The node arguments that run `redocly lint` on a description (default: the project's, with its ruleset), `extra` appended. */
export function redoclyLintArgs(extra: readonly string[] = [], target: { file: string; config: string } = LINTED_DESCRIPTION): string[] {
  const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
  return [cli, 'lint', target.file, '--config', target.config, ...extra];
}

/** Runs the lint in the project root, its output on this terminal; returns its exit code. */
export function lintApi(extra: readonly string[] = []): number {
  const result = spawnSync(process.execPath, redoclyLintArgs(extra), {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...REDOCLY_OFFLINE_ENV },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = lintApi(process.argv.slice(2));
