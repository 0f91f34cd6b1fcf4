// The site's guides (its MDX pages): their URL paths, front matter and MDX text, for the Markdown
// twins and /llms.txt, read through Vite so they are the very files the pages are built from.
import type { PageMeta } from './markdown-twin.ts';

/** One guide: where it is published and what it is made from. */
export interface Guide {
  /** The page's path from the site's root, without slashes around it ("core-api/authentication"). */
  slug: string;
  /** The MDX file, relative to the project ("docs/pages/core-api/authentication.mdx"). */
  file: string;
  meta: PageMeta;
  /** The MDX text, as written. */
  source: string;
}

const pages = import.meta.glob<{ frontmatter: PageMeta }>('../pages/**/*.mdx', { eager: true });
const sources = import.meta.glob<string>('../pages/**/*.mdx', { query: '?raw', import: 'default', eager: true });

/** Every guide, by path. */
export function guides(): Guide[] {
  return Object.keys(sources)
    .sort()
    .map((key) => {
      const slug = key
        .replace(/^\.\.\/pages\//, '')
        .replace(/\.mdx$/, '')
        .replace(/(^|\/)index$/, '');
      const { title, description } = pages[key]!.frontmatter;
      return { slug, file: `docs/pages/${key.replace(/^\.\.\/pages\//, '')}`, meta: { title, description }, source: sources[key]! };
    });
}

/** The URL path of a page's Markdown twin, from the page's own path ("/core-api/authentication/" → "/core-api/authentication.md"). */
export function twinPath(pagePath: string): string {
  return `${pagePath.replace(/\/+$/, '') || '/index'}.md`;
}
