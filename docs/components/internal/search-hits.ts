// The order of a page's search hits, so that the first link is where the reader wants to go: the
// page when its title holds every word typed ("authentication"), otherwise its best section, a
// section whose heading holds every word counting double ("revoke a compromised token"), and an
// operation's path or name counting as its index weight says ("/targets/{targetId}").

/** A page or one of its sections, as the search lists it. */
export interface SearchHit {
  kind: 'page' | 'section';
  url: string;
  title: string;
  /** The title of the page it is on (its own for a page). */
  pageTitle: string;
  /** Text around the matches, with <mark> around each. */
  excerpt: string;
  /** How well a section matched (the sum of its weighted matches); 0 for a page. */
  score: number;
}

/** The words of a query or a title, lower-case, punctuation dropped (`/targets/{targetId}` gives `targets`, `targetid`). */
export function queryWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether every word of `query` starts a word of `title` (so a word still being typed counts). */
export function titleHolds(title: string, query: string): boolean {
  const words = queryWords(title);
  const wanted = queryWords(query);
  return wanted.length > 0 && wanted.every((word) => words.some((candidate) => candidate.startsWith(word)));
}

/** `hits` (a page, then its sections) in the order to list them, with at most `sections` sections. */
export function orderHits(hits: readonly SearchHit[], query: string, sections: number): SearchHit[] {
  const [page, ...rest] = hits;
  if (!page) return [];
  const ranked = rest
    .map((hit) => ({ hit, rank: hit.score * (titleHolds(hit.title, query) ? 2 : 1) }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, sections)
    .map(({ hit }) => hit);
  if (titleHolds(page.title, query) || ranked.length === 0) return [page, ...ranked];
  return [ranked[0]!, page, ...ranked.slice(1)];
}
