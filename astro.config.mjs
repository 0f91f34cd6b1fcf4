// Astro configuration for the RequestRocket docs site.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  // The site's source lives in docs/; snippets/ and scripts/ stay outside Astro's tree.
  srcDir: './docs',
  // The path the site is served under: '/' by default, '/<repository>' on a GitHub project page.
  base: process.env.SITE_BASE || '/',
  integrations: [mdx()],
});
