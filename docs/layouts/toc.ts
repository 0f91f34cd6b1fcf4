// The on-page table of contents, built from the headings Astro extracts from an MDX page.

/** A heading as Astro reports it (MarkdownHeading). */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** One entry of the table of contents, with the entries of the sub-headings under it. */
export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Nests the page's h2 and h3 headings (others left out); an h3 before any h2 becomes a top entry. */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const { depth, slug, text } of headings) {
    const entry = { slug, text, children: [] };
    if (depth === 2) toc.push(entry);
    else if (depth === 3) (toc.at(-1)?.children ?? toc).push(entry);
  }
  return toc;
}
