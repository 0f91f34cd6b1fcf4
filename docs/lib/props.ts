// Validates the props an MDX author passes to a component, so that a typo stops the build with a
// message saying which component and prop, what was received and what was expected.
import type { z } from 'zod';
import { describeFound, fieldPath } from '../../scripts/manifest/errors.ts';

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
  throw new PropsError(
    component,
    result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return `unknown prop(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}; expected only the documented props`;
      }
      const expected = issue.message.replace(/^Invalid input: /, '').replace(/, received .*$/, '');
      return `prop "${fieldPath(issue.path)}": ${expected}; received ${describeFound(issue.input)}`;
    }),
  );
}
