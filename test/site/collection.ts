// The section's pages as their MDX files say, read straight from docs/content/core-api/ (not
// through the site's code), so the tests can compare what the build made with what was written.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/** One page as its file says: its published path, its front matter's title, description and sidebar entry. */
export interface WrittenPage {
  file: string;
  path: string;
  title: string;
  description: string;
  label: string;
  order: number;
}

/** Every MDX file of `folder` (a project's docs/content/core-api), in sidebar order. */
export async function writtenPages(folder = path.resolve('docs/content/core-api')): Promise<WrittenPage[]> {
  const files = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.mdx'));
  const pages = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(folder, file), 'utf8');
      const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as {
        title: string;
        description: string;
        sidebar: { order: number; label?: string };
      };
      const slug = file.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '');
      return {
        file,
        path: slug ? `/core-api/${slug}/` : '/core-api/',
        title: front.title,
        description: front.description,
        label: front.sidebar.label ?? front.title,
        order: front.sidebar.order,
      };
    }),
  );
  return pages.sort((a, b) => a.order - b.order);
}
