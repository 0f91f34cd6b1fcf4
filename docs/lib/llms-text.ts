// The text of /llms.txt (after the llms.txt convention: a title, a one-line summary, and sections
// of links), written as a Markdown syntax tree so that every title and description in it, a
// manifest's included, is escaped: it stays the words it is.
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import { lineText, markdownOf, paragraph } from './markdown-text.ts';

/** One link of a section: where it goes, its name, and one line about it. */
export interface LlmsLink {
  url: string;
  title: string;
  description?: string | undefined;
}

/** One section: its heading and links. */
export interface LlmsSection {
  heading: string;
  links: readonly LlmsLink[];
}

/** `- [title](url): description` as a list item. */
function linkItem(link: LlmsLink): ListItem {
  const children: PhrasingContent[] = [{ type: 'link', url: link.url, children: [lineText(link.title)] }];
  if (link.description) children.push(lineText(`: ${link.description}`));
  return { type: 'listItem', spread: false, children: [paragraph(...children)] };
}

/** The llms.txt text: `title`, `summary` as a quotation, then each section that has links. */
export function llmsText(title: string, summary: string, sections: readonly LlmsSection[]): string {
  const nodes: RootContent[] = [
    { type: 'heading', depth: 1, children: [lineText(title)] },
    { type: 'blockquote', children: [paragraph(lineText(summary))] },
  ];
  for (const section of sections.filter((candidate) => candidate.links.length > 0)) {
    nodes.push(
      { type: 'heading', depth: 2, children: [lineText(section.heading)] },
      { type: 'list', ordered: false, spread: false, children: section.links.map(linkItem) },
    );
  }
  return markdownOf(nodes);
}
