// The text of a heading's rendered HTML, for the label of its link: the HTML is parsed into a
// syntax tree and its text taken from there (as Starlight's heading links do), so tags, comments
// and character references come out as a reader hears them.
import { toString } from 'hast-util-to-string';
import { htmlToHast } from 'satteri';

/** The text of `html` (a heading's content), tags left out and references decoded. */
export function headingText(html: string): string {
  return toString(htmlToHast(html, { fragment: true }));
}
