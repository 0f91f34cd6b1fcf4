// .github/workflows/docs.yml: it parses, it runs only npm scripts that exist (with flags the
// harness accepts), it tests pull requests and builds and publishes main, and every job that runs
// npm sets Node up from .node-version first.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { parseCommandLine } from '../../scripts/harness/cli.ts';

/** The parts of a workflow these tests read. */
interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name?: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: { pull_request?: unknown; push?: { branches?: string[] } };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOW_FILE = path.join(PROJECT_ROOT, '.github', 'workflows', 'docs.yml');
const document = parseDocument(await readFile(WORKFLOW_FILE, 'utf8'));
const workflow = document.toJS() as Workflow;
const packageJson = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The job named `name`; fails the test when there is none. */
function job(name: string): Job {
  const found = workflow.jobs[name];
  if (!found) throw new Error(`${WORKFLOW_FILE}: no job "${name}"; found ${Object.keys(workflow.jobs).join(', ')}`);
  return found;
}

/** Every command line the steps of `jobs` run, one per line of each `run:`. */
function commands(jobs: Job[] = Object.values(workflow.jobs)): string[] {
  return jobs.flatMap((candidate) => candidate.steps.flatMap((step) => (step.run ?? '').split('\n').map((line) => line.trim()).filter(Boolean)));
}

/** The npm scripts a command line runs: `npm run X` and `npm test`. */
function npmScripts(line: string): string[] {
  return [...line.matchAll(/\bnpm (?:run(?:-script)? ([\w:.-]+)|(test|t))\b/g)].map((match) => match[1] ?? 'test');
}

/** The step of `candidate` that uses `action` (owner/name, any version). */
function stepUsing(candidate: Job, action: string): Step | undefined {
  return candidate.steps.find((step) => step.uses?.split('@')[0] === action);
}

describe('docs.yml', () => {
  test('parses as YAML without errors or warnings', () => {
    expect(document.errors.map(String)).toEqual([]);
    expect(document.warnings.map(String)).toEqual([]);
  });

  test('runs only npm scripts that package.json defines', () => {
    const used = [...new Set(commands().flatMap(npmScripts))].sort();
    expect(used).toEqual(['build', 'check:secrets', 'snippets', 'test']);
    for (const script of used) expect(packageJson.scripts, `npm run ${script}`).toHaveProperty([script]);
  });

  test('passes the harness only flags it accepts, with every language required and both reports written', () => {
    const lines = commands().filter((line) => npmScripts(line).includes('snippets'));
    expect(lines).toHaveLength(1);
    const args = lines[0]!.split(' -- ')[1]?.split(/\s+/) ?? [];
    const command = parseCommandLine(args, {});
    expect(command.options.requireAll).toBe(true);
    expect(command.junit).toBe('test-results/snippets.xml');
    expect(command.json).toBe('test-results/snippets.json');
  });

  test('runs on pull requests and on pushes to main', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  test('tests a pull request: secret scan, npm test, every snippet, and the reports uploaded', () => {
    const pullRequest = job('test');
    expect(pullRequest.if).toBe("github.event_name == 'pull_request'");
    expect(commands([pullRequest])).toEqual(expect.arrayContaining(['npm ci', 'npm run check:secrets', 'npm test']));
    const upload = stepUsing(pullRequest, 'actions/upload-artifact');
    expect(upload?.with?.path).toBe('test-results/');
    expect(upload?.if).toBe('${{ !cancelled() }}');
  });

  test('builds main with the harness report and uploads dist/ for Pages', () => {
    const build = job('build');
    expect(build.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(commands([build])).toContain('npm run build');
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

  test.for(['test', 'build'])('sets up Python 3.11+, Go and Java 17 (Temurin, Maven cache) in job %s, which runs the snippets', (name) => {
    const candidate = job(name);
    expect(Number(String(stepUsing(candidate, 'actions/setup-python')?.with?.['python-version']).split('.')[1])).toBeGreaterThanOrEqual(11);
    expect(stepUsing(candidate, 'actions/setup-go')?.with?.['go-version']).toBe('stable');
    expect(stepUsing(candidate, 'actions/setup-java')?.with).toMatchObject({ distribution: 'temurin', 'java-version': '17', cache: 'maven' });
  });

  test.for(['test', 'build'])('installs the sandbox (bubblewrap, socat) in job %s before its first npm command, since CI=true requires it', (name) => {
    const steps = job(name).steps;
    const sandbox = steps.findIndex((step) => /apt-get install .*\bbubblewrap\b.*\bsocat\b/.test(step.run ?? ''));
    const firstNpm = steps.findIndex((step) => step.run?.trim().startsWith('npm '));
    expect(sandbox).toBeGreaterThanOrEqual(0);
    expect(sandbox).toBeLessThan(firstNpm);
  });

  test('pins every action to a major version tag', () => {
    const uses = Object.values(workflow.jobs).flatMap((candidate) => candidate.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^actions\/[\w-]+@v\d+$/);
  });
});
