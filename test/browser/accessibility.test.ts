// Every page (each page of the section, the home page, the status page and the 404 page) passes
// axe-core without serious or critical violations, in light and dark, with its disclosures open,
// and so do the search dialog showing results and the phone menu open; and no page asks for
// anything from another origin.
// vitest project: site (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtSite } from '../site/site.ts';
import { writtenPages } from '../site/collection.ts';
import { launchChromium, serveSite, type SiteServer } from './support.ts';

const require = createRequire(import.meta.url);

let server: SiteServer;
let browser: Browser;
let axeSource: string;

beforeAll(async () => {
  [server, browser, axeSource] = await Promise.all([
    serveSite(builtSite()),
    launchChromium(),
    readFile(require.resolve('axe-core'), 'utf8'),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One axe violation, as much as a failure message needs. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const PAGES = (await writtenPages()).map((page) => page.path);
/** How a page is looked at: as it loads, with the search showing results, or (on a phone) with the menu open. */
type View = 'page' | 'search' | 'menu';
const CASES = [
  ...[...PAGES, '/', '/status/', '/404.html'].map((url) => ({ url, view: 'page' as View })),
  { url: PAGES[0]!, view: 'search' as View },
  { url: PAGES[0]!, view: 'menu' as View },
].flatMap((entry) => (['light', 'dark'] as const).map((colorScheme) => ({ ...entry, colorScheme })));

describe('accessibility', () => {
  test.each(CASES)('$url ($view) has no serious or critical axe violations in $colorScheme', async ({ url, view, colorScheme }) => {
    const viewport = view === 'menu' ? { width: 390, height: 844 } : { width: 1280, height: 900 };
    const context = await browser.newContext({ colorScheme, viewport });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}${url}`);
    if (view === 'search') {
      await page.keyboard.press('/');
      await page.locator('#search-input').fill('token');
      await page.locator('.search-results a').first().waitFor();
    }
    if (view === 'menu') await page.getByRole('button', { name: 'Menu' }).click();
    // Show every tab panel so that each language's highlighting is checked, not only the chosen one's.
    await page.addStyleTag({ content: 'code-tabs [role="tabpanel"] { display: block !important; }' });
    // Open every disclosure (tested status, program output) so that their content is checked too.
    await page.$$eval('details', (all) => all.forEach((details) => details.setAttribute('open', '')));
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const { violations } = await (
        window as unknown as {
          axe: {
            run(
              context: Document,
              options: object,
            ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run(document, { resultTypes: ['violations'] });
      return violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    });
    if (violations.length > 0)
      console.info(
        `${url} (${colorScheme}): minor axe findings`,
        violations.map((violation: Violation) => `${violation.id} (${violation.impact})`),
      );
    const severe = violations.filter((violation: Violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(severe).toEqual([]);
    expect(requested.filter((request) => !request.startsWith(`${server.url}/`) && !request.startsWith('data:'))).toEqual([]);
    await context.close();
  });
});
