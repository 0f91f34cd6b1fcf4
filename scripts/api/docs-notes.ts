// What the description says about the public docs themselves: the endpoints it leaves out
// (`x-known-gaps`) and the contradictions it resolves (`x-docs-contradictions`), for the pages.
import type { ApiDescription } from './description.ts';
import type { DocsContradiction, KnownGap } from './description-schema.ts';

/** The shapes of a known gap and of a contradiction, for the pages. */
export type { DocsContradiction, KnownGap } from './description-schema.ts';

/** The endpoints the public docs list but the description leaves out, with the reason for each. */
export function knownGaps(description: ApiDescription): readonly KnownGap[] {
  return description.document['x-known-gaps'];
}

/** Where the public docs disagree with themselves, and the side the description takes. */
export function docsContradictions(description: ApiDescription): readonly DocsContradiction[] {
  return description.document['x-docs-contradictions'];
}
