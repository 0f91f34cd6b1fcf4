// The order of the section's pages and what follows from it: the sidebar's entries, a page's
// previous and next pages, and its breadcrumbs. Pure functions of the collection's entries, so they
// are tested without a build.
import type { PageFrontmatter } from './page-schema.ts';

/** One page of the section, as the frame needs it. */
export interface SectionPage {
  /** The collection's id for the page: its file's path in the folder, without `.mdx` ("authentication", "index"). */
  id: string;
  /** Its URL path from the site's root, base not included ("/core-api/authentication/"). */
  path: string;
  /** The MDX file, from the project root ("docs/content/core-api/authentication.mdx"). */
  file: string;
  title: string;
  description: string;
  /** The name in the sidebar and breadcrumbs. */
  label: string;
  order: number;
}

/** One entry of the collection: what Astro gives for each page. */
export interface PageEntry {
  id: string;
  filePath?: string | undefined;
  data: PageFrontmatter;
}

/** Two pages share a sidebar position, or the section has no page; the message names the files. */
export class PageOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageOrderError';
  }
}

/** The URL path of the page with id `id` in the section at `sectionPath` ("index" is the section's own page). */
export function pagePath(sectionPath: string, id: string): string {
  const rest = id.replace(/(^|\/)index$/, '');
  return rest ? `${sectionPath}${rest}/` : sectionPath;
}

/** The section's pages in sidebar order; throws PageOrderError when two share an order. */
export function orderPages(entries: readonly PageEntry[], section: { path: string; folder: string }): SectionPage[] {
  const pages = entries.map((entry) => ({
    id: entry.id,
    path: pagePath(section.path, entry.id),
    file: entry.filePath ?? `${section.folder}/${entry.id}.mdx`,
    title: entry.data.title,
    description: entry.data.description,
    label: entry.data.sidebar.label ?? entry.data.title,
    order: entry.data.sidebar.order,
  }));
  pages.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  for (let index = 1; index < pages.length; index += 1) {
    const [before, page] = [pages[index - 1]!, pages[index]!];
    if (before.order === page.order)
      throw new PageOrderError(
        `${before.file} and ${page.file} both have sidebar.order ${page.order}: give each page of ${section.folder} a position of its own`,
      );
  }
  return pages;
}

/** The pages before and after `current` in sidebar order. */
export function neighbours(pages: readonly SectionPage[], current: SectionPage): { previous?: SectionPage; next?: SectionPage } {
  const index = pages.findIndex((page) => page.id === current.id);
  const previous = index > 0 ? pages[index - 1] : undefined;
  const next = index >= 0 ? pages[index + 1] : undefined;
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** One step of the breadcrumbs: its name, and its link (none for the page itself). */
export interface Crumb {
  label: string;
  path?: string;
}

/** The way to `current`: the site, the section (its own page), then the page unless it is the section's page. */
export function breadcrumbTrail(section: { label: string; path: string }, current: SectionPage): Crumb[] {
  const home: Crumb = { label: 'Docs', path: '/' };
  if (current.path === section.path) return [home, { label: section.label }];
  return [home, { label: section.label, path: section.path }, { label: current.label }];
}
