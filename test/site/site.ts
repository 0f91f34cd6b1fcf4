// Access to the site that the global setup built, and to the files it was built from.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';

/** Folder of the built site; fails the calling test with the build's output if the build failed. */
export function builtSite(): string {
  const site = inject('site');
  if (site.error) throw new Error(`The docs site did not build:\n${site.error}`);
  return site.dir;
}

/** A built page's HTML, by URL path ("/core-api/authentication/"). */
export function readPage(urlPath: string): Promise<string> {
  return readFile(path.join(builtSite(), urlPath, urlPath.endsWith('.html') ? '' : 'index.html'), 'utf8');
}

/** The exact text of a file under snippets/. */
export function readSnippet(example: string, file: string): Promise<string> {
  return readFile(path.resolve('snippets', example, file), 'utf8');
}
