// /llms.txt: the site for tools and assistants, after the llms.txt convention: a title, a one-line
// summary, and sections of links: each page's Markdown twin, each example, and the rest.
import type { APIRoute } from 'astro';
import { llmsIndex } from '../lib/page-twins.ts';
import { sectionEntries } from '../lib/section-pages.ts';

/** The llms.txt text. */
export const GET: APIRoute = async () => {
  const pages = (await sectionEntries()).map(({ page, entry }) => ({ page, source: entry.body ?? '' }));
  return new Response(await llmsIndex(pages), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
