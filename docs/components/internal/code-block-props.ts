// The props of <CodeBlock>, checked on every block the pages render: the schema is made once for the
// build, not on each block. Kept apart from code-block.ts, which the browser's copy button imports.
import { z } from 'zod';

/** <CodeBlock>'s props: the exact text, its Shiki grammar, its title, and the label shown without scripts. */
export const CodeBlockPropsSchema = z.strictObject({
  code: z.string({ error: 'expected the text to show, as a string' }),
  grammar: z.string({ error: 'expected a Shiki grammar name' }).min(1),
  title: z.string({ error: 'expected a title (usually a file name)' }).min(1),
  label: z.string().min(1).optional(),
});
