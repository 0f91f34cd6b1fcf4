// Finding one's way: the table of contents follows the reader, headings link to themselves, and the
// phone menu and the skip link work.
// vitest project: site (test/support/projects.ts)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtSite } from '../site/site.ts';
import { GUIDE, launchChromium, serveSite, type SiteServer } from './support.ts';

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

  test('the phone menu lists the pages and marks the current one', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}${GUIDE}`);
    await page.locator('.menu summary').click();
    const menu = page.locator('.menu-nav');
    expect(await menu.isVisible()).toBe(true);
    expect(await menu.locator('a[aria-current="page"]').textContent()).toBe('Authentication');
    await menu.getByRole('link', { name: 'Overview' }).click();
    await page.waitForURL(`${server.url}/`);
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
