// The props of every page's frame (Base.astro), checked once per page; the schema is made once for
// the build, not on every page the build renders.
import { z } from 'zod';

/** <Base>'s props: the page's title and description, its Markdown twin, what Open Graph calls it, and whether search engines skip it. */
export const BasePropsSchema = z.object({
  title: z.string({ error: 'expected the page title (a string)' }).min(1),
  description: z.string({ error: 'expected a one-sentence description (a string)' }).min(1),
  markdown: z.string().startsWith('/').optional(),
  kind: z.enum(['article', 'website']).default('website'),
  noindex: z.boolean().default(false),
});
