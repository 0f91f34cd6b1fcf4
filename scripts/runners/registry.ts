// The runners the harness, the site and the scaffold use by default, in tab order, and how a
// snippet file finds its runner. A further runner (another language, a test fixture) is added by
// passing a longer list; a new built-in language is one runner file, listed here.
import type { LanguageRunner } from './runner-contract.ts';
import { curlRunner } from './curl.ts';
import { goRunner } from './go.ts';
import { javaRunner } from './java.ts';
import { javascriptRunner } from './javascript.ts';
import { pythonRunner } from './python.ts';

/** The built-in runners keyed by id, in tab order: JavaScript, Python, Go, Java, curl. */
export const DEFAULT_RUNNERS_BY_ID = Object.freeze({
  javascript: javascriptRunner,
  python: pythonRunner,
  go: goRunner,
  java: javaRunner,
  curl: curlRunner,
} satisfies Record<string, LanguageRunner>);

/** Stable id of a built-in language. */
export type LanguageId = keyof typeof DEFAULT_RUNNERS_BY_ID;

/** The built-in runners in tab order. */
export const DEFAULT_RUNNERS: readonly LanguageRunner[] = Object.freeze(Object.values(DEFAULT_RUNNERS_BY_ID));

/** The runner with this id among `runners`, or undefined. */
export function runnerById(id: string, runners: readonly LanguageRunner[] = DEFAULT_RUNNERS): LanguageRunner | undefined {
  return runners.find((runner) => runner.id === id);
}

/** What file discovery needs of a language: its id and extensions. */
export interface LanguageLike {
  id: string;
  label: string;
  extensions: readonly string[];
}

/** The language among `languages` whose extension ends `fileName` (case-insensitive; the longest extension wins, then the earlier language), or undefined. */
export function languageByExtension<L extends LanguageLike>(fileName: string, languages: readonly L[]): L | undefined {
  const lower = fileName.toLowerCase();
  let best: { language: L; length: number } | undefined;
  for (const language of languages) {
    for (const extension of language.extensions) {
      if (lower.endsWith(extension.toLowerCase()) && extension.length > (best?.length ?? 0)) best = { language, length: extension.length };
    }
  }
  return best?.language;
}

/** The runner whose extension ends `file` (case-insensitive; the longest extension wins, then the earlier runner), or undefined. */
export function runnerForFile(file: string, runners: readonly LanguageRunner[] = DEFAULT_RUNNERS): LanguageRunner | undefined {
  return languageByExtension(file, runners);
}
