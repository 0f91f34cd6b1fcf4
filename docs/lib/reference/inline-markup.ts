// The little Markdown a reference's text holds (the description's prose, and the words of
// schema-words.ts): inline code in backticks and links to an anchor on the page. Turned into HTML
// here, and left as it is in the Markdown twin; everything else is text, escaped.

/** `&`, `<`, `>` and `"` escaped for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A code span (backticks, as CommonMark pairs them) or a link to an anchor of the page (`[Target](#schema-Target)`). */
const INLINE = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)|\[([^\]\n]+)\]\((#[^)\s]+)\)/g;

/** `text` as HTML: code spans as `<code>`, anchor links as `<a>`, the rest escaped. */
export function inlineHtml(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    html += escapeHtml(text.slice(last, match.index));
    const [, , span, label, href] = match;
    if (span !== undefined) {
      // CommonMark drops one space on each side of a span padded on both (how backticks inside are written).
      const inner = /^ .* $/s.test(span) && span.trim() !== '' ? span.slice(1, -1) : span;
      html += `<code>${escapeHtml(inner)}</code>`;
    } else html += `<a href="${escapeHtml(href!)}">${escapeHtml(label!)}</a>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}
