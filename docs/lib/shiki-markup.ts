// Shiki's part of the highlighting: the two themes, their palette, and the markup of one block with
// tokens coloured by palette classes. Kept apart from highlight.ts (the cache, the grammars' list
// from the scripts) so that the build's highlighting thread loads Shiki and nothing else.
import { bundledThemes, createHighlighter, type BundledLanguage, type Highlighter, type ThemeRegistration } from 'shiki';
import { codePalette, tokenClasses, type CodePalette } from './code-palette.ts';
import { rememberHighlighterLines } from './line-cache.ts';
import { pairedTheme, twoThemeStyle, type PairedTheme } from './paired-theme.ts';

/** The two themes every code block carries; the page's `color-scheme` picks one. */
export const CODE_THEMES = { light: 'rr-light', dark: 'github-dark-default' } as const;

/** GitHub's light theme with comments darkened from #6e7781 to #57606a, to reach WCAG AA contrast (4.5:1). */
async function lightTheme(): Promise<ThemeRegistration> {
  const theme = (await bundledThemes['github-light-default']()).default;
  return { ...JSON.parse(JSON.stringify(theme).replaceAll('#6e7781', '#57606a')), name: CODE_THEMES.light };
}

/** The dark theme, as Shiki bundles it (a copy: a highlighter fills in the object it is given). */
async function darkTheme(): Promise<ThemeRegistration> {
  return structuredClone((await bundledThemes[CODE_THEMES.dark]()).default);
}

/** The light and the dark theme, and the palette of classes made from their colours. */
export interface CodeThemes {
  light: ThemeRegistration;
  dark: ThemeRegistration;
  palette: CodePalette;
  /** The two themes as one, when their rules differ only in colours (see paired-theme.ts). */
  paired: PairedTheme | undefined;
}

/** Loads the two themes and makes their palette. */
export async function loadCodeThemes(): Promise<CodeThemes> {
  const [light, dark] = await Promise.all([lightTheme(), darkTheme()]);
  return { light, dark, palette: codePalette(light, dark), paired: pairedTheme(light, dark) };
}

/**
 * A highlighter with both themes (or the one they pair into) and every grammar in `grammars`, loaded
 * at once, whose grammars tokenize a line they have seen in the same state once (line-cache.ts).
 */
export async function createCodeHighlighter(themes: CodeThemes, grammars: readonly string[]): Promise<Highlighter> {
  const loaded = themes.paired ? [themes.paired.theme] : [themes.light, themes.dark];
  const shiki = await createHighlighter({ themes: loaded, langs: grammars as BundledLanguage[] });
  rememberHighlighterLines(shiki, grammars);
  return shiki;
}

/** Each token style's classes, per set of themes: a build meets the same few styles on thousands of tokens. */
const classesOfStyle = new WeakMap<object, Map<string, string>>();

/** The classes (space-separated, maybe none) of a token's style as Shiki writes it with `themes`. */
function styleClasses(style: string, themes: Pick<CodeThemes, 'palette' | 'paired'>): string {
  let known = classesOfStyle.get(themes);
  if (!known) classesOfStyle.set(themes, (known = new Map()));
  let classes = known.get(style);
  if (classes === undefined) {
    const { palette, paired } = themes;
    classes = tokenClasses(paired ? twoThemeStyle(style, paired) : style, palette).join(' ');
    known.set(style, classes);
  }
  return classes;
}

/**
 * Shiki's markup for `code` (already without its final newline), tokens coloured by palette classes.
 * With a paired theme the code is tokenized once for both themes; the markup is the same.
 */
export function codeMarkup(shiki: Highlighter, code: string, grammar: string, themes: Pick<CodeThemes, 'palette' | 'paired'>): string {
  const { paired } = themes;
  return shiki.codeToHtml(code, {
    lang: grammar,
    ...(paired ? { theme: paired.theme.name! } : { themes: CODE_THEMES, defaultColor: false as const }),
    // No time limit per line: Shiki's default (500 ms) gives up mid-line on a busy machine and colours
    // the rest as one token, so the same code would highlight differently from one build to the next.
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
          const classes = styleClasses(style, themes);
          if (classes) node.properties.class = classes;
        },
      },
    ],
  });
}
