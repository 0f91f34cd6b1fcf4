// The search inside the dialog, loaded the first time it opens: Pagefind (its script and index
// come from the site itself, under its base) answers each query with pages and their sections, and
// the dialog lists them as links, the best first: the page whose title holds every word typed, or
// else the section that matches best (a heading phrase, or an operation's path or name weighted in
// the index). Arrow keys move between the field and the links, Enter opens one.
import { orderHits, pageHits, type PagefindPage, type SearchHit } from './search-hits.ts';

/** The part of Pagefind's browser API this uses. */
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindPage> }[] } | null>;
}

/** How many pages a query lists, and how many sections of each. */
const PAGES_SHOWN = 6;
const SECTIONS_SHOWN = 3;

/** `excerpt` (Pagefind's text with <mark> around matched words) as DOM nodes: text stays text, marks stay marks. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

/** One result link: its title and excerpt. */
function resultItem(hit: SearchHit): HTMLLIElement {
  const item = document.createElement('li');
  if (hit.kind === 'section') item.className = 'search-section';
  const link = document.createElement('a');
  link.href = hit.url;
  const title = document.createElement('span');
  title.className = 'search-result-title';
  title.textContent = hit.title;
  const excerpt = document.createElement('span');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(...excerptNodes(hit.excerpt));
  if (hit.kind === 'section') {
    const page = document.createElement('span');
    page.className = 'search-result-page';
    page.textContent = hit.pageTitle;
    link.append(page);
  }
  link.append(title, excerpt);
  item.append(link);
  return item;
}

/** Wires the dialog's field to Pagefind at `bundle` (its folder URL), with result URLs under `base`. */
export async function startSearch(dialog: HTMLDialogElement, { bundle, base }: { bundle: string; base: string }): Promise<void> {
  const input = dialog.querySelector<HTMLInputElement>('.search-input')!;
  const list = dialog.querySelector<HTMLUListElement>('.search-results')!;
  const status = dialog.querySelector<HTMLElement>('.search-status')!;
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base });
  await pagefind.init();

  /** Lists what Pagefind finds for the field's text (a query overtaken by a newer one lists nothing). */
  async function update(): Promise<void> {
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 120);
    if (!search || input.value.trim() !== query) return;
    const pages = await Promise.all(search.results.slice(0, PAGES_SHOWN).map((result) => result.data()));
    const hits = pages.flatMap((page) => orderHits(pageHits(page), query, SECTIONS_SHOWN));
    list.replaceChildren(...hits.map(resultItem));
    status.textContent = hits.length ? `${hits.length} result${hits.length === 1 ? '' : 's'}` : `Nothing found for “${query}”`;
  }

  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links()[0]) {
      event.preventDefault();
      links()[0]!.focus();
    } else if (event.key === 'Enter' && links()[0]) {
      event.preventDefault();
      links()[0]!.click();
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(event.target as HTMLAnchorElement);
    if (index < 0 || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    (next < 0 ? input : all[Math.min(next, all.length - 1)]!).focus();
  });
  // Following a link to another part of this page closes the dialog, so the section shows.
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) dialog.close();
  });
  if (input.value.trim()) await update();
}
