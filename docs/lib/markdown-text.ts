// Markdown written from a syntax tree (mdast), for the Markdown twins, /llms.txt and
// /llms-full.txt. The serializer escapes every text node, so text that comes from elsewhere (a
// manifest's title, a page's description) is shown as the words it is and never becomes a
// heading, a link, an image or HTML.
import type { Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

/** `nodes` as Markdown: GitHub's flavour (tables), `-` bullets, fenced code, one final newline. */
export function markdownOf(nodes: readonly RootContent[]): string {
  return toMarkdown({ type: 'root', children: [...nodes] }, { extensions: [gfmToMarkdown()], bullet: '-', fences: true });
}

/** A text node holding `value` on one line: runs of white space, line breaks included, become one space. */
export function lineText(value: string): Text {
  return { type: 'text', value: value.replace(/\s+/g, ' ') };
}

/** A paragraph of the given inline nodes. */
export function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

/** A fenced code block holding `code` byte for byte: its final line feed is the one before the closing fence. */
export function codeBlock(code: string, lang: string): RootContent {
  return { type: 'code', lang, value: code.replace(/\n$/, '') };
}
