// A copy of the site's sources with more pages, for `npm run bench:site`: a build's fixed cost
// (starting Astro, loading Shiki) hides what each page costs in a two-page site, so the build-time
// comparison is also made with N extra pages. Each extra page is the authentication guide showing,
// in place of list-clients, a synthetic example of its own (a copy of list-clients with bytes of its
// own, as `npm run bench` makes them), so that no highlighted block repeats another. The project's
// harness report goes with the copy, so its build reads, checks and shows a report as ours does
// (the synthetic examples are in no report: their tabs say so, as a new example's would).
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_REPORT_PATH, reportPathFrom } from '../project.ts';
import { writeSyntheticExamples } from './synthetic.ts';

/** What a site build needs of the project (node_modules is found in the project, above the copy): the API description too, which the config's imports read, and the files the harness report's fingerprint covers. */
export const SCALED_SITE_SOURCES = [
  'api',
  'docs',
  'scripts',
  'snippets',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  '.node-version',
  'tsconfig.json',
];

/** The guide the extra pages are copies of, and the example each one swaps for a synthetic one. */
const GUIDE_FILE = path.join('docs', 'content', 'core-api', 'authentication.mdx');
const SWAPPED_EXAMPLE = 'list-clients';

/** The guide's MDX as the `index`-th extra page: its own title, sidebar place and example. */
export function extraPage(guide: string, index: number, example: string): string {
  return guide
    .replace(/^title: (.*)$/m, `title: $1 (copy ${index})`)
    .replace(/^( {2}order:) \d+$/m, `$1 ${1000 + index}`)
    .replace(/^( {2}label:) (.*)$/m, `$1 $2 (copy ${index})`)
    .replaceAll(`example="${SWAPPED_EXAMPLE}"`, `example="${example}"`);
}

/** Copies the site's sources from `projectRoot` into `dir` (inside the project) with `extra` more pages. */
export async function writeScaledSite(projectRoot: string, dir: string, extra: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const source of SCALED_SITE_SOURCES) await cp(path.join(projectRoot, source), path.join(dir, source), { recursive: true });
  const report = reportPathFrom(process.env, projectRoot);
  await cp(report, path.join(dir, DEFAULT_REPORT_PATH)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  const snippets = path.join(dir, 'snippets');
  const ids = await writeSyntheticExamples(snippets, snippets, extra, SWAPPED_EXAMPLE);
  const guide = await readFile(path.join(projectRoot, GUIDE_FILE), 'utf8');
  await Promise.all(
    ids.map((id, position) =>
      writeFile(path.join(dir, path.dirname(GUIDE_FILE), `copy-${position + 1}.mdx`), extraPage(guide, position + 1, id)),
    ),
  );
}
