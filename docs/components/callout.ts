// The logic behind <Callout>: its props and the title each kind of callout has by default, shared
// by the page and its Markdown twin.
import { z } from 'zod';

/** The title of each kind of callout when the page gives none. */
export const CALLOUT_TITLES = Object.freeze({ note: 'Note', tip: 'Tip', caution: 'Caution', danger: 'Danger' });

/** The props of <Callout>: how much it matters (note by default) and an optional title. */
export const CalloutPropsSchema = z.strictObject({
  type: z.enum(['note', 'tip', 'caution', 'danger'], { error: 'expected one of "note", "tip", "caution", "danger"' }).default('note'),
  title: z.string({ error: 'expected a title (a string)' }).min(1).optional(),
});
