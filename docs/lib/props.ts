// Validates the props an MDX author passes to a component, so that a typo stops the build with a
// message saying which component and prop, what was expected and what was found.
import type { z } from 'zod';
import { describeIssues } from '../../scripts/site-surface.ts';

/** A component used with props it cannot work with; the message is meant for the page's author. */
export class PropsError extends Error {
  constructor(component: string, problems: readonly string[]) {
    super(`<${component}> has invalid props:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PropsError';
  }
}

/** Drops the `data-astro-cid-*` attributes Astro adds for scoped styles; they are not the author's props. */
function withoutAstroAttributes(props: unknown): unknown {
  if (typeof props !== 'object' || props === null) return props;
  return Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith('data-astro-')));
}

/** Parses `props` with `schema`; throws PropsError naming each bad prop, what it got and what it expected. */
export function parseProps<Schema extends z.ZodType>(component: string, schema: Schema, props: unknown): z.output<Schema> {
  const result = schema.safeParse(withoutAstroAttributes(props), { reportInput: true });
  if (result.success) return result.data;
  throw new PropsError(component, describeIssues(result.error.issues, { key: 'prop', whole: `<${component}>` }));
}
