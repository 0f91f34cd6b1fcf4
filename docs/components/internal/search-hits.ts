// The order of a page's search hits, so that the first link is where the reader wants to go: the
// page when its title holds every word typed ("authentication"), otherwise its best section by
// Pagefind's score, counting double a section whose heading holds every word ("revoke a compromised
// token"), double again one whose text holds every word, and four times one whose text holds what
// was typed as it was typed (a path, "/targets/{targetId}", lands on the operation that has it).

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
  /** A section's text (from its heading to the next), when known. */
  text?: string;
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

/** How much a section's own text tells it matches: 4 when it holds `query` as typed, 2 when it holds every word of it, else 1. */
function textWeight(text: string | undefined, query: string): number {
  if (!text) return 1;
  const squeeze = (value: string) => value.toLowerCase().replace(/\s+/g, ' ').trim();
  if (squeeze(text).includes(squeeze(query))) return 4;
  return titleHolds(text, query) ? 2 : 1;
}

/** `hits` (a page, then its sections) in the order to list them, with at most `sections` sections. */
export function orderHits(hits: readonly SearchHit[], query: string, sections: number): SearchHit[] {
  const [page, ...rest] = hits;
  if (!page) return [];
  const ranked = rest
    .map((hit) => ({ hit, rank: hit.score * (titleHolds(hit.title, query) ? 2 : 1) * textWeight(hit.text, query) }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, sections)
    .map(({ hit }) => hit);
  if (titleHolds(page.title, query) || ranked.length === 0) return [page, ...ranked];
  return [ranked[0]!, page, ...ranked.slice(1)];
}

/** One page Pagefind found, with its text and its sections (each starting at its heading's word). */
export interface PagefindPage {
  url: string;
  meta: { title?: string };
  excerpt: string;
  content?: string;
  sub_results?: {
    title: string;
    url: string;
    excerpt: string;
    anchor?: { location: number };
    weighted_locations?: { balanced_score?: number; weight: number }[];
  }[];
}

/** A page's hits: the page and its sections, each scored by Pagefind's weighted locations, with its text. */
export function pageHits(page: PagefindPage): SearchHit[] {
  const title = page.meta.title ?? page.url;
  // Pagefind counts a page's words by the spaces between them; a section runs from its heading's word to the next section's.
  const words = (page.content ?? '').split(/\s+/);
  const starts = (page.sub_results ?? []).map((section) => section.anchor?.location ?? 0).sort((a, b) => a - b);
  const sections = (page.sub_results ?? [])
    .filter((section) => section.url !== page.url)
    .map((section) => {
      const start = section.anchor?.location ?? 0;
      const end = starts.find((location) => location > start) ?? words.length;
      return {
        kind: 'section' as const,
        url: section.url,
        title: section.title,
        pageTitle: title,
        excerpt: section.excerpt,
        score: (section.weighted_locations ?? []).reduce((sum, location) => sum + (location.balanced_score ?? location.weight), 0),
        text: words.slice(start, end).join(' '),
      };
    });
  return [{ kind: 'page', url: page.url, title, pageTitle: title, excerpt: page.excerpt, score: 0 }, ...sections];
}
