// Characters that make source text read differently from how it runs ("Trojan Source"): the
// bidirectional controls, which reorder what an editor or a review shows, and invisible format
// characters, which hide text or split an identifier into two that look the same. A published
// example, its manifest and its raw request must hold none of them, and neither may any file of the
// repository (see check-secrets-cli.ts). A byte order mark is allowed at the very start of a file.

/** One hidden or reordering character: where it is (1-based line and column) and what it is. */
export interface HiddenCharacter {
  line: number;
  column: number;
  codePoint: number;
  /** `U+202E RIGHT-TO-LEFT OVERRIDE`. */
  name: string;
  /** What it does, for a message: `a bidirectional control character, which can make code read differently from how it runs`. */
  why: string;
}

const BIDI = 'a bidirectional control character, which can make code read differently from how it runs';
const INVISIBLE = 'an invisible character, which can hide text or make two names look the same';
const SEPARATOR = 'a line or paragraph separator, which some languages read as the end of a line and editors do not show as one';

/** The characters refused, by code point, with their Unicode names (the tags are named below). */
const NAMED: ReadonlyMap<number, [name: string, why: string]> = new Map([
  [0x00ad, ['SOFT HYPHEN', INVISIBLE]],
  [0x061c, ['ARABIC LETTER MARK', BIDI]],
  [0x180e, ['MONGOLIAN VOWEL SEPARATOR', INVISIBLE]],
  [0x200b, ['ZERO WIDTH SPACE', INVISIBLE]],
  [0x200c, ['ZERO WIDTH NON-JOINER', INVISIBLE]],
  [0x200d, ['ZERO WIDTH JOINER', INVISIBLE]],
  [0x200e, ['LEFT-TO-RIGHT MARK', BIDI]],
  [0x200f, ['RIGHT-TO-LEFT MARK', BIDI]],
  [0x2028, ['LINE SEPARATOR', SEPARATOR]],
  [0x2029, ['PARAGRAPH SEPARATOR', SEPARATOR]],
  [0x202a, ['LEFT-TO-RIGHT EMBEDDING', BIDI]],
  [0x202b, ['RIGHT-TO-LEFT EMBEDDING', BIDI]],
  [0x202c, ['POP DIRECTIONAL FORMATTING', BIDI]],
  [0x202d, ['LEFT-TO-RIGHT OVERRIDE', BIDI]],
  [0x202e, ['RIGHT-TO-LEFT OVERRIDE', BIDI]],
  [0x2060, ['WORD JOINER', INVISIBLE]],
  [0x2061, ['FUNCTION APPLICATION', INVISIBLE]],
  [0x2062, ['INVISIBLE TIMES', INVISIBLE]],
  [0x2063, ['INVISIBLE SEPARATOR', INVISIBLE]],
  [0x2064, ['INVISIBLE PLUS', INVISIBLE]],
  [0x2066, ['LEFT-TO-RIGHT ISOLATE', BIDI]],
  [0x2067, ['RIGHT-TO-LEFT ISOLATE', BIDI]],
  [0x2068, ['FIRST STRONG ISOLATE', BIDI]],
  [0x2069, ['POP DIRECTIONAL ISOLATE', BIDI]],
  [0x206a, ['INHIBIT SYMMETRIC SWAPPING', BIDI]],
  [0x206b, ['ACTIVATE SYMMETRIC SWAPPING', BIDI]],
  [0x206c, ['INHIBIT ARABIC FORM SHAPING', INVISIBLE]],
  [0x206d, ['ACTIVATE ARABIC FORM SHAPING', INVISIBLE]],
  [0x206e, ['NATIONAL DIGIT SHAPES', INVISIBLE]],
  [0x206f, ['NOMINAL DIGIT SHAPES', INVISIBLE]],
  [0xfeff, ['ZERO WIDTH NO-BREAK SPACE (a byte order mark after the start of the file)', INVISIBLE]],
  [0xfff9, ['INTERLINEAR ANNOTATION ANCHOR', INVISIBLE]],
  [0xfffa, ['INTERLINEAR ANNOTATION SEPARATOR', INVISIBLE]],
  [0xfffb, ['INTERLINEAR ANNOTATION TERMINATOR', INVISIBLE]],
]);

/** The Unicode name of a tag character (U+E0000 to U+E007F), which spells ASCII invisibly. */
function tagName(codePoint: number): string {
  if (codePoint === 0xe0001) return 'LANGUAGE TAG';
  if (codePoint === 0xe007f) return 'CANCEL TAG';
  const ascii = String.fromCharCode(codePoint - 0xe0000);
  if (ascii === ' ') return 'TAG SPACE';
  if (/[0-9]/.test(ascii))
    return `TAG DIGIT ${['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'][Number(ascii)]}`;
  if (/[a-z]/.test(ascii)) return `TAG LATIN SMALL LETTER ${ascii.toUpperCase()}`;
  if (/[A-Z]/.test(ascii)) return `TAG LATIN CAPITAL LETTER ${ascii}`;
  return codePoint > 0xe0020 && codePoint < 0xe007f
    ? `TAG CHARACTER (an invisible ${JSON.stringify(ascii)})`
    : 'TAG CHARACTER (unassigned)';
}

// Every refused character: the named ones and the tag block.
const HIDDEN = new RegExp(`[${[...NAMED.keys()].map((code) => `\\u{${code.toString(16)}}`).join('')}\\u{e0000}-\\u{e007f}]`, 'gu');

/** `U+202E`: a code point as Unicode writes it. */
export const codePointLabel = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every hidden or reordering character in `text`, in order; a byte order mark opening the text is allowed. */
export function findHiddenCharacters(text: string): HiddenCharacter[] {
  const found: HiddenCharacter[] = [];
  let line = 1;
  let lineStart = 0;
  let searched = 0;
  for (const match of text.matchAll(HIDDEN)) {
    const codePoint = match[0].codePointAt(0)!;
    if (codePoint === 0xfeff && match.index === 0) continue;
    for (let index = text.indexOf('\n', searched); index !== -1 && index < match.index; index = text.indexOf('\n', index + 1)) {
      line += 1;
      lineStart = index + 1;
    }
    searched = match.index;
    const [name, why] = NAMED.get(codePoint) ?? [tagName(codePoint), INVISIBLE];
    found.push({ line, column: match.index - lineStart + 1, codePoint, name: `${codePointLabel(codePoint)} ${name}`, why });
  }
  return found;
}

/** `line 3, column 9: U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control character, …`. */
export function describeHiddenCharacter(found: HiddenCharacter): string {
  return `line ${found.line}, column ${found.column}: ${found.name}, ${found.why}; remove it`;
}
