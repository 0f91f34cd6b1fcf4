// Build-time syntax highlighting with Shiki: one highlighter for the whole build, a light and a dark
// theme in one markup, so no highlighter or theme switcher reaches the browser. Tokens carry their
// colours as classes of the code palette (see code-palette.ts); the stylesheet holds the palettes.
// Markup is cached on disk by content, so a rebuild without code changes does not run Shiki; during
// a build, Shiki runs in a thread of its own (highlight-thread.ts) that starts with the build.
import { createRequire } from 'node:module';
import type { Highlighter, ThemeRegistration } from 'shiki';
import { LANGUAGES } from '../../scripts/site-surface.ts';
import { paletteCss, type CodePalette } from './code-palette.ts';
import { cachedHighlight, highlightKey } from './highlight-cache.ts';
import { highlightThread } from './highlight-thread.ts';
import type { PairedTheme } from './paired-theme.ts';
import { codeMarkup, createCodeHighlighter, loadCodeThemes } from './shiki-markup.ts';
import { highlightCachePath } from './site-paths.ts';

export { CODE_THEMES } from './shiki-markup.ts';

/** Version of the markup this module writes; change it when the markup changes, so cached blocks are redone. */
const MARKUP_FORMAT = 'classes-5';

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
  paired: PairedTheme | undefined;
  /** Shiki's version, the themes and the markup format: part of every cache key. */
  fingerprint: string;
}

let themes: Promise<Themes> | undefined;
let highlighter: Promise<Highlighter> | undefined;

/** The two themes and their palette, loaded once. */
function getThemes(): Promise<Themes> {
  themes ??= loadCodeThemes().then(({ light, dark, palette, paired }) => {
    const shiki = (createRequire(import.meta.url)('shiki/package.json') as { version: string }).version;
    return { light, dark, palette, paired, fingerprint: highlightKey([MARKUP_FORMAT, shiki, JSON.stringify([light, dark])]) };
  });
  return themes;
}

/** This thread's highlighter, created on the first block that is neither cached nor given to the build's thread. */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= getThemes().then((loaded) => createCodeHighlighter(loaded, GRAMMARS));
  return highlighter;
}

/** The stylesheet that colours highlighted code: both palettes, once (the site's layout imports it). */
export async function codePaletteCss(): Promise<string> {
  return paletteCss((await getThemes()).palette);
}

/** Shiki's markup for `code`: from the build's highlighting thread when one runs, else from this thread's highlighter. */
async function render(code: string, grammar: string, themes: Themes): Promise<string> {
  const thread = highlightThread();
  if (thread) return thread.markup(code, grammar);
  return codeMarkup(await getHighlighter(), code, grammar, themes);
}

/** Highlighted `<pre>` markup for `code` (its final newline dropped from the display only). */
export async function highlight(code: string, grammar: string): Promise<string> {
  if (!GRAMMARS.includes(grammar)) {
    throw new Error(`Cannot highlight "${grammar}": expected one of ${GRAMMARS.join(', ')}`);
  }
  const shown = code.replace(/\r?\n$/, '');
  const loaded = await getThemes();
  return cachedHighlight(highlightCachePath(), highlightKey([loaded.fingerprint, grammar, shown]), () => render(shown, grammar, loaded));
}
