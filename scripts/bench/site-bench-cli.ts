// `npm run bench:site`: what the site costs. It builds the site into a temporary folder, then
// measures every page against its budget (see page-weight.ts): HTML gzipped against a base plus an
// allowance per example or operation section, JavaScript at load, requests at load. Then it builds
// the same content with stock Starlight (a throwaway project made from our pages' Markdown twins,
// see starlight-twin.ts), alternating the two builds `--runs` times, and prints the ratio of the
// median build times: ours must take at most half of Starlight's. Exit code 1 when a page is over
// budget or the ratio is over one half. Ratios are printed: absolute sizes and times move with the
// content and the machine, ratios say whether we grew more than we should.
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { PROJECT_ROOT } from '../project.ts';
import { median } from './bench-cli.ts';
import { PAGE_BUDGET, measurePage, overBudget, type PageWeight } from './page-weight.ts';
import { writeScaledSite } from './scaled-site.ts';
import { twinPages, writeStarlightSite } from './starlight-twin.ts';

/** The most our build may take, as a share of Starlight's on the same content. */
export const BUILD_TIME_BUDGET = 0.5;

/** The astro command line of this project. */
const ASTRO_CLI = path.join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Builds the site at `root` into `outDir` with `astro build`; the build's wall time in milliseconds. */
export async function timedBuild(root: string, outDir: string, env: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const result = await execa(process.execPath, [ASTRO_CLI, 'build', '--root', root, '--outDir', outDir], {
    cwd: root,
    all: true,
    reject: false,
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (result.exitCode !== 0) throw new Error(`astro build of ${root} failed:\n${result.all}`);
  return performance.now() - started;
}

/** Every built HTML page under `dir`, measured. */
export async function measureSite(dir: string, base = '/'): Promise<PageWeight[]> {
  const pages = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  const readAsset = (url: string) => readFile(path.join(dir, url.replace(new RegExp(`^${base.replace(/\/?$/, '/')}`), '')), 'utf8');
  return Promise.all(pages.map(async (page) => measurePage(page, await readFile(path.join(dir, page), 'utf8'), readAsset)));
}

/** One table row per page: sizes, sections, the ratio to the budget, requests and script, and what it exceeds. */
export function weightTable(weights: readonly PageWeight[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = weights.map((weight) => {
    const problems = overBudget(weight);
    return `| ${weight.page} | ${kb(weight.htmlBytes)} | ${kb(weight.htmlGzip)} | ${weight.sections} | ${kb(weight.budgetGzip)} | ${(weight.htmlGzip / weight.budgetGzip).toFixed(2)} | ${weight.requests.length} | ${kb(weight.scriptGzip)} | ${problems.length ? `OVER: ${problems.join('; ')}` : 'ok'} |`;
  });
  return [
    `Budgets: HTML ${kb(PAGE_BUDGET.baseGzip)} + ${kb(PAGE_BUDGET.sectionGzip)} per section gzipped; JavaScript at load ${kb(PAGE_BUDGET.scriptGzip)} gzipped; ${PAGE_BUDGET.requests} requests at load besides the HTML.`,
    '',
    '| page | HTML | gzipped | sections | budget | gzipped/budget | requests | JS at load (gzipped) | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The build times of one size of the site: its pages, every cold run of each build, and one warm build each. */
export interface BuildTimes {
  pages: number;
  /** Our builds from empty caches (Astro's and the highlight cache). */
  ours: number[];
  /** Starlight's builds from an empty cache (Astro's, where it keeps rendered Markdown). */
  starlight: number[];
  /** One more build of each with its caches kept: a rebuild after an edit. */
  oursWarm: number;
  starlightWarm: number;
}

/** Ours over Starlight's, medians of the cold runs. */
export function buildTimeRatio(times: BuildTimes): number {
  return median(times.ours) / median(times.starlight);
}

/** The build-time comparison as a table: one row per size, cold medians with every run, warm builds, the ratios and the verdict. */
export function buildTimeTable(all: readonly BuildTimes[]): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows = all.map((times) => {
    const ratio = buildTimeRatio(times);
    return `| ${times.pages} | ${seconds(median(times.ours))} (${times.ours.map(seconds).join(', ')}) | ${seconds(median(times.starlight))} (${times.starlight.map(seconds).join(', ')}) | ${ratio.toFixed(2)} | ${seconds(times.oursWarm)} | ${seconds(times.starlightWarm)} | ${(times.oursWarm / times.starlightWarm).toFixed(2)} | ${ratio <= BUILD_TIME_BUDGET ? 'ok' : 'OVER'} |`;
  });
  return [
    `Build time, same content, ours and stock Starlight alternating (budget: ours at most ${BUILD_TIME_BUDGET} of Starlight's, caches empty):`,
    '',
    '| pages | ours, cold (runs) | Starlight, cold (runs) | ours/Starlight cold | ours, warm | Starlight, warm | ours/Starlight warm | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** `--runs N` (builds of each site per size; default 3) and `--extra-pages N` (the larger size's extra pages; default 10). */
export function parseSiteBenchArgs(argv: readonly string[]): { runs: number; extraPages: number } {
  const { values } = parseArgs({ args: [...argv], options: { runs: { type: 'string' }, 'extra-pages': { type: 'string' } }, strict: true });
  const count = (name: string, value: string | undefined, fallback: number, least: number) => {
    const number = Number(value ?? fallback);
    if (!Number.isInteger(number) || number < least)
      throw new Error(`expected --${name} to be a whole number of at least ${least}, got "${value}"`);
    return number;
  };
  return { runs: count('runs', values.runs, 3, 1), extraPages: count('extra-pages', values['extra-pages'], 10, 0) };
}

/** Astro's cache of the project at `root` (its content store: Starlight keeps rendered Markdown there). */
const astroCache = (root: string) => path.join(root, 'node_modules', '.astro');

/** Times our build and Starlight's of the site with `extra` more pages: `runs` cold builds each, alternating, then one warm build each. */
async function timeSize(work: string, extra: number, runs: number): Promise<BuildTimes> {
  const oursRoot = path.join(work, `ours-${extra}`);
  const starlightRoot = path.join(work, `starlight-${extra}`);
  await writeScaledSite(PROJECT_ROOT, oursRoot, extra);
  const ours: number[] = [];
  const starlight: number[] = [];
  const highlight = (run: number) => ({ RR_DOCS_HIGHLIGHT_CACHE: path.join(work, `highlight-${extra}-${run}`) });
  for (let run = 1; run <= runs; run += 1) {
    await rm(astroCache(oursRoot), { recursive: true, force: true });
    ours.push(await timedBuild(oursRoot, path.join(oursRoot, 'dist'), highlight(run)));
    if (run === 1) await writeStarlightSite(starlightRoot, await twinPages(oursRoot, path.join(oursRoot, 'dist')));
    await rm(astroCache(starlightRoot), { recursive: true, force: true });
    starlight.push(await timedBuild(starlightRoot, path.join(starlightRoot, 'dist')));
  }
  const oursWarm = await timedBuild(oursRoot, path.join(oursRoot, 'dist'), highlight(runs));
  const starlightWarm = await timedBuild(starlightRoot, path.join(starlightRoot, 'dist'));
  const pages = (await twinPages(oursRoot, path.join(oursRoot, 'dist'))).length;
  const list = (times: number[]) => times.map((ms) => (ms / 1000).toFixed(2)).join(', ');
  process.stdout.write(`${pages} page(s), cold: ours ${list(ours)} s; Starlight ${list(starlight)} s\n`);
  return { pages, ours, starlight, oursWarm, starlightWarm };
}

/** Runs the bench; returns the exit code. */
export async function benchSite(argv: readonly string[] = []): Promise<number> {
  const { runs, extraPages } = parseSiteBenchArgs(argv);
  // Inside the project, so the throwaway sites find their packages in the project's node_modules.
  await mkdir(path.join(PROJECT_ROOT, '.cache'), { recursive: true });
  const work = await mkdtemp(path.join(PROJECT_ROOT, '.cache', 'bench-site-'));
  try {
    // The pages as published: the project itself, with its harness report.
    const published = path.join(work, 'published');
    await timedBuild(PROJECT_ROOT, published);
    const weights = await measureSite(published);
    process.stdout.write(`Our pages:\n\n${weightTable(weights)}\n\n`);
    const sizes = [...new Set([0, extraPages])];
    const times: BuildTimes[] = [];
    for (const extra of sizes) times.push(await timeSize(work, extra, runs));
    const theirs = await measureSite(path.join(work, 'starlight-0', 'dist'));
    process.stdout.write(
      `\nStarlight's pages, same content (for comparison; not held to our budgets):\n\n${weightTable(theirs)}\n\n${buildTimeTable(times)}\n`,
    );
    const overPages = weights.some((weight) => overBudget(weight).length > 0);
    return overPages || times.some((size) => buildTimeRatio(size) > BUILD_TIME_BUDGET) ? 1 : 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchSite(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`bench:site: ${(error as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
