// Which vitest project each test file belongs to, by what the file does; vitest.config.ts makes the
// projects from this, and test/lint/project-membership.test.ts fails for a test file in no project
// or in two. `npx vitest run --project unit` gives feedback in seconds; `npm test` runs all three.

/** A vitest project of this suite: its name, the rule a file must meet to belong to it, and its files. */
export interface TestProjectSpec {
  name: string;
  rule: string;
  files: readonly string[];
}

/** `test/<folder>/<name>.test.ts` for each name. */
const inFolder = (folder: string, names: readonly string[]) => names.map((name) => `test/${folder}/${name}.test.ts`);

/** Runs inside the test's process: nothing built, no toolchain, fast. */
export const UNIT: TestProjectSpec = {
  name: 'unit',
  rule:
    "runs in the test's own process, starting at most a quick system tool (git, mkfifo, a stand-in script), never Node: " +
    'pure functions, parsers, checks on hand-made observations, schemas, the lists in the docs, lint rules',
  files: [
    ...inFolder('bench', ['snippets']),
    ...inFolder('docs', ['lists', 'project-lists', 'readme-lists']),
    ...inFolder('harness', [
      'checks',
      'freshness',
      'linear-work',
      'merge',
      'plan',
      'pool',
      'prepare-toolchains',
      'report-safety',
      'same-request',
      'toolchain-cache',
    ]),
    ...inFolder('lint', ['import-graph', 'layout-rules', 'project-membership']),
    ...inFolder('live', ['compare', 'docs', 'documented', 'expectation', 'tokens']),
    ...inFolder('manifest', ['manifest']),
    ...inFolder('mock', ['api', 'describe', 'environment', 'tokens']),
    ...inFolder('report', ['io']),
    ...inFolder('runners', ['cache', 'java-cds', 'registry']),
    ...inFolder('sandbox', ['command', 'counters', 'dns']),
    ...inFolder('scaffold', ['names', 'templates']),
    ...inFolder('secrets', ['files', 'repository', 'scan', 'stream-scan']),
    ...inFolder('site', ['code-tabs', 'evidence', 'helpers', 'symlinks', 'tested-status']),
    ...inFolder('workflow', ['live-workflow']),
  ],
};

/** Runs real programs: every toolchain is prepared once before its first test (test/support/toolchains-global-setup.ts). */
export const PROGRAMS: TestProjectSpec = {
  name: 'programs',
  rule:
    "runs real programs: the project's commands (`npm run ...`, `node scripts/...`), snippets through the harness or a runner, " +
    'a language toolchain, openssl (the throwaway CA), the sandbox, real clients against the mock, or `npm ci`',
  files: [
    ...inFolder('harness', [
      'broken-snippets',
      'cli',
      'extra-runner',
      'given-report',
      'hostile',
      'hostile-output',
      'interrupt',
      'result-cache',
      'snippets',
      'toolchains-prepared',
    ]),
    ...inFolder('live', ['cli', 'issue', 'live-run', 'probe']),
    ...inFolder('manifest', ['hostile-manifests']),
    ...inFolder('mock', ['behaviours', 'ca', 'cli', 'clients', 'interceptor', 'robustness', 'upstream']),
    ...inFolder('runners', ['curl', 'go', 'java', 'javascript', 'process', 'python']),
    ...inFolder('sandbox', ['sandbox']),
    ...inFolder('scaffold', ['cli', 'harness']),
    ...inFolder('secrets', ['cli']),
    ...inFolder('setup', ['node-bootstrap']),
    ...inFolder('site', ['publish']),
    ...inFolder('workflow', ['docs-workflow']),
  ],
};

/** Builds the docs site or reads the build made once for the run (test/site/global-setup.ts), or drives Chromium. */
export const SITE: TestProjectSpec = {
  name: 'site',
  rule: 'builds the docs site (`astro build`, `npm run build -- --report`), reads the build made for the run, or drives Chromium',
  files: [
    ...inFolder('browser', ['accessibility', 'code-colours', 'copy', 'evidence', 'navigation', 'screenshots', 'tabs']),
    ...inFolder('site', ['base-path', 'build', 'build-from-report', 'highlight-cache', 'report-gate']),
  ],
};

/** The three projects, in the order README.md and test/README.md name them. */
export const TEST_PROJECTS: readonly TestProjectSpec[] = [UNIT, PROGRAMS, SITE];
