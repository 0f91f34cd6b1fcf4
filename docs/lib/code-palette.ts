// The colours of highlighted code as classes: every colour the light and the dark theme can give a
// token gets one short class, and the stylesheet holds the two palettes once, so a token carries
// `class="l3 d5"` instead of its colours written out in a style attribute.
import type { ThemeRegistration } from 'shiki';

/** The classes of one theme's colours: the colour (lower-case hex) to its class name. */
export interface ThemePalette {
  /** Default text colour of the theme: tokens of that colour carry no class. */
  foreground: string;
  classes: ReadonlyMap<string, string>;
}

/** The light and the dark palette, and the CSS that gives their classes their colours. */
export interface CodePalette {
  light: ThemePalette;
  dark: ThemePalette;
}

/** Font styles a theme can set on a token, as Shiki writes them, and their classes. */
const FONT_CLASSES: Readonly<Record<string, string>> = Object.freeze({
  'font-style:italic': 'fi',
  'font-weight:bold': 'fb',
  'text-decoration:underline': 'fu',
  'text-decoration:line-through': 'fs',
});

/** Every foreground colour of `theme` (its default text colour first), lower-case. */
function themeColours(theme: ThemeRegistration): { foreground: string; colours: string[] } {
  const foreground = (theme.fg ?? theme.colors?.['editor.foreground'] ?? '').toLowerCase();
  if (!foreground) throw new Error(`Code theme "${theme.name}" has no default text colour (fg or colors["editor.foreground"])`);
  const colours = new Set<string>();
  for (const rule of theme.tokenColors ?? []) {
    const colour = rule.settings?.foreground;
    if (colour) colours.add(colour.toLowerCase());
  }
  colours.delete(foreground);
  return { foreground, colours: [...colours].sort() };
}

/** A palette for one theme: class `${prefix}0`, `${prefix}1`… for its colours in sorted order. */
function themePalette(theme: ThemeRegistration, prefix: string): ThemePalette {
  const { foreground, colours } = themeColours(theme);
  return { foreground, classes: new Map(colours.map((colour, index) => [colour, `${prefix}${index.toString(36)}`])) };
}

/** The palettes of a light and a dark theme. */
export function codePalette(light: ThemeRegistration, dark: ThemeRegistration): CodePalette {
  return { light: themePalette(light, 'l'), dark: themePalette(dark, 'd') };
}

/**
 * The stylesheet of the palettes: `.code` has both default colours; a token with a class takes its
 * light and dark colour from the class's variable, and the page's `color-scheme` picks one.
 */
export function paletteCss(palette: CodePalette): string {
  const rules = [
    `.code{color:light-dark(${palette.light.foreground},${palette.dark.foreground})}`,
    `.code span[class]{color:light-dark(var(--l,${palette.light.foreground}),var(--d,${palette.dark.foreground}))}`,
  ];
  for (const [colour, name] of palette.light.classes) rules.push(`.${name}{--l:${colour}}`);
  for (const [colour, name] of palette.dark.classes) rules.push(`.${name}{--d:${colour}}`);
  rules.push('.fi{font-style:italic}', '.fb{font-weight:bold}', '.fu{text-decoration:underline}', '.fs{text-decoration:line-through}');
  return `${rules.join('\n')}\n`;
}

/** The one class of a theme's colour, none for its default colour; throws for a colour outside the theme. */
function colourClass(theme: ThemePalette, colour: string, which: string): string | undefined {
  const key = colour.toLowerCase();
  if (key === theme.foreground) return undefined;
  const name = theme.classes.get(key);
  if (!name) throw new Error(`Highlighted code has the ${which} colour ${colour}, which is not in the ${which} theme's palette`);
  return name;
}

/**
 * The classes for a token's style as Shiki writes it with two themes and no default
 * (`--shiki-light:#CF222E;--shiki-dark:#FF7B72`), or throws naming a declaration it cannot express.
 */
export function tokenClasses(style: string, palette: CodePalette): string[] {
  const classes = new Set<string>();
  for (const declaration of style
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name = '', value = ''] = declaration.split(':').map((part) => part.trim());
    if (name === '--shiki-light') classes.add(colourClass(palette.light, value, 'light') ?? '');
    else if (name === '--shiki-dark') classes.add(colourClass(palette.dark, value, 'dark') ?? '');
    else if (/^--shiki-(light|dark)-(font-style|font-weight|text-decoration)$/.test(name)) {
      const font = FONT_CLASSES[`${name.replace(/^--shiki-(light|dark)-/, '')}:${value}`];
      if (value !== 'inherit' && value !== 'normal' && value !== 'none') {
        if (!font) throw new Error(`Highlighted code has the style "${declaration}", which the code palette cannot express`);
        classes.add(font);
      }
    } else if (!/^--shiki-(light|dark)-bg$/.test(name)) {
      throw new Error(`Highlighted code has the style "${declaration}", which the code palette cannot express`);
    }
  }
  classes.delete('');
  return [...classes];
}
