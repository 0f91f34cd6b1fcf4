// The resource pages (the section's pages named after a tag of the API description) in a real
// browser: the search finds a page by its name and an operation's section by its path; the sidebar
// leads from one to the next with the keyboard, and on a phone through the menu; and on paper each
// page prints every language of every example, labelled, with its code.
// vitest project: site (test/support/projects.ts)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { LANGUAGES } from '../../scripts/languages.ts';
import { tagSlug } from '../../docs/lib/reference/reference-anchors.ts';
import { builtSite } from '../site/site.ts';
import { writtenPages } from '../site/collection.ts';
import { launchChromium, serveSite, type SiteServer } from './support.ts';

const PAGES = await writtenPages();
const TAGS = [...new Set(API_OPERATIONS.map((operation) => operation.tag))];
/** The pages named after a tag: the resource pages, in sidebar order. */
const RESOURCE_PAGES = PAGES.filter((page) => TAGS.some((tag) => page.path === `/core-api/${tagSlug(tag)}/`));

let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveSite(builtSite()), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page on `url`, at a desktop's size unless told otherwise. */
async function open(url: string, options: { width?: number; isMobile?: boolean } = {}): Promise<Page> {
  const mobile = options.isMobile === true;
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    ...(mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await page.goto(`${server.url}${url}`);
  return page;
}

/** Opens the search with `/`, types `query`, and gives the results' links (path and hash) in their order. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('/');
  await page.locator('#search-input').fill(query);
  // Pagefind and its index load on the first search: wait for the answer (not for a time).
  await page.locator('.search-status', { hasText: /result/ }).waitFor();
  return page.locator('.search-results a').evaluateAll((links) =>
    links.map((link) => {
      const url = new URL((link as HTMLAnchorElement).href);
      return url.pathname + url.hash;
    }),
  );
}

test('there is a resource page for each tag of the description', () => {
  expect(RESOURCE_PAGES).toHaveLength(TAGS.length);
});

describe('the search', () => {
  test('typing "targets" and Enter lands on the Targets page', async () => {
    const page = await open('/');
    const results = await search(page, 'targets');
    expect(results[0]).toBe('/core-api/targets/');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/core-api/targets/`);
    await page.context().close();
  });

  test("typing /targets/{targetId} finds the sections of that path's operations first, and Enter lands on one", async () => {
    const sections = API_OPERATIONS.filter((operation) => operation.path.endsWith('/targets/{targetId}')).map(
      (operation) => `/core-api/targets/#${operation.operationId}`,
    );
    expect(sections.length).toBeGreaterThan(0);
    const page = await open('/core-api/');
    const results = await search(page, '/targets/{targetId}');
    expect(sections).toContain(results[0]);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.hash === results[0]);
    const section = page.locator(`section[data-operation="${results[0]!.split('#')[1]}"]`);
    expect(await section.locator('.ref-path').innerText()).toBe(
      API_OPERATIONS.find((each) => results[0]!.endsWith(`#${each.operationId}`))!.path,
    );
    await page.context().close();
  });
});

describe('the sidebar', () => {
  test.each(RESOURCE_PAGES.map((entry) => entry.path))('on %s, leads with the keyboard to the next page', async (url) => {
    const index = PAGES.findIndex((entry) => entry.path === url);
    const next = PAGES[(index + 1) % PAGES.length]!;
    const page = await open(url);
    const sidebar = page.getByRole('navigation', { name: 'Docs' });
    expect(await sidebar.locator('[aria-current="page"]').innerText()).toBe(PAGES[index]!.label);
    // Tab from the top of the page until the next page's link has the focus (the skip link, the brand and the search come first).
    let focused = '';
    for (let step = 0; step < 3 + PAGES.length && focused !== next.label; step += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement).innerText.trim());
    }
    expect(focused).toBe(next.label);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}${next.path}`);
    await page.context().close();
  });

  test.each(RESOURCE_PAGES.map((entry) => entry.path))(
    'on %s on a phone, opens as a menu on the page and leads to another',
    async (url) => {
      const index = PAGES.findIndex((entry) => entry.path === url);
      const other = PAGES[index === 0 ? 1 : 0]!;
      const page = await open(url, { width: 390, isMobile: true });
      const sidebar = page.getByRole('navigation', { name: 'Docs' });
      expect(await sidebar.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Menu' }).tap();
      expect(await sidebar.isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(PAGES[index]!.label);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await sidebar.getByRole('link', { name: other.label, exact: true }).tap();
      await page.waitForURL(`${server.url}${other.path}`);
      await page.context().close();
    },
  );
});

describe('print', () => {
  test.each(RESOURCE_PAGES.map((entry) => entry.path))(
    '%s prints every language of every example, labelled, with its code and no tab or copy button',
    async (url) => {
      const page = await open(url);
      await page.emulateMedia({ media: 'print' });
      const examples = await page.locator('figure.example').count();
      expect(examples).toBeGreaterThan(0);
      const visible = (selector: string) => page.$$eval(selector, (nodes) => nodes.filter((node) => node.checkVisibility()).length);
      expect(await visible('[role="tabpanel"]')).toBe(examples * LANGUAGES.length);
      expect(await visible('[role="tabpanel"] .nojs-label')).toBe(examples * LANGUAGES.length);
      expect(await visible('[role="tabpanel"] pre.code')).toBe(examples * LANGUAGES.length);
      expect(await visible('[role="tab"]')).toBe(0);
      expect(await visible('button.copy')).toBe(0);
      // Each example's panels are labelled with the languages in tab order.
      const labels = await page.$$eval('figure.example', (figures) =>
        figures.map((figure) => [...figure.querySelectorAll('[role="tabpanel"] .nojs-label')].map((label) => label.textContent?.trim())),
      );
      for (const each of labels) expect(each).toEqual(LANGUAGES.map((language) => language.label));
      await page.context().close();
    },
  );
});
