// Serves the code palette's stylesheet to the site as `virtual:rr-code-palette.css` (the layout
// imports it, so it lands in the site's CSS bundle once), runs Shiki in a thread of its own during a
// build, fed with every block the pages show as the build starts (see highlight-ahead.ts), and ends
// each build with one line saying how many code blocks Shiki highlighted and how many came from the
// cache. The configuration loads only this module's light part: the thread starts first, and what
// lists the grammars and reads the pages (the scripts' surface, Shiki) is loaded while it starts.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { highlightThread, setHighlightThread } from '../lib/highlight-thread.ts';
import { startHighlightThread } from './shiki-thread.ts';
import { virtualStylesheet } from './virtual-stylesheet.ts';

/** The id the layout imports the palette's stylesheet by. */
export const PALETTE_MODULE = 'virtual:rr-code-palette.css';

/** The site's highlighting (the grammars, the palette) and its paths, loaded when a hook first needs them. */
const highlighting = () => Promise.all([import('../lib/highlight.ts'), import('../lib/site-paths.ts')]);

/** Shiki's thread, started with the grammars the site highlights. */
const startSiteThread = () => startHighlightThread(highlighting().then(([{ GRAMMARS }]) => GRAMMARS));

/** The Astro integration: the palette's stylesheet, Shiki's thread, and the build's highlighting summary. */
export function codeHighlight(): AstroIntegration {
  const stylesheet = virtualStylesheet(PALETTE_MODULE, async () => (await highlighting())[0].codePaletteCss());
  // As early as a build can: `astro build` on the command line starts Shiki's thread as the
  // configuration is read, a quarter of a second before Astro calls the first hook, which confirms it.
  let early = process.argv.slice(2).includes('build') ? startSiteThread() : undefined;
  return {
    name: 'requestrocket:code-highlight',
    hooks: {
      'astro:config:setup': (options) => {
        stylesheet.hooks['astro:config:setup']?.(options);
        // Shiki loads and highlights while Astro loads, syncs and bundles.
        if (options.command !== 'build') {
          void early?.close();
          early = undefined;
          return;
        }
        const loaded = highlighting();
        setHighlightThread(early ?? startSiteThread());
        early = undefined;
        const contentDir = fileURLToPath(new URL('./content/', options.config.srcDir));
        Promise.all([loaded, import('./highlight-ahead.ts')])
          .then(([[, { snippetsRoot }], { highlightAhead, shownBlocks }]) => shownBlocks(contentDir, snippetsRoot()).then(highlightAhead))
          .catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        await highlightThread()?.close();
        setHighlightThread(undefined);
        const [, { highlightCachePath }] = await highlighting();
        const { highlightStats } = await import('../lib/highlight-cache.ts');
        const { displayPath } = await import('../../scripts/site-surface.ts');
        const { highlighted, cached } = highlightStats();
        logger.info(
          `code blocks: ${highlighted} highlighted with Shiki, ${cached} read from the cache (${displayPath(highlightCachePath())})`,
        );
      },
    },
  };
}
