// The docs' content collection: every page of the Core API section is one MDX file under
// docs/content/core-api/, its front matter checked by PageFrontmatterSchema. One route renders them
// all (pages/core-api/[...slug].astro); the sidebar, previous/next, breadcrumbs, the Markdown twins,
// /llms.txt and the status page all read this collection, so no list of pages is kept by hand.
// `defineCollection` comes from Astro's own module for it rather than from `astro:content`, which
// would load Astro's whole page runtime just to read this file before every build.
import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { SECTION } from './layouts/site.ts';
import { PageFrontmatterSchema } from './lib/page-schema.ts';

/** The collections Astro loads. */
export const collections = {
  coreApi: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: `./${SECTION.folder}` }), schema: PageFrontmatterSchema }),
};
