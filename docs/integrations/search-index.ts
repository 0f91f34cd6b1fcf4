// After the build, Pagefind indexes the built pages for the search (as Starlight does): only what
// a page marks with data-pagefind-body (the article of each page of the section), each heading
// with an id a section of its own, into pagefind/ beside the pages. Nothing of it loads until a
// reader opens the search.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Throws with Pagefind's own messages when a step of it failed. */
function checked<Response extends { errors: string[] }>(step: string, response: Response): Response {
  if (response.errors.length > 0) throw new Error(`search index: Pagefind could not ${step}:\n  ${response.errors.join('\n  ')}`);
  return response;
}

/** The Astro integration: builds the search index into `<outDir>/pagefind/`. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'requestrocket:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { index } = checked('start', await pagefind.createIndex({}));
          if (!index) throw new Error('search index: Pagefind gave no index');
          const { page_count: pages } = checked('read the built pages', await index.addDirectory({ path: fileURLToPath(dir) }));
          checked('write the index', await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) }));
          logger.info(`search: Pagefind read ${pages} page(s) and indexed the sections they mark`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
