// Astro configuration for the RequestRocket docs site.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { LANGUAGE_IDS } from './scripts/site-surface.ts';
import { codeHighlight } from './docs/integrations/code-highlight.ts';
import { virtualStylesheet } from './docs/integrations/virtual-stylesheet.ts';
import { languageCss } from './docs/lib/prepaint.ts';
import { reportGate } from './docs/integrations/report-gate.ts';
import { sourceUrls } from './docs/integrations/source-urls.ts';

export default defineConfig({
  // The site's source lives in docs/; snippets/ and scripts/ stay outside Astro's tree.
  srcDir: './docs',
  // The path the site is served under: '/' by default, '/<repository>' on a GitHub project page.
  base: process.env.SITE_BASE || '/',
  // Before building, the harness report must speak about the files as they are now (see the gate);
  // highlighted code takes its colours from one stylesheet and is cached between builds.
  // The CSS that shows the reader's language in every tab group is made from the languages' list.
  // The scripts' modules keep their own `import.meta.url` once bundled, so they find the API description.
  integrations: [
    mdx(),
    reportGate(),
    codeHighlight(),
    virtualStylesheet('virtual:rr-languages.css', () => languageCss(LANGUAGE_IDS)),
    sourceUrls(),
  ],
  // Page scripts and styles are files the browser keeps between pages, never copied into each page's HTML.
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
});
