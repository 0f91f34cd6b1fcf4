// Build-time syntax highlighting with Shiki: one highlighter for the whole build, a light and a dark
// theme in one markup, so no highlighter or theme switcher reaches the browser. Tokens carry their
// colours as classes of the code palette (see code-palette.ts); the stylesheet holds the palettes.
// Markup is cached on disk by content, so a rebuild without code changes does not run Shiki.
import { createRequire } from 'node:module';
import { bundledThemes, createHighlighter, type BundledLanguage, type Highlighter, type ThemeRegistration } from 'shiki';
import { LANGUAGES } from '../../scripts/site-surface.ts';
import { codePalette, paletteCss, tokenClasses, type CodePalette } from './code-palette.ts';
import { cachedHighlight, highlightKey } from './highlight-cache.ts';
import { highlightCachePath } from './site-paths.ts';

/** The two themes every code block carries; the page's `color-scheme` picks one. */
export const CODE_THEMES = { light: 'rr-light', dark: 'github-dark-default' } as const;

/** Version of the markup this module writes; change it when the markup changes, so cached blocks are redone. */
const MARKUP_FORMAT = 'classes-5';

/** GitHub's light theme with comments darkened from #6e7781 to #57606a, to reach WCAG AA contrast (4.5:1). */
async function lightTheme(): Promise<ThemeRegistration> {
  const theme = (await bundledThemes['github-light-default']()).default;
  return { ...JSON.parse(JSON.stringify(theme).replaceAll('#6e7781', '#57606a')), name: CODE_THEMES.light };
}

/** The dark theme, as Shiki bundles it. */
async function darkTheme(): Promise<ThemeRegistration> {
  return (await bundledThemes[CODE_THEMES.dark]()).default;
}

/** Grammars the site highlights: every snippet language, plus the JSON bodies and the raw HTTP request. */
export const GRAMMARS: readonly string[] = [...new Set([...LANGUAGES.map((language) => language.grammar), 'json', 'http'])];

/** The light and the dark theme as the site uses them (the browser tests compare renderings with them). */
export async function codeThemes(): Promise<{ light: ThemeRegistration; dark: ThemeRegistration }> {
  const { light, dark } = await getThemes();
  return { light, dark };
}

/** The themes, their palette, and what a cached block depends on besides its code. */
interface Themes {
  light: ThemeRegistration;
  dark: ThemeRegistration;
  palette: CodePalette;
  /** Shiki's version, the themes and the markup format: part of every cache key. */
  fingerprint: string;
}

let themes: Promise<Themes> | undefined;
let highlighter: Promise<Highlighter> | undefined;

/** The two themes and their palette, loaded once. */
function getThemes(): Promise<Themes> {
  themes ??= Promise.all([lightTheme(), darkTheme()]).then(([light, dark]) => {
    const shiki = (createRequire(import.meta.url)('shiki/package.json') as { version: string }).version;
    return {
      light,
      dark,
      palette: codePalette(light, dark),
      fingerprint: highlightKey([MARKUP_FORMAT, shiki, JSON.stringify([light, dark])]),
    };
  });
  return themes;
}

/** The one highlighter of the build, created on the first block that is not in the cache. */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= getThemes().then(({ light, dark }) => createHighlighter({ themes: [light, dark], langs: GRAMMARS as BundledLanguage[] }));
  return highlighter;
}

/** The stylesheet that colours highlighted code: both palettes, once (the site's layout imports it). */
export async function codePaletteCss(): Promise<string> {
  return paletteCss((await getThemes()).palette);
}

/** Shiki's markup for `code`, tokens coloured by palette classes. */
async function render(code: string, grammar: string, palette: CodePalette): Promise<string> {
  const shiki = await getHighlighter();
  return shiki.codeToHtml(code, {
    lang: grammar,
    themes: CODE_THEMES,
    defaultColor: false,
    // No time limit per line: with Shiki's default (500 ms) a line tokenized on a busy machine stops
    // early and the rest of it takes the plain colour, so the same code came out differently.
    tokenizeTimeLimit: 0,
    transformers: [
      {
        pre(node) {
          // The page styles the block; keep Shiki's tabindex (scrollable code is focusable).
          node.properties.class = 'code';
          delete node.properties.style;
        },
        code(node) {
          // Lines need no element of their own: nothing styles them, and the text keeps its line feeds.
          // Tokens keep theirs even without a class: text split into spans is laid out as before.
          node.children = node.children.flatMap((child) =>
            child.type === 'element' && child.properties.class === 'line' ? child.children : [child],
          );
        },
        span(node) {
          const style = node.properties.style;
          if (typeof style !== 'string') return;
          delete node.properties.style;
          const classes = tokenClasses(style, palette);
          if (classes.length) node.properties.class = classes.join(' ');
        },
      },
    ],
  });
}

/** Highlighted `<pre>` markup for `code` (its final newline dropped from the display only). */
export async function highlight(code: string, grammar: string): Promise<string> {
  if (!GRAMMARS.includes(grammar)) {
    throw new Error(`Cannot highlight "${grammar}": expected one of ${GRAMMARS.join(', ')}`);
  }
  const shown = code.replace(/\r?\n$/, '');
  const { palette, fingerprint } = await getThemes();
  return cachedHighlight(highlightCachePath(), highlightKey([fingerprint, grammar, shown]), () => render(shown, grammar, palette));
}
