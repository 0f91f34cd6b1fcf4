// Which vitest project each test file belongs to, by what the file does: each test file says so
// itself, in a line `// vitest project: <name>` under its header comment, and vitest.config.ts makes
// the projects from those lines. test/lint/project-membership.test.ts fails for a test file that
// names no project, or one that does not exist. `npx vitest run --project unit` gives feedback in
// seconds; `npm test` runs all four: unit, programs, then site and pipeline side by side.
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A vitest project of this suite: its name, the rule a file must meet to belong to it, and its files. */
export interface TestProjectSpec {
  name: string;
  rule: string;
  files: readonly string[];
  /**
   * When it runs: projects of one group run together, groups from the lowest up (vitest's
   * `sequence.groupOrder`). Not 0 for an isolated project: where vitest has one worker (two cores),
   * it moves the files of such projects in group 0 after every other group.
   */
  groupOrder: number;
  /** Files run at once (vitest's `maxWorkers`), the same for every project of a group; vitest's default when unset. */
  maxWorkers?: number;
}

/** The project's root folder (this file is test/support/projects.ts). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The line with which a test file names its project. */
export const PROJECT_LINE = /^\/\/ vitest project: ([a-z]+)\b/m;

/** Every test file under test/ (fixtures are programs under test, not tests), relative to the project, sorted. */
export function testFiles(root = ROOT): string[] {
  return globSync('test/**/*.test.ts', { cwd: root, exclude: (file) => file.startsWith('test/fixtures/') }).sort();
}

/** The project a test file names, or undefined when it names none. */
export function projectOfFile(file: string, root = ROOT): string | undefined {
  return PROJECT_LINE.exec(readFileSync(path.join(root, file), 'utf8'))?.[1];
}

/** The test files that name `project`. */
const filesOf = (project: string) => testFiles().filter((file) => projectOfFile(file) === project);

/** Runs inside the test's process: nothing built, no toolchain, fast. */
export const UNIT: TestProjectSpec = {
  name: 'unit',
  rule:
    "runs in the test's own process, starting at most a quick system tool (git, mkfifo, a stand-in script), never Node: " +
    'pure functions, parsers, checks on hand-made observations, schemas, the lists in the docs, lint rules',
  files: filesOf('unit'),
  groupOrder: 0,
};

/** Runs real programs: every toolchain is prepared once before its first test (test/support/toolchains-global-setup.ts). */
export const PROGRAMS: TestProjectSpec = {
  name: 'programs',
  rule:
    "runs real programs: the project's commands (`npm run ...`, `node scripts/...`), snippets through the harness or a runner, " +
    'a language toolchain, openssl (the throwaway CA), the sandbox, real clients against the mock, or `npm ci`',
  files: filesOf('programs'),
  groupOrder: 1,
};

/** Builds the docs site or reads the build made once for the run (test/site/global-setup.ts), or drives Chromium. */
export const SITE: TestProjectSpec = {
  name: 'site',
  rule: 'builds the docs site (`astro build`, `npm run build -- --report`), reads the build made for the run, or drives Chromium',
  files: filesOf('site'),
  // After the programs project, whose run of every example keeps both cores busy, and beside the
  // pipeline project: browser tests and whole builds wait on other processes much of the time.
  groupOrder: 2,
  maxWorkers: 2,
};

/**
 * Runs a whole `npm run build` (every example's cases, then the site) in a copy of the project,
 * after the programs project has finished, beside the site project: the copy starts with the
 * result cache the programs project's run of every example filled, so each unchanged case replays
 * its signed result instead of running a second time, and the matrix runs once per `npm test`.
 */
export const PIPELINE: TestProjectSpec = {
  name: 'pipeline',
  rule:
    'runs `npm run build` over every example (with `npm ci`, or with a snippet edited) in a copy of the project, ' +
    'replaying the result cache that the run of every example in the programs project filled',
  files: filesOf('pipeline'),
  groupOrder: 2,
  maxWorkers: 2,
};

/** The four projects, in the order README.md and test/README.md name them. */
export const TEST_PROJECTS: readonly TestProjectSpec[] = [UNIT, PROGRAMS, SITE, PIPELINE];
