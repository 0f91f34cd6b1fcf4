// What a new example's id becomes (its title), and why an id cannot be used: the repo's id
// pattern, plus the ids a registered language's toolchain would trip on (its runner says which).
import { EXAMPLE_ID_PATTERN } from '../manifest/examples.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import type { LanguageRunner } from '../runners/runner-contract.ts';

/** `List clients`: a title for an example that was given none. */
export function titleFromId(id: string): string {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The closest valid id to what was typed (`List_Clients` -> `list-clients`), or undefined. */
export function suggestId(input: string): string | undefined {
  const slug = input
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug && slug !== input && EXAMPLE_ID_PATTERN.test(slug) ? slug : undefined;
}

/** Why `id` cannot name a new example, in one sentence, or undefined when it can. */
export function exampleIdProblem(id: string, runners: readonly Pick<LanguageRunner, 'scaffold'>[] = DEFAULT_RUNNERS): string | undefined {
  if (!EXAMPLE_ID_PATTERN.test(id)) {
    const like = suggestId(id) ?? 'list-clients';
    return `"${id}" is not a valid example id: use lower-case words joined by dashes, like "${like}"`;
  }
  for (const runner of runners) {
    const problem = runner.scaffold.idProblem?.(id);
    if (problem) return problem;
  }
  return undefined;
}
