// A section heading's props, and the text of its rendered HTML, for the label of its link: the HTML
// is parsed into a syntax tree and its text taken from there (as Starlight's heading links do), so
// tags, comments and character references come out as a reader hears them.
import { toString } from 'hast-util-to-string';
import { htmlToHast } from 'satteri';
import { z } from 'zod';

/** <Heading>'s props (made once, not on every heading the pages render). */
export const HeadingPropsSchema = z.object({
  level: z.union([z.literal(2), z.literal(3)], { error: 'expected 2 or 3' }),
  id: z.string({ error: 'expected the id MDX gives every heading (a string)' }).min(1),
});

/** The text of `html` (a heading's content), tags left out and references decoded. */
export function headingText(html: string): string {
  return toString(htmlToHast(html, { fragment: true }));
}
