// Every checkout in every workflow leaves no token in .git/config (`persist-credentials: false`):
// the jobs that run a pull request's snippets must not hand them the checkout's token, and no job
// pushes with git.
// vitest project: unit (test/support/projects.ts)
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { loadWorkflow } from './workflow.ts';

const files = (await readdir(path.join(PROJECT_ROOT, '.github', 'workflows'))).filter((name) => /\.ya?ml$/.test(name)).sort();

describe.for(files)('%s', (file) => {
  test('checks out with persist-credentials: false in every job', async () => {
    const loaded = await loadWorkflow(file);
    const checkouts = Object.entries(loaded.workflow.jobs).flatMap(([name, job]) =>
      job.steps.filter((step) => step.uses?.split('@')[0] === 'actions/checkout').map((step) => ({ name, step })),
    );
    expect(checkouts.length).toBeGreaterThan(0);
    for (const { name, step } of checkouts) expect(step.with?.['persist-credentials'], `${file}: job ${name}`).toBe(false);
  });
});
