// The evidence in a real browser: the tested status opens its panel from the keyboard and without
// JavaScript, "What you will see" follows the chosen language, print shows every language without
// buttons, and the status page fits a phone (each scenario a card) and can show only what failed.
// vitest project: site (test/support/projects.ts)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LANGUAGES } from '../../scripts/languages.ts';
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

/** A page on `url` in a fresh context. */
async function open(url: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${server.url}${url}`);
  return page;
}

const panel = (page: Page, lang: string) => page.locator(`#example-list-clients-panel-${lang}`);

describe('the tested status', () => {
  test('opens and closes its panel from the keyboard, as a button that says whether it is expanded', async () => {
    const page = await open(`${GUIDE}?lang=python`);
    const summary = panel(page, 'python').locator('.tested > summary');
    const details = panel(page, 'python').locator('details.tested');
    await summary.focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    expect(await panel(page, 'python').locator('.tested-panel').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await details.getAttribute('open')).toBe('');
    const text = await panel(page, 'python').locator('.tested-panel').innerText();
    expect(text).toContain('valid token');
    expect(text).toContain('Ran with Python 3.11.7 with requests 2.32.5');
    expect(await page.getByRole('link', { name: 'All results' }).filter({ visible: true }).getAttribute('href')).toBe('/status/');
    await page.keyboard.press('Space');
    expect(await details.getAttribute('open')).toBeNull();
    await page.context().close();
  });

  test('opens without JavaScript', async () => {
    const page = await open(GUIDE, { javaScriptEnabled: false });
    await panel(page, 'java').locator('.tested > summary').click();
    expect(await panel(page, 'java').locator('.tested-panel').innerText()).toContain('timed out preparing');
    await page.context().close();
  });
});

describe('what you will see', () => {
  test("follows the chosen language like the code does, and opens on the program's output", async () => {
    const page = await open(GUIDE);
    const visibleOutputs = () =>
      page.$$eval('.program-output', (all) =>
        all.filter((node) => node.checkVisibility()).map((node) => (node.closest('[role="tabpanel"]') as HTMLElement).dataset.lang),
      );
    expect(await visibleOutputs()).toEqual(['javascript', 'javascript']);
    await page.locator('#example-list-clients-tab-python').click();
    expect(await visibleOutputs()).toEqual(['python', 'python']);
    await panel(page, 'python').locator('.program-output > summary').click();
    const text = await panel(page, 'python').locator('.program-output').innerText();
    expect(text).toContain('cl_7f3a9c2e  Northwind Logistics');
    expect(text).toContain('Token u-ab…(34 chars) was refused: 401');
    await page.context().close();
  });

  test('says so when there is no output for this version of the file', async () => {
    const page = await open(`${GUIDE}?lang=curl`);
    await panel(page, 'curl').locator('.program-output > summary').click();
    expect(await panel(page, 'curl').locator('.program-output').innerText()).toContain('The output is not available for this version.');
    await page.context().close();
  });
});

describe('print', () => {
  test('shows every language of every example, labelled, with no tab or copy buttons', async () => {
    const page = await open(GUIDE);
    await page.emulateMedia({ media: 'print' });
    const visible = (selector: string) => page.$$eval(selector, (nodes) => nodes.filter((node) => node.checkVisibility()).length);
    expect(await visible('[role="tabpanel"]')).toBe(2 * LANGUAGES.length);
    expect(await visible('[role="tabpanel"] .nojs-label')).toBe(2 * LANGUAGES.length);
    expect(await visible('[role="tab"]')).toBe(0);
    expect(await visible('button.copy')).toBe(0);
    expect(await visible('[role="tabpanel"] pre.code')).toBe(2 * LANGUAGES.length);
    await page.context().close();
  });
});

describe('the status page', () => {
  test.each([390, 1280])('fits a %i px screen: nothing scrolls sideways, every result in view', async (width) => {
    const page = await open('/status/', { width });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // No table or cell is wider than the column it sits in, so no part of a grid is cut off.
    const overflowing = await page.$$eval(
      '.status-grid, .status-grid td, .status-grid th',
      (nodes) => nodes.filter((node) => node.scrollWidth > node.clientWidth + 1 || node.getBoundingClientRect().right > innerWidth).length,
    );
    expect(overflowing).toBe(0);
    const cell = page.locator('.status-grid td[data-status="failed"]').first();
    expect(await cell.isVisible()).toBe(true);
    if (width < 600) {
      // On a phone each scenario is a card: each language's line says its name, as the table's heading would.
      expect(await page.locator('.status-grid thead').first().isVisible()).toBe(false);
      expect(await cell.evaluate((node) => getComputedStyle(node, '::before').content)).toBe('"Python"');
    }
    await page.context().close();
  });

  test.each([true, false])('shows only what failed when asked (JavaScript on: %s)', async (javaScriptEnabled) => {
    const page = await open('/status/', { javaScriptEnabled });
    const visibleRows = () => page.$$eval('.status-grid tbody tr', (rows) => rows.filter((row) => row.checkVisibility()).length);
    const all = await visibleRows();
    await page.getByLabel('Show only what failed').check();
    const failedRows = await page.$$eval(
      '.status-grid tbody tr',
      (rows) => rows.filter((row) => row.querySelector('[data-status="failed"]')).length,
    );
    expect(failedRows).toBeGreaterThan(0);
    expect(failedRows).toBeLessThan(all);
    expect(await visibleRows()).toBe(failedRows);
    expect(await page.locator('.status-example[data-outcome="clean"]').first().isVisible()).toBe(false);
    await page.getByLabel('Show only what failed').uncheck();
    expect(await visibleRows()).toBe(all);
    await page.context().close();
  });

  test('is linked from the footer of the guide', async () => {
    const page = await open(GUIDE);
    await page.locator('footer').getByRole('link', { name: 'test status' }).click();
    await page.waitForURL(`${server.url}/status/`);
    expect(await page.locator('h1').innerText()).toBe('Test status');
    await page.context().close();
  });
});
