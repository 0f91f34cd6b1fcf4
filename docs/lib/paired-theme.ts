// The light and the dark theme as one, for tokenizing code once instead of once per theme. Shiki's
// tokenization follows the theme's rules, and the two themes have the same rules (scopes, font
// styles, order) with other colours; a theme with those rules, whose colour for each rule names
// the pair of colours (light, dark) the two themes give it, splits code where either theme would
// and colours each token with its pair. A token's style is then written back as the two themes'
// style, so the markup is the one two tokenizations give. Themes whose rules differ get no pair.
import type { ThemeRegistration } from 'shiki';

/** The paired theme, and each of its colours (lower-case) to the light and the dark colour it stands for. */
export interface PairedTheme {
  theme: ThemeRegistration;
  pairs: ReadonlyMap<string, { light: string; dark: string }>;
}

/** A rule's shape: what it applies to and everything but its colours. */
function ruleShape(rule: NonNullable<ThemeRegistration['tokenColors']>[number]): string {
  const { foreground, background, ...settings } = rule.settings ?? {};
  return JSON.stringify([rule.scope ?? null, settings, foreground !== undefined, background !== undefined]);
}

/** The theme that tokenizes as both `light` and `dark` do, or undefined when their rules differ in more than colours. */
export function pairedTheme(light: ThemeRegistration, dark: ThemeRegistration): PairedTheme | undefined {
  const lightRules = light.tokenColors ?? [];
  const darkRules = dark.tokenColors ?? [];
  if (lightRules.length !== darkRules.length || lightRules.some((rule, index) => ruleShape(rule) !== ruleShape(darkRules[index]!)))
    return undefined;
  const pairs = new Map<string, { light: string; dark: string }>();
  const colourOf = new Map<string, string>();
  /** The paired colour of a light and a dark colour: one per pair, numbered. */
  const pair = (lightColour: string | undefined, darkColour: string | undefined): string | undefined => {
    if (lightColour === undefined || darkColour === undefined) return undefined;
    const key = `${lightColour.toLowerCase()} ${darkColour.toLowerCase()}`;
    let colour = colourOf.get(key);
    if (!colour) {
      colour = `#${(colourOf.size + 1).toString(16).padStart(6, '0')}`;
      colourOf.set(key, colour);
      pairs.set(colour, { light: lightColour, dark: darkColour });
    }
    return colour;
  };
  const foreground = pair(light.fg ?? light.colors?.['editor.foreground'], dark.fg ?? dark.colors?.['editor.foreground']);
  const background = pair(light.bg ?? light.colors?.['editor.background'], dark.bg ?? dark.colors?.['editor.background']);
  if (!foreground || !background) return undefined;
  const colors = { 'editor.foreground': foreground, 'editor.background': background };
  const tokenColors = lightRules.map((rule, index) => {
    const darkSettings = darkRules[index]!.settings ?? {};
    const settings = { ...rule.settings };
    if (settings.foreground !== undefined) settings.foreground = pair(settings.foreground, darkSettings.foreground);
    if (settings.background !== undefined) settings.background = pair(settings.background, darkSettings.background);
    return { ...rule, settings };
  });
  const theme: ThemeRegistration = { name: `${light.name}+${dark.name}`, type: light.type, colors, tokenColors };
  return { theme, pairs };
}

/** The colours a paired colour stands for; throws for a colour the paired theme does not have. */
function colours(paired: PairedTheme, colour: string): { light: string; dark: string } {
  const found = paired.pairs.get(colour.toLowerCase());
  if (!found) throw new Error(`Highlighted code has the colour ${colour}, which the paired code theme does not have`);
  return found;
}

/**
 * A token's style from the paired theme (`color:#000003;font-style:italic`) as Shiki writes it with
 * the two themes and no default colour (`--shiki-light:#CF222E;--shiki-light-font-style:italic;--shiki-dark:…`).
 */
export function twoThemeStyle(style: string, paired: PairedTheme): string {
  const declarations = style
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((declaration) => declaration.split(':').map((part) => part.trim()) as [string, string]);
  const variant = (which: 'light' | 'dark') =>
    declarations.map(([name, value]) => {
      if (name === 'color') return `--shiki-${which}:${colours(paired, value)[which]}`;
      if (name === 'background-color') return `--shiki-${which}-bg:${colours(paired, value)[which]}`;
      return `--shiki-${which}-${name}:${value}`;
    });
  return [...variant('light'), ...variant('dark')].join(';');
}
