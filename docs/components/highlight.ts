// Build-time syntax highlighting with Shiki: one highlighter for the whole build, a light and a dark
// theme in one markup (CSS `light-dark()`), so no highlighter or theme switcher reaches the browser.
import { createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { LANGUAGES } from '../../scripts/languages.ts';

/** The two themes every code block carries; the page's `color-scheme` picks one. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** Grammars the site highlights: every snippet language, plus the JSON bodies and the raw HTTP request. */
export const GRAMMARS: readonly string[] = [...new Set([...LANGUAGES.map((language) => language.grammar), 'json', 'http'])];

let highlighter: Promise<Highlighter> | undefined;

/** The one highlighter of the build, created on first use. */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: GRAMMARS as BundledLanguage[] });
  return highlighter;
}

/** Highlighted `<pre>` markup for `code` (its final newline dropped from the display only). */
export async function highlight(code: string, grammar: string): Promise<string> {
  if (!GRAMMARS.includes(grammar)) {
    throw new Error(`Cannot highlight "${grammar}": expected one of ${GRAMMARS.join(', ')}`);
  }
  const shiki = await getHighlighter();
  return shiki.codeToHtml(code.replace(/\r?\n$/, ''), {
    lang: grammar,
    themes: CODE_THEMES,
    defaultColor: 'light-dark()',
    transformers: [
      {
        pre(node) {
          // The page styles the block; keep Shiki's token colours and its tabindex (scrollable code is focusable).
          node.properties.class = 'code';
          delete node.properties.style;
        },
      },
    ],
  });
}
