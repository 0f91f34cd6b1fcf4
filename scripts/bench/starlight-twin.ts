// A throwaway Starlight site with the same content as ours, for the build-time comparison of
// `npm run bench:site`: each page of our Core API section becomes a page of Starlight's docs
// collection, made from our built Markdown twin (the page's prose with every example inline, as
// fenced code), with the page's title, description and sidebar order. Starlight is a development
// dependency of this project: the throwaway site lies inside the project (under .cache/), so it
// finds Starlight in the project's node_modules as any package in a workspace would.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/** The folder our section's pages are written in, and the path they are published under. */
const SECTION_FOLDER = path.join('docs', 'content', 'core-api');
const SECTION_PATH = 'core-api';

/** One page of our section, as Starlight gets it. */
export interface TwinPage {
  /** Its path in the section ("authentication"; "index" for the section's own page). */
  slug: string;
  title: string;
  description: string;
  order: number;
  /** The twin's Markdown without its title and lead, which Starlight writes itself. */
  body: string;
}

/** Our section's pages, from their MDX front matter and the twins a build of ours wrote into `builtDir`. */
export async function twinPages(projectRoot: string, builtDir: string): Promise<TwinPage[]> {
  const folder = path.join(projectRoot, SECTION_FOLDER);
  const files = (await readdir(folder)).filter((file) => file.endsWith('.mdx')).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(folder, file), 'utf8');
      const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as {
        title: string;
        description: string;
        sidebar: { order: number };
      };
      const slug = file.replace(/\.mdx$/, '');
      const twinFile = slug === 'index' ? `${SECTION_PATH}.md` : path.join(SECTION_PATH, `${slug}.md`);
      const twin = await readFile(path.join(builtDir, twinFile), 'utf8');
      // The twin opens with "# Title" and "> description"; Starlight shows both from the front matter.
      const body = twin.replace(/^# [^\n]*\n\n> [^\n]*\n\n/, '');
      return { slug, title: front.title, description: front.description, order: front.sidebar.order, body };
    }),
  );
}

/** `value` as a YAML string (JSON is YAML). */
const yamlString = (value: string) => JSON.stringify(value);

/** Writes a Starlight project at `dir` (a folder inside this project) holding `pages`. */
export async function writeStarlightSite(dir: string, pages: readonly TwinPage[]): Promise<void> {
  const docs = path.join(dir, 'src', 'content', 'docs');
  await mkdir(path.join(docs, SECTION_PATH), { recursive: true });
  // The dependencies are named (and found in the project's node_modules) so that Astro bundles Starlight as in a project of its own.
  const manifest = { name: 'starlight-comparison', private: true, type: 'module', dependencies: { astro: '*', '@astrojs/starlight': '*' } };
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(
    path.join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      '',
      'export default defineConfig({',
      "  site: 'https://docs.requestrocket.com',",
      "  integrations: [starlight({ title: 'RequestRocket Core API docs', sidebar: [{ label: 'Core API', items: [{ autogenerate: { directory: 'core-api' } }] }] })],",
      '});',
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(dir, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      '',
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(docs, 'index.md'),
    `---\ntitle: RequestRocket Core API docs\ndescription: The Core API's docs.\n---\n\nStart with the [Core API overview](/${SECTION_PATH}/).\n`,
  );
  for (const page of pages) {
    const front = [`title: ${yamlString(page.title)}`, `description: ${yamlString(page.description)}`, `sidebar:\n  order: ${page.order}`];
    // Relative links of ours ("./authentication/") point from our page's folder; Starlight's pages have the same addresses.
    await writeFile(path.join(docs, SECTION_PATH, `${page.slug}.md`), `---\n${front.join('\n')}\n---\n\n${page.body}`);
  }
}
