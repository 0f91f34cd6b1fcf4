// /llms-full.txt: every page's Markdown twin in one file, in sidebar order, for tools that read the
// whole of the docs at once.
import type { APIRoute } from 'astro';
import { pageTwin } from '../lib/page-twins.ts';
import { sectionEntries } from '../lib/section-pages.ts';

/** The twins, one after the other, each starting with its own title. */
export const GET: APIRoute = async () => {
  const twins = await Promise.all((await sectionEntries()).map(({ page, entry }) => pageTwin(page, entry.body ?? '')));
  return new Response(twins.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
