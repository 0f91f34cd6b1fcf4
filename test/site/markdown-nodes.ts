// Markdown as a reader parses it (GitHub's flavour, by satteri, the parser the site builds with),
// to check that text the site did not write (a manifest's title) came out as text: no HTML, no
// image, no link hiding where it goes.
import { markdownToMdast } from 'satteri';

/** A parsed Markdown node, as much of it as the tests read. */
export interface MarkdownNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: MarkdownNode[];
}

/** Every node of `markdown`, in document order. */
export function parsedNodes(markdown: string): MarkdownNode[] {
  const all: MarkdownNode[] = [];
  const visit = (node: MarkdownNode) => {
    all.push(node);
    node.children?.forEach(visit);
  };
  visit(markdownToMdast(markdown, { position: false }) as MarkdownNode);
  return all;
}

/** The text a reader sees in `node`. */
export function textOf(node: MarkdownNode): string {
  return node.value ?? (node.children ?? []).map(textOf).join('');
}

/** The nodes that are markup made from text: raw HTML, images and references. */
export function markupNodes(nodes: readonly MarkdownNode[]): MarkdownNode[] {
  return nodes.filter((node) => ['html', 'image', 'linkReference', 'imageReference', 'definition'].includes(node.type));
}

/** The links whose text is not their target (a bare URL a reader links shows where it goes; any other link may hide it). */
export function disguisedLinks(nodes: readonly MarkdownNode[]): MarkdownNode[] {
  const bare = (url: string) => url.replace(/^mailto:/, '');
  return nodes.filter((node) => node.type === 'link' && bare(textOf(node)) !== bare(node.url!));
}
