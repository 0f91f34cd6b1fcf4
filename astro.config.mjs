// Astro configuration for the RequestRocket docs site.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { codeHighlight } from './docs/integrations/code-highlight.ts';
import { virtualStylesheet } from './docs/integrations/virtual-stylesheet.ts';
import { languageCss } from './docs/lib/prepaint.ts';
import { reportGate } from './docs/integrations/report-gate.ts';
import { scriptsFromSource } from './docs/integrations/scripts-from-source.ts';
import { searchIndex } from './docs/integrations/search-index.ts';
import { linkCheck } from './docs/integrations/link-check.ts';
import { sitemap } from './docs/integrations/sitemap.ts';

export default defineConfig({
  // The site's source lives in docs/; snippets/ and scripts/ stay outside Astro's tree.
  srcDir: './docs',
  // Where the site is published, for canonical URLs, Open Graph and the sitemap (SITE_URL; the product's docs host by default).
  site: process.env.SITE_URL || 'https://docs.requestrocket.com',
  // The path the site is served under: '/' by default, '/<repository>' on a GitHub project page.
  base: process.env.SITE_BASE || '/',
  // Before building, the harness report must speak about the files as they are now (see the gate);
  // highlighted code takes its colours from one stylesheet and is cached between builds; Shiki runs in a
  // thread of its own from the start of a build, on every block the pages show.
  // The CSS that shows the reader's language in every tab group is made from the languages' list.
  // The configuration imports none of the scripts: they load once Shiki's thread has started (it
  // waits for the grammars' list), or when a hook or a page first needs them.
  // The pages run the scripts' modules from their own files, as the gate does: loaded once per build.
  // After building: the sitemap, a check that every internal link leads somewhere, and the search
  // index, which Pagefind starts as soon as the pages are written, so the link check runs meanwhile.
  // Code shown on a page is a tested file (<CodeTabs>, <CodeFile>), highlighted by the site's own
  // highlighter: the MDX pages need no Markdown highlighter of their own (none is loaded).
  markdown: { syntaxHighlight: false },
  integrations: [
    mdx(),
    reportGate(),
    codeHighlight(),
    virtualStylesheet('virtual:rr-languages.css', async () => languageCss((await import('./scripts/site-surface.ts')).LANGUAGE_IDS)),
    scriptsFromSource(),
    sitemap(),
    linkCheck(),
    searchIndex(),
  ],
  // Page scripts and styles are files the browser keeps between pages, never copied into each page's
  // HTML, and every page's CSS is one stylesheet (one request, cached for the whole site).
  // Pages are made several at a time: a page waiting for its code blocks from Shiki's thread leaves
  // the main thread to the next pages, instead of the build waiting with it.
  build: { inlineStylesheets: 'never', concurrency: 4 },
  vite: {
    // The content collection's configuration is loaded by Vite before the build; the Astro modules it
    // imports are Node's own, already loaded, rather than dozens of Astro's files transformed again.
    environments: { astro: { resolve: { external: ['astro/loaders', 'astro/content/config'] } } },
    build: {
      cssCodeSplit: false,
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rollupOptions: {
        // Astro marks each content page's asset module "use astro:head-inject", which the bundler says
        // it may not keep; Astro reads it before bundling, so the warning is noise on every build.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
