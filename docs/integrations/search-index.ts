// After the build, Pagefind indexes the built pages for the search (as Starlight does): only what
// a page marks with data-pagefind-body (the article of each page of the section), each heading
// with an id a section of its own, into pagefind/ beside the pages. Nothing of it loads until a
// reader opens the search. Pagefind runs in a process of its own: it starts as soon as the pages
// are written (astro:build:generated) and the build waits for it at its end (astro:build:done), so
// the integrations placed before this one (the link check) run while it indexes. A failure of
// Pagefind fails the build, with Pagefind's own messages.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Throws with Pagefind's own messages when a step of it failed. */
function checked<Response extends { errors: string[] }>(step: string, response: Response): Response {
  if (response.errors.length > 0) throw new Error(`search index: Pagefind could not ${step}:\n  ${response.errors.join('\n  ')}`);
  return response;
}

/** Indexes the pages built into `dir` and writes the index into `<dir>/pagefind/`; the number of pages read. */
export async function indexSite(dir: URL): Promise<number> {
  try {
    const { index } = checked('start', await pagefind.createIndex({}));
    if (!index) throw new Error('search index: Pagefind gave no index');
    const { page_count: pages } = checked('read the built pages', await index.addDirectory({ path: fileURLToPath(dir) }));
    checked('write the index', await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) }));
    return pages;
  } finally {
    await pagefind.close();
  }
}

/** The indexing of one build: started once its pages are written, awaited at its end. */
interface Indexing {
  /** The outcome, kept so that a failure is reported when the build awaits it, not as an unhandled rejection before. */
  outcome: Promise<{ pages: number } | { error: unknown }>;
}

/** The Astro integration: builds the search index into `<outDir>/pagefind/`. */
export function searchIndex(): AstroIntegration {
  let indexing: Indexing | undefined;
  const start = (dir: URL): Indexing => ({
    outcome: indexSite(dir).then(
      (pages) => ({ pages }),
      (error: unknown) => ({ error }),
    ),
  });
  return {
    name: 'requestrocket:search-index',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        indexing = start(dir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outcome = await (indexing ?? start(dir)).outcome;
        indexing = undefined;
        if ('error' in outcome) throw outcome.error;
        logger.info(`search: Pagefind read ${outcome.pages} page(s) and indexed the sections they mark`);
      },
    },
  };
}
