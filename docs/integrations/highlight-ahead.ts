// The code blocks of the examples the pages show, asked for as the build starts: Shiki (in its own
// thread) highlights them while the pages are bundled, and each page finds its blocks done or under
// way (highlight-cache.ts keeps every block asked for once per build). Only what the pages show is
// asked for: the <CodeTabs> and <CodeFile> of every MDX page, read as the pages read them.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCodeFile } from '../components/code-file.ts';
import { loadTabs } from '../components/code-tabs.ts';
import { highlight } from '../lib/highlight.ts';
import { pageShownCode } from '../lib/page-examples.ts';

/** One block: the exact text a page shows and the grammar that highlights it. */
export interface ShownBlock {
  code: string;
  grammar: string;
}

/**
 * Every block the MDX pages under `contentDir` show from the examples under `snippets`, once each.
 * An example or file that cannot be read is left out: the page that shows it fails with its message.
 */
export async function shownBlocks(contentDir: string, snippets: string): Promise<ShownBlock[]> {
  const pages = (await readdir(contentDir, { recursive: true })).filter((file) => file.endsWith('.mdx')).sort();
  const shown = (await Promise.all(pages.map(async (page) => pageShownCode(await readFile(path.join(contentDir, page), 'utf8'))))).flat();
  const blocks = await Promise.all(
    shown.map(async ({ example, file }): Promise<ShownBlock[]> => {
      try {
        if (file !== undefined) return [await loadCodeFile(snippets, example, file)];
        return (await loadTabs(snippets, example)).tabs;
      } catch {
        return [];
      }
    }),
  );
  const unique = new Map(blocks.flat().map(({ code, grammar }) => [`${grammar}\n${code}`, { code, grammar }]));
  return [...unique.values()];
}

/** Asks for the markup of `blocks` without waiting for it; a failure is the asking page's to report. */
export function highlightAhead(blocks: readonly ShownBlock[]): void {
  for (const { code, grammar } of blocks) highlight(code, grammar).catch(() => undefined);
}
