// The Markdown twin of every page of the content collection, published next to its HTML
// (/core-api/authentication/ has /core-api/authentication.md).
import type { APIRoute, GetStaticPaths } from 'astro';
import { sectionEntries } from '../lib/section-pages.ts';
import { pageTwin } from '../lib/page-twins.ts';
import { twinPath } from '../lib/twin-paths.ts';

/** One twin per page. */
export const getStaticPaths = (async () =>
  (await sectionEntries()).map(({ page, entry }) => ({
    params: { twin: twinPath(page.path).replace(/^\//, '').replace(/\.md$/, '') },
    props: { page, source: entry.body ?? '' },
  }))) satisfies GetStaticPaths;

/** The twin's Markdown. */
export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = async ({ props }) =>
  new Response(await pageTwin(props.page, props.source), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
