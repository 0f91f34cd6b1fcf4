// A cache of highlighted markup on disk, by content: the key is a hash of everything the markup
// depends on (the code, its grammar, the themes, Shiki's version, the markup's format), so a
// rebuild with no code change reads the markup back instead of running Shiki again.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../scripts/site-surface.ts';
import { buildShared } from './build-shared.ts';

/** How many blocks a build highlighted, and how many of them came from the cache. */
export interface HighlightStats {
  /** Blocks run through Shiki. */
  highlighted: number;
  /** Blocks read back from the cache. */
  cached: number;
}

/**
 * The build's counts, on globalThis: Astro bundles the page code apart from its integrations, so
 * both copies of this module must share one object for the build's summary line to see the counts.
 */
export function highlightStats(): HighlightStats {
  return buildShared('highlight-stats', () => ({ highlighted: 0, cached: 0 }));
}

/** The cache key of one block: a SHA-256 over every input of its markup. */
export function highlightKey(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}\n`);
  return hash.digest('hex');
}

/**
 * Markups asked for in this build, by cache file, so a block asked for twice is read or highlighted
 * once: on globalThis, so the blocks the build's integration asks for ahead of the pages (see the
 * code-highlight integration) are the ones the pages' bundled copy of this module finds.
 */
function pendingMarkups(): Map<string, Promise<string>> {
  return buildShared('highlight-pending', () => new Map<string, Promise<string>>());
}

/** The markup under `key` in `dir`, or `render()`'s, written to the cache for the next build. */
export function cachedHighlight(dir: string, key: string, render: () => Promise<string>): Promise<string> {
  const file = path.join(dir, key.slice(0, 2), `${key}.html`);
  const pending = pendingMarkups();
  let markup = pending.get(file);
  if (!markup) {
    markup = readFile(file, 'utf8').then(
      (html) => {
        highlightStats().cached += 1;
        return html;
      },
      async () => {
        const html = await render();
        highlightStats().highlighted += 1;
        await writeFileAtomic(file, html);
        return html;
      },
    );
    pending.set(file, markup);
    // A failure is the asking page's to report; the next ask (a later build in this process) tries again.
    markup.catch(() => pending.delete(file));
  }
  return markup;
}
