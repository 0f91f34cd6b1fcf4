// /llms.txt: the site for tools and assistants, after the llms.txt convention: a title, a one-line
// summary, and sections of links: each guide's Markdown twin, each example (in the twin of the page
// that shows it), and the test status.
import type { APIRoute } from 'astro';
import { findExample } from '../components/code-tabs.ts';
import { guides, twinPath } from '../lib/guides.ts';
import { llmsText, type LlmsLink } from '../lib/llms-text.ts';
import { pageExampleIds } from '../lib/page-examples.ts';
import { snippetsRoot } from '../lib/site-paths.ts';
import { SITE, withBase } from '../layouts/site.ts';

/** The llms.txt text for the site's guides. */
export const GET: APIRoute = async () => {
  const pages = guides().map((guide) => ({ guide, twin: withBase(twinPath(`/${guide.slug}/`)) }));
  const examples: LlmsLink[] = [];
  for (const { guide, twin } of pages) {
    for (const id of pageExampleIds(guide.source)) {
      const { manifest } = await findExample(snippetsRoot(), id);
      examples.push({ url: twin, title: manifest.title, description: manifest.description });
    }
  }
  const text = llmsText(
    SITE.title,
    `How to authenticate with the ${SITE.product} Core API and handle its errors. Every code example (JavaScript, Python, Go, Java, curl) is a real program that is run against a mock of the API on each change; each guide links to its Markdown version, with every example inline and its tested status.`,
    [
      {
        heading: 'Guides',
        links: pages.map(({ guide, twin }) => ({ url: twin, title: guide.meta.title, description: guide.meta.description })),
      },
      { heading: 'Examples', links: examples },
      {
        heading: 'Optional',
        links: [
          {
            url: withBase('/status/'),
            title: 'Test status',
            description: 'every example in every language under every scenario, as the latest test run found it',
          },
        ],
      },
    ],
  );
  return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
