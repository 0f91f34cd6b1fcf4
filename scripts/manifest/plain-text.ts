// A manifest's title and description are plain text: the site and the Markdown twins print them as
// they are, so markup, Markdown syntax, control and bidirectional characters are refused instead of
// being rendered (or escaped into something the author did not mean), and their length is bounded.

/** Most characters of an example's title. */
export const TITLE_MAX_LENGTH = 80;

/** Most characters of an example's description. */
export const DESCRIPTION_MAX_LENGTH = 300;

/** What makes text other than plain, each with how a message names it. */
const NOT_PLAIN: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /[<>]/, what: 'markup (< or >)' },
  { pattern: /\[[^\]]*\]\(/, what: 'a Markdown link ([text](url))' },
  { pattern: /^\s*#/, what: 'a Markdown heading (a leading #)' },
  {
    pattern: /(?<![\w*])(\*\*?)(?=\S)(?:(?!\1).)*?\S\1(?![\w*])|(?<![\w_])(__?)(?=\S)(?:(?!\2).)*?\S\2(?![\w_])/u,
    what: 'Markdown emphasis (*text* or _text_)',
  },
  // eslint-disable-next-line no-control-regex
  { pattern: /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u, what: 'a control character or line break' },
  { pattern: /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u, what: 'a bidirectional or invisible character' },
];

/** Why `text` is not plain text of at most `maxLength` characters, as "expected …" for a message, or undefined when it is. */
export function plainTextProblem(text: string, maxLength: number): string | undefined {
  const found = NOT_PLAIN.find(({ pattern }) => pattern.test(text));
  if (found) return `expected plain text, without ${found.what}`;
  if (text.length > maxLength) return `expected at most ${maxLength} characters`;
  return undefined;
}
