// .github/workflows/docs.yml: it parses, it runs only npm scripts that exist (with flags the
// harness accepts), its shards (as many as the planned cases need) run every case exactly once and
// are merged into one report, which the tests read and the site is built from, every job that runs
// npm sets Node up from .node-version first, and every step that writes or reads a report holds the
// run's report key.
// vitest project: programs (test/support/projects.ts)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { execa } from 'execa';
import { PROJECT_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import { CASES_PER_SHARD, shardMatrix } from '../../scripts/harness/run/shard-matrix.ts';
import { parseCommandLine } from '../../scripts/harness/cli/command-line.ts';
import { harnessFingerprint } from '../../scripts/report/harness-files.ts';
import { loadWorkflow, npmScripts, packageScripts, stepUsing, type Job, type Workflow } from './workflow.ts';

// docs.yml's jobs and pushes carry more than workflow.ts reads for every workflow.
type DocsJob = Job & {
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown };
  outputs?: Record<string, string>;
  environment?: { name?: string; url?: string };
};

const loaded = await loadWorkflow('docs.yml');
const { document } = loaded;
const workflow = loaded.workflow as Omit<Workflow, 'on' | 'jobs'> & {
  on: { pull_request?: unknown; push?: { branches?: string[] } };
  jobs: Record<string, DocsJob>;
};
const packageJson = { scripts: await packageScripts() };

/** The job named `name`; fails the test when there is none. */
const job = (name: string): DocsJob => loaded.job(name);

/** Every command line the steps of `jobs` run, one per line of each `run:`. */
const commands = (jobs?: Job[]): string[] => loaded.commands(jobs);

