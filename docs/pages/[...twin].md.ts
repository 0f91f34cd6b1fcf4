// The Markdown twin of every guide, published next to its HTML (/core-api/authentication.md).
import type { APIRoute, GetStaticPaths } from 'astro';
import { guides, type Guide } from '../lib/guides.ts';
import { pageMarkdown } from '../lib/markdown-twin.ts';
import { projectRoot, reportPath, snippetsRoot } from '../lib/site-paths.ts';
import { siteReport } from '../lib/site-report.ts';

/** One twin per guide. */
export const getStaticPaths = (() =>
  guides().map((guide) => ({ params: { twin: guide.slug }, props: { guide } }))) satisfies GetStaticPaths;

/** The twin's Markdown. */
export const GET: APIRoute<{ guide: Guide }> = async ({ props }) => {
  const { guide } = props;
  const report = await siteReport(reportPath());
  const markdown = await pageMarkdown(guide.source, guide.meta, guide.file, {
    snippetsRoot: snippetsRoot(),
    projectRoot: projectRoot(),
    report,
  });
  return new Response(markdown, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
};
