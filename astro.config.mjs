// Astro configuration for the RequestRocket docs site.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  // The site's source lives in docs/; snippets/ and scripts/ stay outside Astro's tree.
  srcDir: './docs',
  integrations: [mdx()],
});
