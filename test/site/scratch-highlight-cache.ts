// Tests that highlight code themselves give their blocks a cache folder of their own, so they never
// read or fill the site's, and remove it when their file's tests end.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Points RR_DOCS_HIGHLIGHT_CACHE at a new temporary folder for this file's tests, then removes it and restores the variable. */
export function useScratchHighlightCache(): void {
  const previous = process.env.RR_DOCS_HIGHLIGHT_CACHE;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rr-highlight-test-'));
    process.env.RR_DOCS_HIGHLIGHT_CACHE = dir;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.RR_DOCS_HIGHLIGHT_CACHE;
    else process.env.RR_DOCS_HIGHLIGHT_CACHE = previous;
    if (dir) await rm(dir, { recursive: true, force: true });
  });
}
