// The five languages every example is written in, in the order the site shows them.

/** Stable id of a snippet language. */
export type LanguageId = 'javascript' | 'python' | 'go' | 'java' | 'curl';

/** What the site and the harness need to know about a language. */
export interface Language {
  id: LanguageId;
  /** Tab label shown to readers. */
  label: string;
  /** File extensions that mark a snippet as this language (first one is preferred). */
  extensions: readonly string[];
  /** Shiki grammar used to highlight it. */
  grammar: string;
}

/** Every language, in tab order: JavaScript, Python, Go, Java, curl. */
export const LANGUAGES: readonly Language[] = Object.freeze([
  { id: 'javascript', label: 'JavaScript', extensions: ['.js', '.mjs'], grammar: 'javascript' },
  { id: 'python', label: 'Python', extensions: ['.py'], grammar: 'python' },
  { id: 'go', label: 'Go', extensions: ['.go'], grammar: 'go' },
  { id: 'java', label: 'Java', extensions: ['.java'], grammar: 'java' },
  { id: 'curl', label: 'curl', extensions: ['.sh'], grammar: 'bash' },
]);

/** Every language id, in tab order. */
export const LANGUAGE_IDS: readonly LanguageId[] = LANGUAGES.map((language) => language.id);

/** What identifies a language to file discovery: the five above, or any registered runner. */
export interface LanguageLike {
  id: string;
  label: string;
  extensions: readonly string[];
}

/** The language a file belongs to by extension (the longest match wins, then the earlier language), or undefined. */
export function languageOfFile<L extends LanguageLike = Language>(
  fileName: string,
  languages: readonly L[] = LANGUAGES as unknown as readonly L[],
): L | undefined {
  const lower = fileName.toLowerCase();
  let best: { language: L; length: number } | undefined;
  for (const language of languages) {
    for (const extension of language.extensions) {
      if (lower.endsWith(extension.toLowerCase()) && extension.length > (best?.length ?? 0)) best = { language, length: extension.length };
    }
  }
  return best?.language;
}

/** The language with this id, or undefined. */
export function languageById(id: string): Language | undefined {
  return LANGUAGES.find((language) => language.id === id);
}
