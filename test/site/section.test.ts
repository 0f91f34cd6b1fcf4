// The Core API section's frame, as built from the content collection: every MDX file of
// docs/content/core-api/ is a page at its address with its head (title, description, canonical URL,
// Open Graph), the sidebar in order with the current page marked, breadcrumbs, previous and next,
// a Markdown twin, an entry in /llms.txt, /llms-full.txt and the sitemap, and its article indexed
// for the search; the Overview states the API's facts as the contract has them; and the 404 page.
// vitest project: site (test/support/projects.ts)
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { API_ERRORS, API_FACTS } from '../../scripts/api/core-api.ts';
import { writtenPages } from './collection.ts';
import { innerHtml, startTags, textOf, type Tag } from './html.ts';
import { builtSite, readPage } from './site.ts';

const PAGES = await writtenPages();
/** A page's Markdown twin's path. */
const twinOf = (pagePath: string) => `${pagePath.replace(/\/$/, '')}.md`;
/** A built file of the site. */
const built = (file: string) => readFile(path.join(builtSite(), file), 'utf8');
/** The first element with class `name` on a page, and its inner HTML. */
function part(html: string, name: string): { tag: Tag; inner: string } {
  const tag = startTags(html).find((candidate) => candidate.attributes.class?.split(' ').includes(name));
  if (!tag) throw new Error(`no .${name} on the page`);
  return { tag, inner: innerHtml(html, tag) };
}
/** Every built HTML page, by file. */
async function htmlFiles(): Promise<string[]> {
  return (await readdir(builtSite(), { recursive: true })).filter((file) => file.endsWith('.html')).sort();
}

