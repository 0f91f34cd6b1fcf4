// The logic behind <CodeBlock>: keeping a file's exact text in the page for the copy button.

/**
 * Escapes `text` for the content of a <template>, so that the browser's parser gives back the
 * exact characters: `&` and `<` are escaped, and so is every carriage return, which the parser
 * would otherwise turn into a line feed.
 */
export function escapeRawText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** How a file's exact text is rebuilt from its shown code (lines joined by "\n", final newline dropped). */
export interface CopyPlan {
  /** The file's line ending. */
  eol: '\n' | '\r\n';
  /** Whether the file ends with a line ending, which the shown code leaves out. */
  finalNewline: boolean;
}

/** The text of the shown code's lines, as the highlighter shows them: `\n` between lines, final line ending dropped. */
export function shownText(code: string): string {
  return code
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .join('\n');
}

/** `shown` with the file's line endings and final newline put back: what the copy button copies. */
export function copiedText(shown: string, plan: CopyPlan): string {
  return shown.replaceAll('\n', plan.eol) + (plan.finalNewline ? plan.eol : '');
}

/**
 * How to rebuild `code` from its shown lines, so the page need not carry the text twice; undefined
 * when that cannot give the exact bytes (mixed line endings, a lone carriage return), and the page
 * keeps a verbatim copy instead.
 */
export function copyPlan(code: string): CopyPlan | undefined {
  if (/\r(?!\n)/.test(code)) return undefined;
  const plan: CopyPlan = { eol: code.includes('\r\n') ? '\r\n' : '\n', finalNewline: /\n$/.test(code) };
  return copiedText(shownText(code), plan) === code ? plan : undefined;
}
