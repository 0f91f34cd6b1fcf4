// Astro configuration for the RequestRocket docs site.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { reportGate } from './docs/integrations/report-gate.ts';

export default defineConfig({
  // The site's source lives in docs/; snippets/ and scripts/ stay outside Astro's tree.
  srcDir: './docs',
  // The path the site is served under: '/' by default, '/<repository>' on a GitHub project page.
  base: process.env.SITE_BASE || '/',
  // Before building, the harness report must speak about the files as they are now (see the gate).
  integrations: [mdx(), reportGate()],
});
