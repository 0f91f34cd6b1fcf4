// Just enough HTML reading for tests of the site's own markup: start tags with their attributes,
// an element's inner HTML, and decoding of character references.

/** A start tag found in a page. */
export interface Tag {
  name: string;
  attributes: Record<string, string>;
  /** Offset of `<` in the page. */
  start: number;
  /** Offset just after `>`. */
  end: number;
}

/** Decodes the character references HTML serialisers write (named basics, decimal and hex). */
export function decodeHtml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#')
      return String.fromCodePoint(ref[1]?.toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return named[ref.toLowerCase()] ?? match;
  });
}

/** Every start tag in `html` (comments, scripts and templates are not special-cased: fine for our markup). */
export function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attributes: Record<string, string> = {};
    for (const attribute of match[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes[attribute[1]!.toLowerCase()] = decodeHtml(attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes, start: match.index, end: match.index + match[0].length });
  }
  return tags;
}

/** The inner HTML of the element opened by `tag` (elements of the same name nested inside are counted). */
export function innerHtml(html: string, tag: Tag): string {
  const pattern = new RegExp(`<(/?)${tag.name}(?=[\\s>/])[^>]*>`, 'gi');
  pattern.lastIndex = tag.end;
  let depth = 1;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.slice(tag.end, match.index);
  }
  throw new Error(`<${tag.name}> at ${tag.start} is never closed`);
}

/** The text of some HTML: tags removed, references decoded. */
export function textOf(html: string): string {
  return decodeHtml(html.replace(/<[^>]*>/g, ''));
}
