// Serves the code palette's stylesheet to the site as `virtual:rr-code-palette.css` (the layout
// imports it, so it lands in the site's CSS bundle once), runs Shiki in a thread of its own during a
// build, fed with every block the pages show as the build starts (see highlight-ahead.ts), and ends
// each build with one line saying how many code blocks Shiki highlighted and how many came from the
// cache.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { GRAMMARS, codePaletteCss } from '../lib/highlight.ts';
import { highlightStats } from '../lib/highlight-cache.ts';
import { highlightThread, setHighlightThread } from '../lib/highlight-thread.ts';
import { highlightCachePath, snippetsRoot } from '../lib/site-paths.ts';
import { displayPath } from '../../scripts/site-surface.ts';
import { highlightAhead, shownBlocks } from './highlight-ahead.ts';
import { startHighlightThread } from './shiki-thread.ts';
import { virtualStylesheet } from './virtual-stylesheet.ts';

/** The id the layout imports the palette's stylesheet by. */
export const PALETTE_MODULE = 'virtual:rr-code-palette.css';

/** The Astro integration: the palette's stylesheet, Shiki's thread, and the build's highlighting summary. */
export function codeHighlight(): AstroIntegration {
  const stylesheet = virtualStylesheet(PALETTE_MODULE, codePaletteCss);
  return {
    name: 'requestrocket:code-highlight',
    hooks: {
      'astro:config:setup': (options) => {
        stylesheet.hooks['astro:config:setup']?.(options);
        // As early as a build can: Shiki loads and highlights while Astro loads, syncs and bundles.
        if (options.command !== 'build') return;
        setHighlightThread(startHighlightThread(GRAMMARS));
        const contentDir = fileURLToPath(new URL('./content/', options.config.srcDir));
        shownBlocks(contentDir, snippetsRoot()).then(highlightAhead, () => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        await highlightThread()?.close();
        setHighlightThread(undefined);
        const { highlighted, cached } = highlightStats();
        logger.info(
          `code blocks: ${highlighted} highlighted with Shiki, ${cached} read from the cache (${displayPath(highlightCachePath())})`,
        );
      },
    },
  };
}
