// The copy buttons: they put the file's exact text on the clipboard and say "Copied" to screen readers.
// vitest project: site (test/support/projects.ts)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { documentedError, formatBody } from '../../scripts/api/core-api.ts';
import { builtSite, readSnippet } from '../site/site.ts';
import { GUIDE, launchChromium, serveSite, type SiteServer } from './support.ts';

const UNAUTHORIZED = documentedError(401);

let server: SiteServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveSite(builtSite()), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  await page.goto(`${server.url}${GUIDE}?lang=python`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page's aria-live region's text, once it is not empty. */
async function announced(): Promise<string> {
  const live = page.locator('[aria-live="polite"]');
  await expect.poll(() => live.textContent()).not.toBe('');
  return (await live.textContent()) ?? '';
}

describe('copy buttons', () => {
  test.each([
    ['list-clients', 'python', 'list_clients.py'],
    ['verify-token', 'go', 'verify_token.go'],
    ['list-clients', 'curl', 'list-clients.sh'],
  ])('copy the exact bytes of %s in %s (%s) and announce "Copied"', async (example, lang, file) => {
    await page.locator(`#example-${example}-tab-${lang}`).click();
    const button = page.locator(`#example-${example}-panel-${lang} button.copy`);
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await readSnippet(example, file));
    expect(await announced()).toBe('Copied');
    expect(await button.locator('.copy-text').textContent()).toBe('Copied');
  });

  test('copy a response body exactly as the API contract has it', async () => {
    const button = page
      .locator('.code-block', { has: page.locator('.http-status', { hasText: '401 Unauthorized' }) })
      .first()
      .locator('button.copy');
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(formatBody(UNAUTHORIZED.body));
  });

  test('copy the raw HTTP request', async () => {
    await page.locator('.code-block', { hasText: 'request.http' }).locator('button.copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await readSnippet('list-clients', 'request.http'));
  });

  test('name the file they copy for screen readers', async () => {
    await page.locator('#example-list-clients-tab-python').click();
    const button = page.getByRole('button', { name: /^Cop(y|ied) list_clients\.py$/ });
    expect(await button.count()).toBe(1);
    expect(await button.getAttribute('data-copy')).toBe('');
  });
});
