// After the build, every internal link and #anchor of every built page must lead somewhere (see
// broken-links.ts). Under CI=true a broken one fails the build, naming the page and the link;
// elsewhere the build warns once with the same list.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { brokenLinksMessage, findBrokenLinks } from '../lib/broken-links.ts';

/** The Astro integration: checks the built site's links at the end of the build. */
export function linkCheck(): AstroIntegration {
  let base = '/';
  return {
    name: 'requestrocket:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const broken = await findBrokenLinks(fileURLToPath(dir), base);
        if (broken.length === 0) return;
        const message = brokenLinksMessage(broken);
        if (process.env.CI === 'true') throw new Error(`${message}\nUnder CI=true the site is not published with broken links.`);
        logger.warn(message);
      },
    },
  };
}
