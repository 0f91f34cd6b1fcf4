// /llms.txt: the site for tools and assistants, after the llms.txt convention: a title, a one-line
// summary, and sections of links, here to each guide's Markdown twin.
import type { APIRoute } from 'astro';
import { guides, twinPath } from '../lib/guides.ts';
import { SITE, withBase } from '../layouts/site.ts';

/** The llms.txt text for the site's guides. */
export const GET: APIRoute = () => {
  const lines = [
    `# ${SITE.title}`,
    '',
    `> How to authenticate with the ${SITE.product} Core API and handle its errors. Every code example (JavaScript, Python, Go, Java, curl) is a real program that is run against a mock of the API on each change; each guide links to its Markdown version, with every example inline and its tested status.`,
    '',
    '## Guides',
    '',
    ...guides().map((guide) => `- [${guide.meta.title}](${withBase(twinPath(`/${guide.slug}/`))}): ${guide.meta.description}`),
    '',
    '## Optional',
    '',
    `- [Test status](${withBase('/status/')}): every example in every language under every scenario, as the latest test run found it`,
    '',
  ];
  return new Response(lines.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
