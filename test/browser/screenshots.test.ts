// Screenshots of every page of the section, the home page and the status page in light and dark,
// at desktop and phone widths, written to test-results/screenshots/ for review; the pages never
// scroll sideways.
// vitest project: site (test/support/projects.ts)
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtSite } from '../site/site.ts';
import { writtenPages } from '../site/collection.ts';
import { GUIDE, launchChromium, serveSite, type SiteServer } from './support.ts';

const OUT_DIR = path.resolve('test-results/screenshots');

let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveSite(builtSite()), launchChromium(), mkdir(OUT_DIR, { recursive: true })]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const WIDTHS = [
  { device: 'desktop', viewport: { width: 1280, height: 900 } },
  { device: 'phone', viewport: { width: 390, height: 844 } },
] as const;
// The section's pages besides the guide, named after their address ("overview" for the section's own).
const OTHER_PAGES = (await writtenPages())
  .filter((page) => page.path !== GUIDE)
  .map((page) => ({ name: page.path.replace(/^\/core-api\//, '').replace(/\/$/, '') || 'overview', url: page.path }));
const CASES = [{ name: 'guide', url: GUIDE }, ...OTHER_PAGES, { name: 'home', url: '/' }, { name: 'status', url: '/status/' }].flatMap(
  (page) => WIDTHS.flatMap((width) => (['light', 'dark'] as const).map((colorScheme) => ({ ...page, ...width, colorScheme }))),
);

describe('screenshots', () => {
  test.each(CASES)(
    '$name fits a $device screen in $colorScheme and is saved for review',
    async ({ name, url, device, viewport, colorScheme }) => {
      const context = await browser.newContext({
        colorScheme,
        viewport,
        deviceScaleFactor: 1,
        isMobile: device === 'phone',
        hasTouch: device === 'phone',
      });
      const page = await context.newPage();
      await page.goto(`${server.url}${url}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: path.join(OUT_DIR, `${name}-${device}-${colorScheme}.png`), fullPage: true });
      if (name === 'guide') {
        const tabs = page.locator('.example').first();
        await tabs.screenshot({ path: path.join(OUT_DIR, `${name}-${device}-${colorScheme}-tabs.png`) });
        // The evidence: the Python tab's tested status and "What you will see", opened.
        await page.locator('#example-list-clients-tab-python').click();
        const python = page.locator('#example-list-clients-panel-python');
        await python.locator('.tested > summary').click();
        await python.locator('.program-output > summary').click();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        // The sticky header would sit over the picture of a tall element; it is not what is shown here.
        await page.addStyleTag({ content: '.site-header { position: static !important; }' });
        await page
          .locator('code-tabs')
          .first()
          .screenshot({ path: path.join(OUT_DIR, `${name}-${device}-${colorScheme}-evidence.png`) });
      }
      await context.close();
    },
  );
});
