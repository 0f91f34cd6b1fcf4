// The Markdown twins of the section's pages, made with the snippets and the harness report the
// build uses, and what /llms.txt and /llms-full.txt say about them.
import { findExample } from '../components/code-tabs.ts';
import { SITE, withBase } from '../layouts/site.ts';
import { llmsText, type LlmsLink } from './llms-text.ts';
import { pageMarkdown } from './markdown-twin.ts';
import type { SectionPage } from './page-order.ts';
import { pageExampleIds } from './page-examples.ts';
import { projectRoot, reportPath, snippetsRoot } from './site-paths.ts';
import { siteReport } from './site-report.ts';
import { twinPath } from './twin-paths.ts';

/** The one line under the title of /llms.txt and /llms-full.txt. */
export const LLMS_SUMMARY = `The ${SITE.product} Core API: its conventions, how to authenticate and handle its errors. Every code example (JavaScript, Python, Go, Java, curl) is a real program that is run against a mock of the API on each change; each page links to its Markdown version, with every example inline and its tested status.`;

/** Twins made during this build, by page and MDX text: /llms-full.txt holds the twins the .md routes made. */
const made = new Map<string, Promise<string>>();

/** The Markdown twin of `page`, whose MDX text is `source` (made once per build; every time in `astro dev`, where files change). */
export function pageTwin(page: SectionPage, source: string): Promise<string> {
  const key = `${page.file}\0${source}`;
  let twin = import.meta.env.DEV ? undefined : made.get(key);
  if (!twin) {
    twin = siteReport(reportPath()).then((report) =>
      pageMarkdown(source, page, page.file, {
        snippetsRoot: snippetsRoot(),
        projectRoot: projectRoot(),
        report,
        pageUrl: withBase(page.path),
      }),
    );
    made.set(key, twin);
  }
  return twin;
}

/** The text of /llms.txt: every page's twin, every example (in the twin of the page that shows it), the test status. */
export async function llmsIndex(pages: readonly { page: SectionPage; source: string }[]): Promise<string> {
  const examples: LlmsLink[] = [];
  for (const { page, source } of pages) {
    for (const id of pageExampleIds(source)) {
      const { manifest } = await findExample(snippetsRoot(), id);
      examples.push({ url: withBase(twinPath(page.path)), title: manifest.title, description: manifest.description });
    }
  }
  return llmsText(SITE.title, LLMS_SUMMARY, [
    {
      heading: 'Core API',
      links: pages.map(({ page }) => ({ url: withBase(twinPath(page.path)), title: page.title, description: page.description })),
    },
    { heading: 'Examples', links: examples },
    {
      heading: 'Optional',
      links: [
        { url: withBase('/llms-full.txt'), title: 'Every page in one file', description: 'the Markdown twins above, one after the other' },
        {
          url: withBase('/status/'),
          title: 'Test status',
          description: 'every example in every language under every scenario, as the latest test run found it',
        },
      ],
    },
  ]);
}
