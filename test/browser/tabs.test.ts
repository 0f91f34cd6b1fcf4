// The code tabs in a real browser: mouse and keyboard, every group following one choice, the
// choice remembered and shown from the first frame, deep links, and pages without JavaScript.
// vitest project: site (test/support/projects.ts)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** A fresh context (empty storage) and a page on the guide, with `search` appended to its URL. */
async function openGuide(options: { search?: string; javaScriptEnabled?: boolean; context?: BrowserContext } = {}): Promise<Page> {
  const context =
    options.context ??
    (await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: 900 } }));
  const page = await context.newPage();
  await page.goto(`${server.url}${GUIDE}${options.search ?? ''}`);
  return page;
}

/** Languages of the visible panels, group by group. */
function visiblePanels(page: Page): Promise<string[]> {
  return page.$$eval('[role="tabpanel"]', (panels) =>
    panels.filter((panel) => panel.checkVisibility()).map((panel) => (panel as HTMLElement).dataset.lang!),
  );
}

/** Languages of the selected tabs, group by group. */
function selectedTabs(page: Page): Promise<string[]> {
  return page.$$eval('[role="tab"][aria-selected="true"]', (tabs) => tabs.map((tab) => (tab as HTMLElement).dataset.lang!));
}

const tab = (page: Page, group: string, lang: string) => page.locator(`#example-${group}-tab-${lang}`);

