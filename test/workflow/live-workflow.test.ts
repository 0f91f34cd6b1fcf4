// .github/workflows/live.yml: nightly and on demand only; the job holding the API token can only
// read the code and the job writing the issue never sees the token; the token reaches one step, as
// an environment variable, and is never echoed; it runs npm scripts and harness flags that exist;
// it reads only unless a repository variable adds --live-writes.
// vitest project: unit (test/support/projects.ts)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { parseCommandLine } from '../../scripts/harness/cli/command-line.ts';
import { LIVE_TOKEN_VARIABLES } from '../../scripts/live/live-tokens.ts';
import { LIVE_CLIENT_VARIABLE, LIVE_WRITES_FLAG } from '../../scripts/live/live-plan.ts';
import { refuseSiteReport } from '../../scripts/live/report-path.ts';
import { loadWorkflow, npmScripts, packageScripts, stepUsing, type Step } from './workflow.ts';

const live = await loadWorkflow('live.yml');
const scripts = await packageScripts();
const { workflow } = live;

/** Every step of every job, with its job's name. */
const allSteps = Object.entries(workflow.jobs).flatMap(([name, job]) => job.steps.map((step) => ({ job: name, step })));

/** The step that runs the examples against the real API. */
function liveStep(): Step {
  const found = live.job('live').steps.filter((step) => step.run !== undefined && npmScripts(step.run).includes('snippets'));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('live.yml', () => {
  test('parses as YAML without errors or warnings', () => {
    expect(live.document.errors.map(String)).toEqual([]);
    expect(live.document.warnings.map(String)).toEqual([]);
  });

  test('runs nightly and on demand, never on pushes or pull requests', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const schedule = workflow.on.schedule as Array<{ cron: string }>;
    expect(schedule).toHaveLength(1);
    // minute hour * * *: once a day
    expect(schedule[0]?.cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    expect(workflow.concurrency).toEqual({ group: 'live-api', 'cancel-in-progress': false });
  });

  test('grants nothing by default; the live job reads the code, the issue job writes issues', () => {
    expect(workflow.permissions).toEqual({});
    expect(Object.keys(workflow.jobs).sort()).toEqual(['issue', 'live']);
    expect(live.job('live').permissions).toEqual({ contents: 'read' });
    expect(live.job('issue').permissions).toEqual({ contents: 'read', issues: 'write' });
    for (const { step } of allSteps.filter(({ step }) => step.uses?.startsWith('actions/checkout@')))
      expect(step.with?.['persist-credentials']).toBe(false);
  });

  test('runs only npm scripts that package.json defines', () => {
    const used = [...new Set(live.commands().flatMap(npmScripts))].sort();
    expect(used).toEqual(['snippets']);
    for (const script of used) expect(scripts, `npm run ${script}`).toHaveProperty([script]);
    expect(live.commands([live.job('live')])).toContain('npm ci');
  });

  test('runs the harness live, every language required, with reports away from the site report', () => {
    const args = (liveStep().run!.split(' -- ')[1]?.trim().split(/\s+/) ?? []).filter((word) => word !== '$LIVE_WRITES_FLAG');
    const command = parseCommandLine(args, {});
    expect(command.live).toBe(true);
    expect(command.liveWrites).toBe(false);
    expect(command.options.requireAll).toBe(true);
    expect(command.json).toBe('test-results/live/report.json');
    expect(command.junit).toBe('test-results/live/report.xml');
    for (const [flag, file] of [
      ['--json', command.json!],
      ['--junit', command.junit!],
    ] as const) {
      expect(() => refuseSiteReport(flag, path.join(PROJECT_ROOT, file), PROJECT_ROOT, {})).not.toThrow();
    }
    const upload = stepUsing(live.job('live'), 'actions/upload-artifact');
    expect(upload?.with).toMatchObject({ name: 'live-results', path: 'test-results/live/' });
    expect(upload?.if).toBe('${{ !cancelled() }}');
  });

  test('installs the sandbox before the live step: a live run refuses to run its programs without one', () => {
    const steps = live.job('live').steps;
    const install = steps.findIndex((step) => /apt-get install .*\bbubblewrap\b.*\bsocat\b/.test(step.run ?? ''));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(steps[install]?.run).toContain('kernel.apparmor_restrict_unprivileged_userns=0');
    expect(install).toBeLessThan(steps.indexOf(liveStep()));
  });

  test('reads only, unless the repository variable REQUESTROCKET_LIVE_WRITES adds --live-writes with the dedicated client', () => {
    const step = liveStep();
    expect(step.run!.trim().endsWith(' $LIVE_WRITES_FLAG')).toBe(true);
    expect(step.env?.LIVE_WRITES_FLAG).toBe("${{ vars.REQUESTROCKET_LIVE_WRITES == 'true' && '--live-writes' || '' }}");
    expect(step.env?.[LIVE_CLIENT_VARIABLE]).toBe(`\${{ vars.${LIVE_CLIENT_VARIABLE} }}`);
    const words = step.run!.split(' -- ')[1]!.trim().split(/\s+/);
    for (const flag of ['', LIVE_WRITES_FLAG]) {
      const command = parseCommandLine(
        words.flatMap((word) => (word === '$LIVE_WRITES_FLAG' ? (flag ? [flag] : []) : [word])),
        {},
      );
      expect(command.liveWrites).toBe(flag !== '');
    }
    expect(live.text).toContain('REQUESTROCKET_LIVE_WRITES to `true`');
  });

  test('passes each token secret to the live step alone, as the environment variable the harness reads', () => {
    expect(liveStep().env).toEqual({
      [LIVE_TOKEN_VARIABLES.user]: `\${{ secrets.${LIVE_TOKEN_VARIABLES.user} }}`,
      [LIVE_TOKEN_VARIABLES.revoked]: `\${{ secrets.${LIVE_TOKEN_VARIABLES.revoked} }}`,
      [LIVE_TOKEN_VARIABLES.forbidden]: `\${{ secrets.${LIVE_TOKEN_VARIABLES.forbidden} }}`,
      [LIVE_CLIENT_VARIABLE]: `\${{ vars.${LIVE_CLIENT_VARIABLE} }}`,
      LIVE_WRITES_FLAG: "${{ vars.REQUESTROCKET_LIVE_WRITES == 'true' && '--live-writes' || '' }}",
    });
    expect(workflow.env).toBeUndefined();
    for (const job of Object.values(workflow.jobs)) expect(job.env).toBeUndefined();
    const withSecrets = allSteps.filter(({ step }) => JSON.stringify(step).includes('secrets.'));
    expect(withSecrets.map(({ step }) => step)).toEqual([liveStep()]);
    // Exactly the three env lines mention a secret anywhere in the file (no `with:`, no `run:`).
    expect(live.text.match(/secrets\./g)).toHaveLength(3);
  });

  test('never echoes a token: no run line or script reads the token variables', () => {
    const variables = Object.values(LIVE_TOKEN_VARIABLES);
    for (const { step } of allSteps) {
      const code = `${step.run ?? ''}\n${String(step.with?.script ?? '')}`;
      for (const variable of variables) expect(code, `${step.name ?? step.uses}`).not.toContain(variable);
      expect(code).not.toMatch(/\bset -x\b|\bprintenv\b|\benv\s*$/m);
    }
  });

  test('opens, updates or closes the issue after every run that was not cancelled, from the live report', () => {
    const issue = live.job('issue');
    expect([issue.needs].flat()).toEqual(['live']);
    expect(issue.if).toBe('${{ !cancelled() }}');
    const download = stepUsing(issue, 'actions/download-artifact');
    expect(download?.with).toMatchObject({ name: 'live-results', path: 'live-results' });
    expect(download?.['continue-on-error']).toBe(true);
    const script = stepUsing(issue, 'actions/github-script');
    expect(script?.env).toEqual({ LIVE_RESULT: '${{ needs.live.result }}' });
    const code = String(script?.with?.script);
    const imported = /import\(`\$\{process\.env\.GITHUB_WORKSPACE\}\/([^`]+)`\)/.exec(code)?.[1];
    expect(imported).toBe('scripts/live/github-issue.ts');
    expect(existsSync(path.join(PROJECT_ROOT, imported!))).toBe(true);
    expect(code).toContain("reportFile: 'live-results/report.json'");
    // The sparse checkout holds the imported module.
    expect(stepUsing(issue, 'actions/checkout')?.with?.['sparse-checkout']).toBe('scripts/live');
  });

  test('the module the issue job imports needs nothing but Node (that job runs no npm ci)', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(path.join(PROJECT_ROOT, 'scripts/live/github-issue.ts'), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
    expect(imports.every((specifier) => specifier?.startsWith('node:'))).toBe(true);
  });

  test('sets Node up from .node-version before the first npm command of the live job', () => {
    const steps = live.job('live').steps;
    const setup = steps.findIndex((step) => step.uses?.startsWith('actions/setup-node@'));
    const firstNpm = steps.findIndex((step) => step.run?.trim().startsWith('npm '));
    expect(setup).toBeGreaterThanOrEqual(0);
    expect(setup).toBeLessThan(firstNpm);
    expect(steps[setup]?.with?.['node-version-file']).toBe('.node-version');
    expect(stepUsing(live.job('live'), 'actions/setup-java')?.with).toMatchObject({
      distribution: 'temurin',
      'java-version': '17',
      cache: 'maven',
    });
    expect(stepUsing(live.job('live'), 'actions/setup-go')?.with?.['go-version']).toBe('stable');
    expect(stepUsing(live.job('live'), 'actions/setup-python')).toBeDefined();
  });

  test('pins every action to a major version tag', () => {
    const uses = allSteps.flatMap(({ step }) => (step.uses ? [step.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^actions\/[\w-]+@v\d+$/);
  });
});
