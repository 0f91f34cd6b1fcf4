// Serves the code palette's stylesheet to the site as `virtual:rr-code-palette.css` (the layout
// imports it, so it lands in the site's CSS bundle once), and ends each build with one line saying
// how many code blocks Shiki highlighted and how many came from the cache.
import type { AstroIntegration } from 'astro';
import { codePaletteCss } from '../lib/highlight.ts';
import { highlightStats } from '../lib/highlight-cache.ts';
import { highlightCachePath } from '../lib/site-paths.ts';
import { displayPath } from '../../scripts/site-surface.ts';
import { virtualStylesheet } from './virtual-stylesheet.ts';

/** The id the layout imports the palette's stylesheet by. */
export const PALETTE_MODULE = 'virtual:rr-code-palette.css';

/** The Astro integration: the palette's stylesheet, and the build's highlighting summary. */
export function codeHighlight(): AstroIntegration {
  const stylesheet = virtualStylesheet(PALETTE_MODULE, codePaletteCss);
  return {
    name: 'requestrocket:code-highlight',
    hooks: {
      ...stylesheet.hooks,
      'astro:build:done': ({ logger }) => {
        const { highlighted, cached } = highlightStats();
        logger.info(
          `code blocks: ${highlighted} highlighted with Shiki, ${cached} read from the cache (${displayPath(highlightCachePath())})`,
        );
      },
    },
  };
}
