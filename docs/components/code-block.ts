// The logic behind <CodeBlock>: keeping a file's exact text in the page for the copy button.

/**
 * Escapes `text` for the content of a <template>, so that the browser's parser gives back the
 * exact characters: `&` and `<` are escaped, and so is every carriage return, which the parser
 * would otherwise turn into a line feed.
 */
export function escapeRawText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