describe('docs.yml', () => {
  test('parses as YAML without errors or warnings', () => {
    expect(document.errors.map(String)).toEqual([]);
    expect(document.warnings.map(String)).toEqual([]);
  });

  test('runs only npm scripts that package.json defines', () => {
    const used = [...new Set(commands().flatMap(npmScripts))].sort();
    expect(used).toEqual(['build', 'check:secrets', 'lint', 'snippets', 'test']);
    for (const script of used) expect(packageJson.scripts, `npm run ${script}`).toHaveProperty([script]);
  });

  /** The harness arguments of the one `npm run snippets` line in `jobs` that runs cases, with the matrix's `shard` and the job total set. */
  function snippetsArgs(jobs: Job[], shard?: { index: number; count: number }): string[] {
    const lines = commands(jobs).filter((line) => npmScripts(line).includes('snippets') && !line.includes('--harness-fingerprint'));
    expect(lines).toHaveLength(1);
    const line =
      shard === undefined
        ? lines[0]!
        : lines[0]!.replaceAll('${{ matrix.shard }}', String(shard.index)).replaceAll('${{ strategy.job-total }}', String(shard.count));
    return line.split(' -- ')[1]?.split(/\s+/) ?? [];
  }

  /** The command the `shards` job prints the matrix with, from its step `plan`. */
  const matrixCommand = () => {
    const run = job('shards').steps.find((step) => step.id === 'plan')?.run ?? '';
    expect(run).toMatch(/^echo "matrix=\$\(npm run snippets [^)]*\)" >> "\$GITHUB_OUTPUT"$/);
    return /\$\((npm run snippets [^)]*)\)/.exec(run)?.[1] ?? '';
  };

  /** The matrix the `shards` job's command prints for this checkout. */
  const printedMatrix = async (): Promise<{ shard: number[] }> => {
    const [program, ...args] = matrixCommand().split(/\s+/);
    return JSON.parse((await execa(program!, args, { cwd: PROJECT_ROOT })).stdout) as { shard: number[] };
  };

  /** The snippets job's harness arguments for shard `index` of `count`. */
  const shardArgs = (index: number, count: number) => snippetsArgs([job('snippets')], { index, count });

  test('makes the snippets matrix from the shard count the shards job prints (npm run snippets -- --shard-matrix)', async () => {
    const command = matrixCommand();
    expect(command).toBe('npm run snippets --silent -- --shard-matrix');
    expect(parseCommandLine(command.split(' -- ')[1]!.split(/\s+/), {}).shardMatrix).toBe(true);
    expect(job('shards').outputs).toEqual({ matrix: '${{ steps.plan.outputs.matrix }}' });
    expect([job('snippets').needs].flat()).toContain('shards');
    expect(job('snippets').strategy?.matrix).toBe('${{ fromJSON(needs.shards.outputs.matrix) }}');
    const { cases } = await planHarness({});
    expect(await printedMatrix()).toEqual(shardMatrix(cases.length));
  }, 60_000);

  test('runs each shard of the matrix with every language required and both reports written per shard', async () => {
    const { shard: shards } = await printedMatrix();
    expect(shards.length).toBeGreaterThan(1);
    expect(job('snippets').strategy?.['fail-fast']).toBe(false);
    for (const shard of shards) {
      const command = parseCommandLine(shardArgs(shard, shards.length), {});
      expect(command.options.requireAll).toBe(true);
      expect(command.options.shard).toEqual({ index: shard, count: shards.length });
      expect(command.json).toBe(`test-results/shards/snippets-${shard}.json`);
      expect(command.junit).toBe(`test-results/shards/snippets-${shard}.xml`);
    }
  }, 60_000);

  test(
    'its shards together plan every case exactly once, none more than a shard of the two-example matrix ran',
    { timeout: 60_000 },
    async () => {
      const { shard: shards } = await printedMatrix();
      const keys = async (args: string[]) => (await planHarness(parseCommandLine(args, {}).options)).cases.map((planned) => planned.key);
      const flagsOf = (args: string[]) =>
        args.filter((word, index) => !['--json', '--junit'].includes(word) && !['--json', '--junit'].includes(args[index - 1] ?? ''));
      const everyCase = await keys([]);
      const perShard = await Promise.all(shards.map((shard) => keys(flagsOf(shardArgs(shard, shards.length)))));
      expect(everyCase.length).toBeGreaterThan(0);
      for (const cases of perShard) {
        expect(cases.length).toBeGreaterThan(0);
        expect(cases.length).toBeLessThanOrEqual(CASES_PER_SHARD);
      }
      expect(perShard.flat().sort()).toEqual([...everyCase].sort());
    },
  );

  test('merges every shard report into one JSON and JUnit report, even after a failed shard', () => {
    const merge = job('snippets-report');
    expect([merge.needs].flat()).toEqual(['report-key', 'snippets']);
    expect(merge.if).toBe('${{ !cancelled() }}');
    expect(stepUsing(merge, 'actions/download-artifact')?.with).toMatchObject({
      pattern: 'snippets-shard-*',
      path: 'test-results/shards/',
      'merge-multiple': true,
    });
    const command = parseCommandLine(snippetsArgs([merge]), {});
    expect(command.merge).toEqual(['test-results/shards/snippets-*.json']);
    expect(command.json).toBe('test-results/snippets.json');
    expect(command.junit).toBe('test-results/snippets.xml');
    expect(stepUsing(job('snippets'), 'actions/upload-artifact')?.with).toMatchObject({
      name: 'snippets-shard-${{ matrix.shard }}',
      path: 'test-results/shards/',
    });
    expect(stepUsing(merge, 'actions/upload-artifact')?.with?.name).toBe('snippets-report');
  });

  /** The step that names the result cache, and the command its key takes the harness's hash from. */
  const cacheNaming = () => {
    const run = job('snippets').steps.find((step) => step.id === 'results')?.run ?? '';
    const command = /\$\((npm run snippets [^)]*)\)/.exec(run)?.[1] ?? '';
    return { run, command };
  };

  test('restores and saves the result cache under a key naming the toolchains and the harness fingerprint', () => {
    const steps = job('snippets').steps;
    const cache = stepUsing(job('snippets'), 'actions/cache');
    expect(cache?.with?.path).toBe('.cache/results');
    expect(String(cache?.with?.key)).toMatch(
      /^\$\{\{ steps\.results\.outputs\.prefix \}\}-shard\$\{\{ matrix\.shard \}\}-\$\{\{ github\.run_id \}\}/,
    );
    const { run, command } = cacheNaming();
    for (const id of ['python', 'go', 'java']) expect(run).toContain(`steps.${id}.outputs.`);
    expect(command).toBe('npm run snippets --silent -- --harness-fingerprint');
    expect(parseCommandLine(command.split(' -- ')[1]!.split(/\s+/), {}).harnessFingerprint).toBe(true);
    expect(run).toMatch(/^harness=\$\(npm run snippets [^)]*\)$/m);
    expect(run).toMatch(/^echo "prefix=[^"]*-\$\{harness\}" >> "\$GITHUB_OUTPUT"$/m);
    expect(steps.findIndex((step) => step.id === 'results')).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm ci'));
    expect(steps.findIndex((step) => step === cache)).toBeLessThan(
      steps.findIndex((step) => step.run?.includes('npm run snippets -- --shard')),
    );
  });

  test('lists no harness path by hand: no hashFiles, no path under scripts/ in any command', () => {
    expect(loaded.text).not.toContain('hashFiles(');
    for (const line of commands()) expect(line).not.toMatch(/\bscripts\//);
  });

  test('the command the cache key calls exists and prints the harness fingerprint of this checkout', { timeout: 60_000 }, async () => {
    const [program, ...args] = cacheNaming().command.split(/\s+/);
    const printed = await execa(program!, args, { cwd: PROJECT_ROOT });
    expect(printed.stdout).toBe(harnessFingerprint(PROJECT_ROOT));
  });

  describe('the report key (RR_DOCS_REPORT_KEY)', () => {
    /** The key on a pull request (made by report-key for this run), and on a push (the repository secret). */
    const EITHER_KEY = "${{ github.event_name == 'pull_request' && needs.report-key.outputs.key || secrets.RR_DOCS_REPORT_KEY }}";

    /** The step of job `name` that runs npm script `script` (with `flag`, when given: the shard run, not the cache's naming). */
    const stepRunning = (name: string, script: string, flag = '') =>
      job(name).steps.find((step) => npmScripts(step.run ?? '').includes(script) && (step.run ?? '').includes(flag));

    test('is made for a pull request by the first job, with openssl, into its outputs only', () => {
      const keyJob = job('report-key');
      expect(keyJob.needs).toBeUndefined();
      expect(keyJob.permissions).toEqual({});
      expect((keyJob as DocsJob & { outputs?: Record<string, string> }).outputs).toEqual({ key: '${{ steps.key.outputs.key }}' });
      expect(keyJob.steps).toHaveLength(1);
      expect(keyJob.steps[0]).toMatchObject({
        id: 'key',
        if: "github.event_name == 'pull_request'",
        run: 'echo "key=$(openssl rand -hex 32)" >> "$GITHUB_OUTPUT"',
      });
    });

    test('signs each shard report and the result cache, and is checked and used again by the merge', () => {
      expect([job('snippets').needs].flat()).toEqual(['report-key', 'shards']);
      expect(stepRunning('snippets', 'snippets', '--shard')?.env).toEqual({
        RR_DOCS_REPORT_KEY: EITHER_KEY,
        RR_DOCS_CACHE_KEY: '${{ secrets.RR_DOCS_CACHE_KEY }}',
      });
      expect(stepRunning('snippets-report', 'snippets')?.env).toEqual({ RR_DOCS_REPORT_KEY: EITHER_KEY });
    });

    test('is the repository secret, never a pull request key, where the site is built for publishing', () => {
      expect(job('build').if).toContain("github.event_name == 'push'");
      expect(stepRunning('build', 'build')?.env).toMatchObject({ RR_DOCS_REPORT_KEY: '${{ secrets.RR_DOCS_REPORT_KEY }}' });
    });

    test('is given only to the steps that write or read reports, and no step prints it', () => {
      const holders = Object.entries(workflow.jobs).flatMap(([name, candidate]) =>
        candidate.steps.filter((step) => step.env?.RR_DOCS_REPORT_KEY !== undefined).map((step) => `${name}: ${step.run}`),
      );
      expect(holders).toEqual([
        expect.stringMatching(/^snippets: npm run snippets -- --shard /),
        expect.stringMatching(/^snippets-report: npm run snippets -- --merge /),
        'test: npm test',
        'build: npm run build -- --report test-results/snippets.json',
      ]);
      expect(workflow.env ?? {}).not.toHaveProperty('RR_DOCS_REPORT_KEY');
      for (const line of commands()) {
        if (line.includes('$GITHUB_OUTPUT')) continue;
        expect(line).not.toMatch(/RR_DOCS_REPORT_KEY|RR_DOCS_CACHE_KEY|outputs\.key/);
      }
    });
  });

  test('runs on pull requests and on pushes to main', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  test('tests a pull request: secret scan and npm test, whose full-matrix test reads the merged report instead of running the matrix', () => {
    const pullRequest = job('test');
    expect(pullRequest.if).toBe("${{ !cancelled() && github.event_name == 'pull_request' }}");
    expect([pullRequest.needs].flat()).toEqual(['report-key', 'snippets-report']);
    expect(commands([pullRequest])).toEqual(expect.arrayContaining(['npm ci', 'npm run check:secrets', 'npm test']));
    expect(commands([pullRequest]).filter((line) => npmScripts(line).includes('snippets'))).toEqual([]);
    expect(stepUsing(pullRequest, 'actions/download-artifact')?.with).toMatchObject({ name: 'snippets-report', path: 'test-results/' });
    expect(pullRequest.steps.find((step) => step.run === 'npm test')?.env).toEqual({
      RR_DOCS_SNIPPETS_REPORT: 'test-results/snippets.json',
      RR_DOCS_REPORT_KEY: '${{ needs.report-key.outputs.key }}',
    });
    const upload = stepUsing(pullRequest, 'actions/upload-artifact');
    expect(upload?.with?.path).toBe('test-results/');
    expect(upload?.if).toBe('${{ !cancelled() }}');
  });

  test('builds main from the merged report of the same commit, for the address Pages serves it at, and uploads dist/', () => {
    const build = job('build');
    expect(build.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect([build.needs].flat()).toEqual(['snippets-report']);
    expect(stepUsing(build, 'actions/download-artifact')?.with).toMatchObject({ name: 'snippets-report', path: 'test-results/' });
    expect(commands([build])).toContain('npm run build -- --report test-results/snippets.json');
    expect(stepUsing(build, 'actions/configure-pages')?.id).toBe('pages');
    // Canonical URLs, Open Graph and the sitemap name where Pages serves the site, not a default host.
    expect(build.steps.find((step) => step.run?.startsWith('npm run build'))?.env).toMatchObject({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      SITE_BASE: '${{ steps.pages.outputs.base_path }}',
    });
    expect(packageJson.scripts.build).toBe('node scripts/build-site.ts');
    expect(stepUsing(build, 'actions/upload-pages-artifact')?.with?.path).toBe('dist/');
  });

  test('deploys only on main, after the build, with the Pages permissions and environment', () => {
    const deploy = job('deploy');
    expect([deploy.needs].flat()).toContain('build');
    expect(deploy.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(stepUsing(deploy, 'actions/deploy-pages')?.id).toBe('deployment');
  });

  test.for(Object.keys(workflow.jobs).filter((name) => commands([workflow.jobs[name]!]).some((line) => line.startsWith('npm '))))(
    'sets Node up from .node-version in job %s before its first npm command',
    (name) => {
      const steps = job(name).steps;
      const setup = steps.findIndex((step) => step.uses?.startsWith('actions/setup-node@'));
      const firstNpm = steps.findIndex((step) => step.run?.trim().startsWith('npm '));
      expect(setup).toBeGreaterThanOrEqual(0);
      expect(setup).toBeLessThan(firstNpm);
      expect(steps[setup]?.with?.['node-version-file']).toBe('.node-version');
      expect(existsSync(path.join(PROJECT_ROOT, '.node-version'))).toBe(true);
    },
  );

  test.for(['snippets', 'test'])('sets up Python 3.11+, Go and Java 17 (Temurin, Maven cache) in job %s, which runs snippets', (name) => {
    const candidate = job(name);
    expect(Number(String(stepUsing(candidate, 'actions/setup-python')?.with?.['python-version']).split('.')[1])).toBeGreaterThanOrEqual(11);
    expect(stepUsing(candidate, 'actions/setup-go')?.with?.['go-version']).toBe('stable');
    expect(stepUsing(candidate, 'actions/setup-java')?.with).toMatchObject({
      distribution: 'temurin',
      'java-version': '17',
      cache: 'maven',
    });
  });

  test.for(['snippets', 'test'])(
    'installs the sandbox (bubblewrap, socat) in job %s before its first npm command, since CI=true requires it',
    (name) => {
      const steps = job(name).steps;
      const sandbox = steps.findIndex((step) => /apt-get install .*\bbubblewrap\b.*\bsocat\b/.test(step.run ?? ''));
      const firstNpm = steps.findIndex((step) => step.run?.trim().startsWith('npm '));
      expect(sandbox).toBeGreaterThanOrEqual(0);
      expect(sandbox).toBeLessThan(firstNpm);
    },
  );

  test('pins every action to a major version tag', () => {
    const uses = Object.values(workflow.jobs).flatMap((candidate) => candidate.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^actions\/[\w-]+@v\d+$/);
  });
});
