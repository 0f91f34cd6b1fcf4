// Build-time syntax highlighting with Shiki: one highlighter for the whole build, a light and a dark
// theme in one markup (CSS `light-dark()`), so no highlighter or theme switcher reaches the browser.
import { bundledThemes, createHighlighter, type BundledLanguage, type Highlighter, type ThemeRegistration } from 'shiki';
import { LANGUAGES } from '../../scripts/languages.ts';

/** The two themes every code block carries; the page's `color-scheme` picks one. */
export const CODE_THEMES = { light: 'rr-light', dark: 'github-dark-default' } as const;

/** GitHub's light theme with comments darkened from #6e7781 to #57606a, to reach WCAG AA contrast (4.5:1). */
async function lightTheme(): Promise<ThemeRegistration> {
  const theme = (await bundledThemes['github-light-default']()).default;
  return { ...JSON.parse(JSON.stringify(theme).replaceAll('#6e7781', '#57606a')), name: CODE_THEMES.light };
}

/** Grammars the site highlights: every snippet language, plus the JSON bodies and the raw HTTP request. */
export const GRAMMARS: readonly string[] = [...new Set([...LANGUAGES.map((language) => language.grammar), 'json', 'http'])];

let highlighter: Promise<Highlighter> | undefined;

/** The one highlighter of the build, created on first use. */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= lightTheme().then((light) => createHighlighter({ themes: [light, CODE_THEMES.dark], langs: GRAMMARS as BundledLanguage[] }));
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
