// What one built page of the site costs a reader, and the budget it must keep: its HTML gzipped
// against a base plus an allowance per example or operation section it holds (a page may grow by
// one section's weight for each section it gains), the requests it makes at load besides the HTML,
// and the JavaScript those requests bring. Measured by `npm run bench:site`, never in a test.
import { gzipSync } from 'node:zlib';
import type { Element, Root, RootContent } from 'hast';
import { htmlToHast } from 'satteri';

/** The budgets, in bytes gzipped and in requests. */
export const PAGE_BUDGET = Object.freeze({
  /** A page's frame and prose without any section: header, sidebar, search, footer, headings and text. */
  baseGzip: 6 * 1024,
  /** What each example or operation section may add (the guide's two examples and its prose fit in base + 2 sections). */
  sectionGzip: 5 * 1024,
  /** JavaScript run at load (not the search, which loads when opened). */
  scriptGzip: 3 * 1024,
  /** Requests at load besides the HTML: one stylesheet, one script, the icon sprite. */
  requests: 3,
});

/** What one page weighs. */
export interface PageWeight {
  /** The page's path in the built site ("core-api/authentication/index.html"). */
  page: string;
  htmlBytes: number;
  htmlGzip: number;
  /** Example and operation sections on the page. */
  sections: number;
  /** The page's HTML budget: base + sections × allowance. */
  budgetGzip: number;
  /** The URLs the page asks for at load, besides itself. */
  requests: string[];
  /** JavaScript run at load, inline and from files, gzipped. */
  scriptGzip: number;
}

/** Every element of `node`'s tree. */
function elements(node: Root | RootContent): Element[] {
  const found: Element[] = node.type === 'element' ? [node] : [];
  if ('children' in node) for (const child of node.children) found.push(...elements(child));
  return found;
}

/** A property as a string list (`rel`, `className` are lists in hast). */
function words(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/** An element is an example section (a <CodeTabs>) or an operation section (marked `data-operation`). */
function isSection(element: Element): boolean {
  return (element.tagName === 'figure' && element.properties.dataExample !== undefined) || element.properties.dataOperation !== undefined;
}

/** The URLs a page asks for at load, besides itself, once each: stylesheets, scripts, preloads, images, and `<use>` sprites. */
export function loadRequests(all: readonly Element[]): string[] {
  const urls = new Set<string>();
  const local = (url: unknown) => typeof url === 'string' && url !== '' && !url.startsWith('data:') && !url.startsWith('#');
  for (const element of all) {
    const { href, src } = element.properties;
    if (element.tagName === 'link' && local(href)) {
      const rel = words(element.properties.rel);
      if (rel.some((name) => ['stylesheet', 'modulepreload', 'preload', 'icon'].includes(name))) urls.add(String(href));
    }
    if (['script', 'img', 'iframe'].includes(element.tagName) && local(src)) urls.add(String(src));
    if (element.tagName === 'use' && local(href)) urls.add(String(href).replace(/#.*$/, ''));
  }
  return [...urls];
}

/** Measures one page: `html` is its text, `readAsset` gives the text of a file it links to (by URL). */
export async function measurePage(page: string, html: string, readAsset: (url: string) => Promise<string>): Promise<PageWeight> {
  const all = elements(htmlToHast(html) as Root);
  const requests = loadRequests(all);
  let script = '';
  for (const element of all.filter((candidate) => candidate.tagName === 'script')) {
    const type = String(element.properties.type ?? '');
    if (type !== '' && type !== 'module' && !type.includes('javascript')) continue;
    script += element.properties.src ? await readAsset(String(element.properties.src)) : elementText(element);
  }
  const sections = all.filter(isSection).length;
  return {
    page,
    htmlBytes: Buffer.byteLength(html),
    htmlGzip: gzipSync(html, { level: 9 }).length,
    sections,
    budgetGzip: PAGE_BUDGET.baseGzip + sections * PAGE_BUDGET.sectionGzip,
    requests,
    scriptGzip: script ? gzipSync(script, { level: 9 }).length : 0,
  };
}

/** The text inside an element (an inline script's code). */
function elementText(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** What a page exceeds, in words (none when it keeps every budget). */
export function overBudget(weight: PageWeight): string[] {
  const problems: string[] = [];
  if (weight.htmlGzip > weight.budgetGzip)
    problems.push(`HTML ${weight.htmlGzip} B gzipped, budget ${weight.budgetGzip} B (${weight.sections} section(s))`);
  if (weight.scriptGzip > PAGE_BUDGET.scriptGzip)
    problems.push(`JavaScript at load ${weight.scriptGzip} B gzipped, budget ${PAGE_BUDGET.scriptGzip} B`);
  if (weight.requests.length > PAGE_BUDGET.requests)
    problems.push(`${weight.requests.length} requests at load (${weight.requests.join(', ')}), budget ${PAGE_BUDGET.requests}`);
  return problems;
}
