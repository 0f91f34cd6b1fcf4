// The runners the harness uses by default, and how a snippet file finds its runner. A further
// runner (another language, a test fixture) is added by passing a longer list; nothing else changes.
import { languageOfFile, type LanguageId } from '../languages.ts';
import type { LanguageRunner } from './runner-contract.ts';
import { curlRunner } from './curl.ts';
import { goRunner } from './go.ts';
import { javaRunner } from './java.ts';
import { javascriptRunner } from './javascript.ts';
import { pythonRunner } from './python.ts';

/** The five language runners keyed by id. */
export const DEFAULT_RUNNERS_BY_ID: Readonly<Record<LanguageId, LanguageRunner>> = Object.freeze({
  javascript: javascriptRunner,
  python: pythonRunner,
  go: goRunner,
  java: javaRunner,
  curl: curlRunner,
});

/** The five language runners in tab order: JavaScript, Python, Go, Java, curl. */
export const DEFAULT_RUNNERS: readonly LanguageRunner[] = Object.freeze(Object.values(DEFAULT_RUNNERS_BY_ID));

/** The runner with this id among `runners`, or undefined. */
export function runnerById(id: string, runners: readonly LanguageRunner[] = DEFAULT_RUNNERS): LanguageRunner | undefined {
  return runners.find((runner) => runner.id === id);
}

/** The runner whose extension ends `file` (case-insensitive; the longest extension wins, then the earlier runner), or undefined. */
export function runnerForFile(file: string, runners: readonly LanguageRunner[] = DEFAULT_RUNNERS): LanguageRunner | undefined {
  return languageOfFile(file, runners);
}
