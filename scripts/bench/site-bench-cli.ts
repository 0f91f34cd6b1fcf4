// `npm run bench:site`: what the site costs. It builds the site into a temporary folder (timed),
// then measures every page against its budget (see page-weight.ts): HTML gzipped against a base
// plus an allowance per example or operation section, JavaScript at load, requests at load. Exit
// code 1 when a page is over budget. Ratios are printed: absolute sizes move with content, ratios
// to the budget say whether a page grew more than its sections allow.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { PROJECT_ROOT } from '../project.ts';
import { PAGE_BUDGET, measurePage, overBudget, type PageWeight } from './page-weight.ts';

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

/** Runs the bench; returns the exit code. */
export async function benchSite(): Promise<number> {
  const work = await mkdtemp(path.join(tmpdir(), 'rr-bench-site-'));
  try {
    const outDir = path.join(work, 'ours');
    const ms = await timedBuild(PROJECT_ROOT, outDir);
    process.stdout.write(`Our build (astro build): ${(ms / 1000).toFixed(2)} s\n\n`);
    const weights = await measureSite(outDir);
    process.stdout.write(`${weightTable(weights)}\n`);
    return weights.some((weight) => overBudget(weight).length > 0) ? 1 : 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchSite().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`bench:site: ${(error as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
