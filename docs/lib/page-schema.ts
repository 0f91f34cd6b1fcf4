// The front matter of a page of the docs' content collection (docs/content/core-api/*.mdx): what
// the page, its sidebar entry, its head and its Markdown twin are made from. A missing or wrong
// field stops the build naming the file and the field.
import { z } from 'zod';

/** A page's front matter. */
export const PageFrontmatterSchema = z.strictObject({
  /** The page's title: its <h1>, its browser tab, its sidebar entry unless `sidebar.label` says otherwise. */
  title: z.string({ error: 'expected the page title (a string)' }).trim().min(1),
  /** One sentence under the title, in search results and in link previews. */
  description: z.string({ error: 'expected a one-sentence description (a string)' }).trim().min(1),
  /** Where the page sits in the sidebar, and the name it has there. */
  sidebar: z.strictObject(
    {
      /** Position in the sidebar and in previous/next: lower first; no two pages share one. */
      order: z.int({ error: 'expected a whole number: the position in the sidebar (lower first)' }),
      /** A shorter name for the sidebar and the breadcrumbs (default: the title). */
      label: z.string({ error: 'expected a short name for the sidebar (a string)' }).trim().min(1).optional(),
    },
    { error: 'expected sidebar: { order: <number>, label?: <text> }' },
  ),
});

/** A page's front matter, parsed. */
export type PageFrontmatter = z.output<typeof PageFrontmatterSchema>;
