// Prepares every language's toolchain once, before any test of the `programs` project starts, with
// the harness's own runners and cache: no test's time limit then pays for Python's virtual
// environment, Maven's first resolution, Go's build cache or Java's class-data-sharing archive.
// What each language came to is printed and handed to test/harness/toolchains-prepared.test.ts,
// which fails, naming the language, the command and its output, for one that could not be prepared.
import type { TestProject } from 'vitest/node';
import { formatPreparation, prepareToolchains, type ToolchainPreparation } from '../../scripts/harness/harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** What preparing each language's toolchain came to, or why the examples could not even be read. */
    toolchains: { preparations: ToolchainPreparation[]; error?: string };
  }
}

/** How long preparing every toolchain may take: a first pip install and Maven resolution over a slow network. */
export const PREPARE_LIMIT_MS = 20 * 60_000;

/** Vitest global setup: prepare, print what each language came to, and provide it. */
export async function setup(project: TestProject): Promise<void> {
  const limit = AbortSignal.timeout(PREPARE_LIMIT_MS);
  const started = performance.now();
  process.stdout.write('Preparing each language once, before the programs tests (test/support/toolchains-global-setup.ts):\n');
  let toolchains: { preparations: ToolchainPreparation[]; error?: string };
  try {
    toolchains = { preparations: await prepareToolchains({ signal: limit }) };
  } catch (error) {
    toolchains = { preparations: [], error: `the examples could not be read: ${(error as Error).message}` };
  }
  for (const preparation of toolchains.preparations) {
    if (preparation.state === 'failed' && limit.aborted)
      preparation.error += `\n(stopped: preparing took longer than ${PREPARE_LIMIT_MS / 60_000} minutes)`;
    const line = `  ${formatPreparation(preparation).replaceAll('\n', '\n    ')}\n`;
    (preparation.state === 'failed' ? process.stderr : process.stdout).write(line);
  }
  if (toolchains.error) process.stderr.write(`  ${toolchains.error}\n`);
  process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  project.provide('toolchains', toolchains);
}
