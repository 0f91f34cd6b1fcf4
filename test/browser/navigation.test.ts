// Finding one's way: the table of contents follows the reader, headings link to themselves, the
// sidebar works with the keyboard and becomes a menu on a phone (links in the page without
// JavaScript), previous/next and breadcrumbs lead on, and the skip link works.
// vitest project: site (test/support/projects.ts)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtSite } from '../site/site.ts';
import { writtenPages } from '../site/collection.ts';
import { GUIDE, launchChromium, serveSite, type SiteServer } from './support.ts';

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

describe('navigation', () => {
  test('the table of contents marks the section being read', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${GUIDE}`);
    const current = () => page.locator('nav.toc a[aria-current="location"]').textContent();
    expect(await current()).toBe('About user tokens');
    await page.locator('nav.toc a', { hasText: 'Token scope' }).click();
    await expect.poll(current).toBe('Token scope');
    expect(new URL(page.url()).hash).toBe('#token-scope');
    await context.close();
  });

  test('each section heading links to itself, named after the heading', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${GUIDE}`);
    const link = page.getByRole('link', { name: 'Link to the section “401 Unauthorized”' });
    expect(await link.getAttribute('href')).toBe('#401-unauthorized');
    await context.close();
  });

  test('the sidebar lists the pages in order, marks the current one, and is reached and followed with the keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${GUIDE}`);
    const sidebar = page.getByRole('navigation', { name: 'Docs' });
    expect(await sidebar.isVisible()).toBe(true);
    expect(await sidebar.getByRole('link').allInnerTexts()).toEqual(PAGES.map((entry) => entry.label));
    expect(await sidebar.locator('[aria-current="page"]').innerText()).toBe('Authentication');
    // Tab from the top of the page: the skip link, the brand, the search, then the sidebar's links in order.
    const focused: string[] = [];
    for (let step = 0; step < 3 + PAGES.length; step += 1) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => (document.activeElement as HTMLElement).innerText.trim()));
    }
    expect(focused.slice(-PAGES.length)).toEqual(PAGES.map((entry) => entry.label));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}${PAGES.at(-1)!.path}`);
    await context.close();
  });

  test('on a phone the sidebar is a menu: its button opens it on the current page, Escape closes it and gives focus back', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}${GUIDE}`);
    const button = page.getByRole('button', { name: 'Menu' });
    const sidebar = page.getByRole('navigation', { name: 'Docs' });
    expect(await sidebar.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await sidebar.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('page');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Authentication');
    // The whole menu is on screen, over the page.
    const box = (await sidebar.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    expect(await sidebar.isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');
    // A tap opens it again, and a link in it leads to its page.
    await button.tap();
    await sidebar.getByRole('link', { name: 'Overview' }).tap();
    await page.waitForURL(`${server.url}/core-api/`);
    expect(await page.getByRole('navigation', { name: 'Docs' }).isVisible()).toBe(false);
    await context.close();
  });

  test('on a phone without JavaScript the links are in the page, with no menu button', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${GUIDE}`);
    expect(await page.locator('.menu-toggle').isVisible()).toBe(false);
    const sidebar = page.getByRole('navigation', { name: 'Docs' });
    expect(await sidebar.isVisible()).toBe(true);
    expect(await sidebar.getByRole('link').allInnerTexts()).toEqual(PAGES.map((entry) => entry.label));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  test('each page of the section leads to the next and back, and its breadcrumbs to the section', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${PAGES[0]!.path}`);
    for (const next of PAGES.slice(1)) {
      await page
        .getByRole('navigation', { name: 'Previous and next pages' })
        .getByRole('link', { name: `Next ${next.label}` })
        .click();
      await page.waitForURL(`${server.url}${next.path}`);
    }
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Core API' }).click();
    await page.waitForURL(`${server.url}/core-api/`);
    await context.close();
  });

  test('the skip link is the first thing to focus and leads to the content', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${GUIDE}`);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});