describe('the Core API section', () => {
  test('has a page per MDX file, Overview first', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(2);
    expect(PAGES[0]).toMatchObject({ path: '/core-api/', label: 'Overview' });
    expect(PAGES.map((page) => page.path)).toContain('/core-api/authentication/');
  });

  test.each(PAGES.map((page) => page.path))('%s has its title, description, canonical URL and Open Graph tags', async (url) => {
    const page = PAGES.find((candidate) => candidate.path === url)!;
    const html = await readPage(url);
    const tags = startTags(html);
    const meta = (key: string) =>
      tags.find((tag) => tag.name === 'meta' && (tag.attributes.property ?? tag.attributes.name) === key)?.attributes.content;
    expect(html).toContain(`<title>${page.title} · RequestRocket Core API docs</title>`);
    expect(
      textOf(
        innerHtml(
          html,
          tags.find((tag) => tag.name === 'h1')!,
        ),
      ),
    ).toBe(page.title);
    expect(meta('description')).toBe(page.description);
    const canonical = tags.find((tag) => tag.name === 'link' && tag.attributes.rel === 'canonical')?.attributes.href;
    expect(canonical).toMatch(/^https?:\/\//);
    expect(new URL(canonical!).pathname).toBe(url);
    expect(meta('og:url')).toBe(canonical);
    expect(meta('og:title')).toBe(page.title);
    expect(meta('og:description')).toBe(page.description);
    expect(meta('og:type')).toBe('article');
    const sitemap = await built('sitemap.xml');
    expect(sitemap).toContain(`<loc>${canonical}</loc>`);
  });

  test.each(PAGES.map((page) => page.path))('%s has a Markdown twin, linked from its head, with its title and headings', async (url) => {
    const page = PAGES.find((candidate) => candidate.path === url)!;
    const html = await readPage(url);
    const link = startTags(html).find((tag) => tag.name === 'link' && tag.attributes.rel === 'alternate');
    expect(link?.attributes).toMatchObject({ type: 'text/markdown', href: twinOf(url) });
    const twin = await built(twinOf(url).slice(1));
    expect(twin.startsWith(`# ${page.title}\n\n> ${page.description}\n\n`)).toBe(true);
    // Every h2 and h3 of the page, those of the reference sections' parts (Parameters, Responses) too.
    const headings = [...html.matchAll(/<h([23])(?:\s[^>]*)?>([\s\S]*?)<\/h\1>/g)].map(
      (match) => `${'#'.repeat(Number(match[1]))} ${textOf(match[2]!)}`,
    );
    const prose = twin.replace(/^(`{3,})\w*\n[\s\S]*?\n\1$/gm, '');
    expect(prose.split('\n').filter((line) => /^#{2,3} /.test(line))).toEqual(headings);
    expect(prose).not.toMatch(/<[A-Z]\w*|\{[A-Z_]+\}|^import /m);
    // Links relative to the page are made absolute: the twin does not sit in the page's folder.
    for (const target of prose.matchAll(/\]\(([^)]+)\)/g)) expect(target[1]).toMatch(/^(?:\/|#|https?:)/);
  });

  test('/llms-full.txt holds every twin, in sidebar order', async () => {
    const twins = await Promise.all(PAGES.map((page) => built(twinOf(page.path).slice(1))));
    expect(await built('llms-full.txt')).toBe(twins.join('\n'));
  });

  test.each([...PAGES.map((page) => page.path), '/', '/status/'])(
    "%s has the sidebar: the section's pages in order, the current one marked",
    async (url) => {
      const html = await readPage(url);
      const { tag, inner } = part(html, 'sidebar');
      expect(tag.attributes).toMatchObject({ id: 'site-nav', 'aria-label': 'Docs' });
      const links = startTags(inner).filter((candidate) => candidate.name === 'a');
      expect(links.map((link) => link.attributes.href)).toEqual(PAGES.map((page) => page.path));
      expect(links.map((link) => textOf(innerHtml(inner, link)).trim())).toEqual(PAGES.map((page) => page.label));
      expect(links.filter((link) => link.attributes['aria-current'] === 'page').map((link) => link.attributes.href)).toEqual(
        PAGES.some((page) => page.path === url) ? [url] : [],
      );
      // The phone menu's button controls it (shown only with JavaScript; without, the sidebar stays in the page).
      expect(startTags(html).find((candidate) => candidate.attributes.class === 'menu-toggle')?.attributes).toMatchObject({
        'aria-controls': 'site-nav',
        'aria-expanded': 'false',
      });
    },
  );

  test.each(PAGES.map((page, index) => ({ url: page.path, index })))(
    '$url has breadcrumbs and the previous and next pages',
    async ({ url, index }) => {
      const page = PAGES[index]!;
      const html = await readPage(url);
      const crumbs = part(html, 'breadcrumbs').inner;
      expect(textOf(crumbs).replace(/\s+/g, ' ').trim()).toBe(index === 0 ? 'DocsCore API' : `DocsCore API${page.label}`);
      expect(startTags(crumbs).find((tag) => tag.attributes['aria-current'] === 'page')).toBeDefined();
      const nav = startTags(html).filter((tag) => tag.name === 'a' && (tag.attributes.rel === 'prev' || tag.attributes.rel === 'next'));
      expect(nav.map((tag) => [tag.attributes.rel, tag.attributes.href])).toEqual([
        ...(index > 0 ? [['prev', PAGES[index - 1]!.path]] : []),
        ...(index < PAGES.length - 1 ? [['next', PAGES[index + 1]!.path]] : []),
      ]);
    },
  );

  test.each(PAGES.map((page) => page.path))(
    '%s is indexed for the search by its article only, its title as the result title',
    async (url) => {
      const html = await readPage(url);
      const tags = startTags(html);
      expect(tags.filter((tag) => 'data-pagefind-body' in tag.attributes).map((tag) => tag.name)).toEqual(['article']);
      expect(tags.find((tag) => 'data-pagefind-meta' in tag.attributes)).toMatchObject({
        name: 'h1',
        attributes: { 'data-pagefind-meta': 'title' },
      });
      // Every heading with an id, which the search makes a section of its own, is in the article.
      const article = part(html, 'prose');
      const headings = startTags(article.inner).filter((tag) => /^h[23]$/.test(tag.name) && tag.attributes.id);
      expect(headings.length).toBeGreaterThan(0);
    },
  );
});

describe('the search', () => {
  test('is built by Pagefind beside the pages', async () => {
    const files = await readdir(path.join(builtSite(), 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json']));
    const entry = JSON.parse(await built('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(PAGES.length);
  });

  test.each(['/', '/status/', ...PAGES.map((page) => page.path)])(
    '%s opens it from a button and loads none of it with the page',
    async (url) => {
      const html = await readPage(url);
      const tags = startTags(html);
      expect(tags.find((tag) => tag.name === 'site-search')?.attributes['data-bundle']).toBe('/pagefind/');
      expect(tags.find((tag) => tag.attributes.class === 'search-open')?.attributes['aria-keyshortcuts']).toBe('/ Control+K Meta+K');
      expect(tags.some((tag) => tag.name === 'dialog')).toBe(true);
      for (const tag of tags) expect(tag.attributes.src ?? tag.attributes.href ?? '', `<${tag.name}>`).not.toContain('pagefind');
    },
  );
});

describe('the Overview', () => {
  test('states the base URL and every documented error as the API contract has them', async () => {
    const html = await readPage('/core-api/');
    expect(textOf(html)).toContain(API_FACTS.baseUrl);
    const table = innerHtml(
      html,
      startTags(html).find((tag) => tag.attributes['data-table'] === 'errors')!,
    );
    const rows = table
      .split('<tr')
      .slice(2)
      .map((row) => textOf(`<tr${row}`).replace(/\s+/g, ' ').trim());
    expect(rows).toEqual(
      API_ERRORS.flatMap(({ status, examples }) =>
        Object.values(examples).map((body) => `${status} ${body.error}${JSON.stringify(body.error)}${JSON.stringify(body.message)}`),
      ),
    );
  });

  test('links to the authentication guide relatively, so the link holds under any base path', async () => {
    const html = await readPage('/core-api/');
    const hrefs = startTags(part(html, 'prose').inner)
      .filter((tag) => tag.name === 'a')
      .map((tag) => tag.attributes.href);
    expect(hrefs).toContain('./authentication/');
  });
});

describe('the 404 page', () => {
  test('says the page is not found, leads to the overview, and keeps out of search engines and the sitemap', async () => {
    const html = await built('404.html');
    expect(textOf(html)).toContain('Page not found');
    expect(startTags(html).some((tag) => tag.name === 'a' && tag.attributes.href === '/core-api/')).toBe(true);
    expect(startTags(html).find((tag) => tag.name === 'meta' && tag.attributes.name === 'robots')?.attributes.content).toBe('noindex');
    expect(await built('sitemap.xml')).not.toContain('404');
  });

  test('every page the build made is in the sitemap but the 404 page', async () => {
    const sitemap = await built('sitemap.xml');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname).sort();
    const pages = (await htmlFiles()).filter((file) => file !== '404.html').map((file) => `/${file.replace(/index\.html$/, '')}`);
    expect(locs).toEqual(pages.sort());
  });
});
