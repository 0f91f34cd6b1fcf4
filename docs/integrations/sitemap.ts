// After the build, /sitemap.xml lists every page the build made (the 404 page left out), each at its
// absolute URL: the `site` of the configuration (SITE_URL) with the base the site is served under.
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/** `text` safe inside XML. */
function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The sitemap's XML for the page paths `paths` (from the base, "" for the home page) under `site` and `base`. */
export function sitemapXml(site: string, base: string, paths: readonly string[]): string {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  const urls = [...new Set(paths)].sort().map((page) => `  <url><loc>${xmlEscape(new URL(page, root).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The Astro integration: writes `<outDir>/sitemap.xml`. */
export function sitemap(): AstroIntegration {
  let site: string | undefined;
  let base = '/';
  return {
    name: 'requestrocket:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!site) throw new Error('sitemap: the configuration has no `site` (set SITE_URL)');
        const paths = pages.map((page) => page.pathname).filter((page) => (page === '' || page.endsWith('/')) && !/^404\/?$/.test(page));
        await writeFile(new URL('./sitemap.xml', dir), sitemapXml(site, base, paths));
        logger.info(`sitemap.xml: ${paths.length} page(s)`);
      },
    },
  };
}
