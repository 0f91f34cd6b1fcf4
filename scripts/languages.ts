// The languages every example is written in, in the order the site shows them: what the site needs
// of each built-in runner (scripts/runners/registry.ts), read from the runners themselves.
import { DEFAULT_RUNNERS_BY_ID, languageByExtension, type LanguageId, type LanguageLike } from './runners/registry.ts';

export type { LanguageId, LanguageLike };

/** What the site and the harness need to know about a language. */
export interface Language {
  id: LanguageId;
  /** Tab label shown to readers. */
  label: string;
  /** File extensions that mark a snippet as this language (first one is preferred). */
  extensions: readonly string[];
  /** Shiki grammar used to highlight it. */
  grammar: string;
  /** Files in the snippets folder its programs install from (`requirements.txt`): part of every case's inputs. */
  dependencyFiles: readonly string[];
}

/** Every language, in tab order: JavaScript, Python, Go, Java, curl. */
export const LANGUAGES: readonly Language[] = Object.freeze(
  (Object.keys(DEFAULT_RUNNERS_BY_ID) as LanguageId[]).map((id) => {
    const { label, extensions, grammar, dependencyFiles = [] } = DEFAULT_RUNNERS_BY_ID[id];
    return Object.freeze({ id, label, extensions, grammar, dependencyFiles });
  }),
);

/** Every language id, in tab order. */
export const LANGUAGE_IDS: readonly LanguageId[] = LANGUAGES.map((language) => language.id);

/** The language a file belongs to by extension (the longest match wins, then the earlier language), or undefined. */
export function languageOfFile<L extends LanguageLike = Language>(
  fileName: string,
  languages: readonly L[] = LANGUAGES as unknown as readonly L[],
): L | undefined {
  return languageByExtension(fileName, languages);
}

/** The language with this id, or undefined. */
export function languageById(id: string): Language | undefined {
  return LANGUAGES.find((language) => language.id === id);
}

/** The dependency files of the language with this id (none for an unknown one): what the site hashes with each snippet. */
export function dependencyFilesOf(id: string): readonly string[] {
  return languageById(id)?.dependencyFiles ?? [];
}
