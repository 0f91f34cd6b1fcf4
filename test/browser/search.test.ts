// The search in a real browser: nothing of it loads with the page; /, Ctrl-K and Cmd-K open a
// modal dialog that keeps focus and closes with Escape; typing a page's title and Enter lands on
// the page, a heading's phrase on its section, a path on the section that shows it; the arrow keys
// move through the results; nothing comes from another origin; all of it works under a base path;
// and operation sections, marked as the resource pages will mark them, are found by their path,
// their operationId and their heading.
// vitest project: site (test/support/projects.ts)
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { orderHits, pageHits, type PagefindPage } from '../../docs/components/internal/search-hits.ts';
import { buildSite, makeBuildDir } from '../site/build-site.ts';
import { writtenPages } from '../site/collection.ts';
import { builtSite } from '../site/site.ts';
import { launchChromium, serveSite, type SiteServer } from './support.ts';

const PAGES = await writtenPages();

let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveSite(builtSite()), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page on `url` of `site`, recording every URL it asks for. */
async function open(url: string, site: SiteServer = server): Promise<{ page: Page; requested: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${site.url}${url}`);
  return { page, requested };
}

/** Types `query` into the open dialog's field and waits for its results. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('#search-input').fill(query);
  // Pagefind and its index load on the first search: wait for the answer (not for a time).
  await page.locator('.search-status', { hasText: /result/ }).waitFor();
  return page
    .locator('.search-results a')
    .evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname + new URL((link as HTMLAnchorElement).href).hash),
    );
}

/** Whether the search dialog is open. */
const isOpen = (page: Page) => page.locator('dialog.search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open);

describe('the search', () => {
  test('loads nothing of the search or its index with the page, and only from the site when opened', async () => {
    const { page, requested } = await open('/core-api/');
    expect(requested.filter((url) => url.includes('pagefind') || url.includes('client-search'))).toEqual([]);
    await page.keyboard.press('/');
    await search(page, 'token');
    expect(requested.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(requested.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
    await page.context().close();
  });

  test.each(['/', 'Control+k', 'Meta+k'])('opens with %s, the cursor in its field, as a modal dialog', async (keys) => {
    const { page } = await open('/core-api/authentication/');
    await page.keyboard.press(keys);
    expect(await isOpen(page)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await page.locator('dialog.search-dialog').evaluate((dialog) => dialog.matches(':modal'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    await page.context().close();
  });

  test('keeps focus inside while open, and gives it back to its button when Escape closes it', async () => {
    const { page } = await open('/core-api/');
    await page.getByRole('button', { name: 'Search' }).focus();
    await page.keyboard.press('Enter');
    await search(page, 'authentication');
    for (let step = 0; step < 12; step += 1) {
      await page.keyboard.press('Tab');
      const outside = await page.evaluate(() => {
        const active = document.activeElement;
        return !!active && active !== document.body && !document.querySelector('dialog.search-dialog')!.contains(active);
      });
      expect(outside).toBe(false);
    }
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-open'))).toBe(true);
    await page.context().close();
  });

  test.each(PAGES.map((entry) => entry.path))('typing the title of %s and Enter lands on it', async (url) => {
    const entry = PAGES.find((candidate) => candidate.path === url)!;
    const { page } = await open('/');
    await page.keyboard.press('/');
    const results = await search(page, entry.title);
    expect(results[0]).toBe(url);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}${url}`);
    await page.context().close();
  });

  test.each([
    ['authentication', '/core-api/authentication/'],
    ['revoke a compromised token', '/core-api/authentication/#revoke-a-compromised-token'],
    ['401 unauthorized', '/core-api/authentication/#401-unauthorized'],
    ['ids and timestamps', '/core-api/#ids-and-timestamps'],
  ])('typing "%s" and Enter lands on %s', async (query, target) => {
    const { page } = await open('/core-api/');
    await page.keyboard.press('/');
    expect((await search(page, query))[0]).toBe(target);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}${target}`);
    expect(await isOpen(page)).toBe(false);
    await page.context().close();
  });

  test('finds the section that shows a path', async () => {
    const { page } = await open('/');
    await page.keyboard.press('/');
    expect(await search(page, '/api/clients')).toContain('/core-api/authentication/#the-raw-request');
    await page.context().close();
  });

  test('moves through the results with the arrow keys, and back to the field, and Enter opens the one in focus', async () => {
    const { page } = await open('/');
    await page.keyboard.press('/');
    const results = await search(page, 'token');
    expect(results.length).toBeGreaterThan(2);
    const focusedHref = () => page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    expect(await focusedHref()).toBe(results[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedHref()).toBe(results[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focusedHref()).toBe(results[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.hash === results[1]);
    await page.context().close();
  });

  test('says when nothing is found', async () => {
    const { page } = await open('/');
    await page.keyboard.press('/');
    await page.locator('#search-input').fill('zyxwvutsrq');
    await page.locator('.search-status', { hasText: 'Nothing found for “zyxwvutsrq”' }).waitFor();
    expect(await page.locator('.search-results a').count()).toBe(0);
    await page.context().close();
  });
});

describe('the search under a base path', () => {
  let outDir: string;
  let based: SiteServer;

  beforeAll(async () => {
    outDir = await makeBuildDir();
    const result = await buildSite({ outDir, env: { SITE_BASE: '/rr-docs' } });
    if (!result.ok) throw new Error(result.output);
    based = await serveSite(outDir, '/rr-docs');
  });

  afterAll(async () => {
    await based?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  test('loads its index from the base and lands on the page under it', async () => {
    const { page, requested } = await open('/rr-docs/', based);
    await page.keyboard.press('/');
    const results = await search(page, 'authentication');
    expect(results[0]).toBe('/rr-docs/core-api/authentication/');
    expect(requested.some((url) => url.endsWith('/rr-docs/pagefind/pagefind.js'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${based.url}/rr-docs/core-api/authentication/`);
    await page.context().close();
  });
});

describe('operation sections', () => {
  let outDir: string;
  let fixture: SiteServer;

  beforeAll(async () => {
    outDir = await makeBuildDir();
    const result = await buildSite({ root: 'test/fixtures/site/operation-sections', outDir });
    if (!result.ok) throw new Error(result.output);
    fixture = await serveSite(outDir);
  });

  afterAll(async () => {
    await fixture?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  /** The hits the dialog would list for `query`, in its order, as Pagefind answers on the fixture page. */
  async function hits(query: string): Promise<string[]> {
    const { page } = await open('/targets/', fixture);
    // A string, not a function: the test runner would rewrite a function's import() for Node.
    const pages = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options({ baseUrl: '/' });
      const { results } = await pagefind.search(${JSON.stringify(query)});
      return Promise.all(results.map((result) => result.data()));
    })()`);
    await page.context().close();
    return (pages as PagefindPage[]).flatMap((found) => orderHits(pageHits(found), query, 3).map((entry) => entry.url));
  }

  test.each([
    ['/targets/{targetId}', ['/targets/#get-a-target', '/targets/#delete-a-target']],
    ['getTarget', ['/targets/#get-a-target']],
    ['deleteTarget', ['/targets/#delete-a-target']],
    ['delete a target', ['/targets/#delete-a-target']],
    ['GET /api/clients/{clientId}/targets', ['/targets/#list-targets', '/targets/#get-a-target']],
  ])('"%s" lands on the operation section first', async (query, first) => {
    expect(first).toContain((await hits(query))[0]);
  });
});
