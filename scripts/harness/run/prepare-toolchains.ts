// Prepares each language's toolchain once, ahead of a run: preparing one program of each language
// with its own runner makes what every case of that language shares (Python's virtual environment
// with requests, the libraries Maven resolves and Java's class-data-sharing archive, Go's build
// cache of the standard library), so that no case, and no test waiting on one, pays for it.
import type { Example } from '../../manifest/examples.ts';
import { displayPath } from '../../paths.ts';
import type { LanguageRunner, PrepareContext } from '../../runners/runner-contract.ts';

/** What preparing one language came to: ready, missing here (its cases are skipped, or fail under CI=true), or failed. */
export type ToolchainPreparation = { language: string; label: string } & (
  | { state: 'ready'; runtime: string; file: string; durationMs: number }
  | { state: 'missing'; reason: string }
  | { state: 'failed'; file: string; error: string; durationMs: number }
);

/**
 * For each runner that has a file among `examples`: detects its toolchain and, when there is one,
 * prepares that language's first file. Every language is prepared at once; a failure is reported
 * in the result (with the step, the file and what the tool printed), never thrown.
 */
export async function prepareEachToolchain(
  examples: readonly Example[],
  runners: readonly LanguageRunner[],
  context: PrepareContext,
): Promise<ToolchainPreparation[]> {
  const files = examples.flatMap((example) => example.files);
  const used = runners.flatMap((runner) => {
    const file = files.find((candidate) => candidate.language === runner.id);
    return file ? [{ runner, file: file.path }] : [];
  });
  return Promise.all(used.map(({ runner, file }) => prepareOne(runner, file, context)));
}

/** Detects `runner`'s toolchain, then prepares `file` with it. */
async function prepareOne(runner: LanguageRunner, file: string, context: PrepareContext): Promise<ToolchainPreparation> {
  const named = { language: runner.id, label: runner.label };
  const toolchain = await runner.detect();
  if (!toolchain.available) return { ...named, state: 'missing', reason: toolchain.reason };
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    const prepared = await runner.prepare(file, context);
    return { ...named, state: 'ready', runtime: prepared.runtime ?? toolchain.version, file: displayPath(file), durationMs: durationMs() };
  } catch (error) {
    return { ...named, state: 'failed', file: displayPath(file), error: (error as Error).message, durationMs: durationMs() };
  }
}

/** One language's preparation as a line (and, for a failure, the tool's output below it). */
export function formatPreparation(preparation: ToolchainPreparation): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  switch (preparation.state) {
    case 'ready':
      return `${preparation.label}: ready in ${seconds(preparation.durationMs)} (${preparation.runtime}; prepared ${preparation.file})`;
    case 'missing':
      return `${preparation.label}: no toolchain here (${preparation.reason}); its cases are skipped, or fail under CI=true`;
    case 'failed':
      return `${preparation.label}: could not be prepared (${seconds(preparation.durationMs)}): ${preparation.error}`;
  }
}