describe('code tabs', () => {
  test('show JavaScript first, and a click switches every group on the page', async () => {
    const page = await openGuide();
    expect(await visiblePanels(page)).toEqual(['javascript', 'javascript']);
    await tab(page, 'list-clients', 'python').click();
    expect(await selectedTabs(page)).toEqual(['python', 'python']);
    expect(await visiblePanels(page)).toEqual(['python', 'python']);
    expect(await tab(page, 'verify-token', 'python').getAttribute('tabindex')).toBe('0');
    expect(await tab(page, 'verify-token', 'javascript').getAttribute('tabindex')).toBe('-1');
    await page.context().close();
  });

  test('follow ArrowRight, ArrowLeft (both wrapping), Home and End, moving focus with the selection', async () => {
    const page = await openGuide();
    await tab(page, 'list-clients', 'javascript').focus();
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.lang);
    const steps: [string, string][] = [
      ['ArrowRight', 'python'],
      ['ArrowRight', 'go'],
      ['ArrowLeft', 'python'],
      ['End', 'curl'],
      ['ArrowRight', 'javascript'],
      ['ArrowLeft', 'curl'],
      ['Home', 'javascript'],
    ];
    for (const [key, lang] of steps) {
      await page.keyboard.press(key);
      expect(await focused(), key).toBe(lang);
      expect(await selectedTabs(page), key).toEqual([lang, lang]);
      expect(await visiblePanels(page), key).toEqual([lang, lang]);
    }
    await page.keyboard.press('Tab');
    expect(await focused()).toBeUndefined();
    await page.context().close();
  });

  test('keep the clicked tab where it was on screen when a group above changes height', async () => {
    const page = await openGuide();
    // Chromium would anchor the scroll by itself; browsers without scroll anchoring (Safari) rely on the tabs.
    await page.addStyleTag({ content: '* { overflow-anchor: none !important; }' });
    const lower = tab(page, 'verify-token', 'curl');
    await lower.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const heightOf = () =>
      page
        .locator('#example-list-clients-panel-javascript')
        .evaluate((panel) => panel.closest('code-tabs')!.getBoundingClientRect().height);
    const before = { top: (await lower.boundingBox())!.y, height: await heightOf() };
    await lower.click();
    const after = {
      top: (await lower.boundingBox())!.y,
      height: await page
        .locator('#example-list-clients-panel-curl')
        .evaluate((panel) => panel.closest('code-tabs')!.getBoundingClientRect().height),
    };
    expect(after.height).not.toBe(before.height);
    expect(Math.abs(after.top - before.top)).toBeLessThan(1);
    await page.context().close();
  });

  test('remember the language across a reload and show it in the very first frame', async () => {
    const context = await browser.newContext();
    // Before any page script runs: record which panels are visible in every frame until the tabs
    // element is defined, and at the moment it is defined (the page as CSS alone shows it).
    await context.addInitScript(() => {
      const state = { frames: [] as string[][], beforeUpgrade: null as string[] | null };
      (window as unknown as { firstFrames: typeof state }).firstFrames = state;
      const visible = () =>
        [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')]
          .filter((panel) => panel.checkVisibility())
          .map((panel) => panel.dataset.lang!);
      const define = customElements.define.bind(customElements);
      customElements.define = (name, constructor, options) => {
        if (name === 'code-tabs') state.beforeUpgrade = visible();
        return define(name, constructor, options);
      };
      const frame = () => {
        if (state.beforeUpgrade) return;
        state.frames.push(visible());
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const page = await openGuide({ context });
    await tab(page, 'list-clients', 'go').click();
    await page.goto(`${server.url}${GUIDE}`);
    const state = await page.evaluate(
      () => (window as unknown as { firstFrames: { frames: string[][]; beforeUpgrade: string[] } }).firstFrames,
    );
    expect(state.beforeUpgrade).toEqual(['go', 'go']);
    for (const frame of state.frames) expect(frame.every((lang) => lang === 'go')).toBe(true);
    expect(await selectedTabs(page)).toEqual(['go', 'go']);
    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    expect(await other.evaluate(() => document.documentElement.dataset.lang)).toBe('go');
    await context.close();
  });

  test('follow a choice made in another window of the site', async () => {
    const context = await browser.newContext();
    const first = await openGuide({ context });
    const second = await openGuide({ context });
    await tab(first, 'list-clients', 'java').click();
    await expect.poll(() => selectedTabs(second)).toEqual(['java', 'java']);
    expect(await visiblePanels(second)).toEqual(['java', 'java']);
    await context.close();
  });

  test("open the language named by ?lang= and put the reader's choice in the URL", async () => {
    const page = await openGuide({ search: '?lang=java#test-your-token' });
    expect(await visiblePanels(page)).toEqual(['java', 'java']);
    expect(await selectedTabs(page)).toEqual(['java', 'java']);
    await tab(page, 'verify-token', 'curl').click();
    const url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('curl');
    expect(url.hash).toBe('#test-your-token');
    await page.context().close();
  });

  test('ignore a ?lang= that is not a language', async () => {
    const page = await openGuide({ search: '?lang=cobol' });
    expect(await visiblePanels(page)).toEqual(['javascript', 'javascript']);
    await page.context().close();
  });

  test('show every panel, labelled with its language, and no tab list when JavaScript is off', async () => {
    const page = await openGuide({ javaScriptEnabled: false });
    const labels = LANGUAGES.map((language) => language.label);
    expect(await visiblePanels(page)).toEqual([...LANGUAGES, ...LANGUAGES].map((language) => language.id));
    expect(await page.locator('[role="tablist"]').first().isVisible()).toBe(false);
    const shownLabels = await page.$$eval('[role="tabpanel"] .nojs-label', (spans) =>
      spans.filter((span) => span.checkVisibility()).map((span) => span.textContent),
    );
    expect(shownLabels).toEqual([...labels, ...labels]);
    expect(await page.locator('[role="tabpanel"] .copy').first().isVisible()).toBe(false);
    await page.context().close();
  });

  test('print every panel, labelled with its language', async () => {
    const page = await openGuide();
    await page.emulateMedia({ media: 'print' });
    expect(await visiblePanels(page)).toEqual([...LANGUAGES, ...LANGUAGES].map((language) => language.id));
    const shownLabels = await page.$$eval(
      '[role="tabpanel"] .nojs-label',
      (spans) => spans.filter((span) => span.checkVisibility()).length,
    );
    expect(shownLabels).toBe(2 * LANGUAGES.length);
    await page.context().close();
  });
});
