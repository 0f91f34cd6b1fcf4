// What the harness prints under GitHub Actions cannot be read as a workflow command, in any form
// the runner reads, while the text stays readable; elsewhere it is printed as it is.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { toGithubAnnotations } from '../../scripts/report/reporters/github.ts';
import { actionsOutput, defuseWorkflowCommands } from '../../scripts/report/reporters/workflow-commands.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { caseReport } from '../support/report.ts';

describe('defuseWorkflowCommands', () => {
  test.for([
    ['::error::x', ': :error: :x'],
    ['  ::add-mask::secret', '  : :add-mask: :secret'],
    ['before ##[error]x', 'before # #[error]x'],
    ['##vso[task.setvariable variable=a]b', '# #vso[task.setvariable variable=a]b'],
    ['\u200b::error::x', '<U+200B>: :error: :x'],
    [':\u00ad:error::x', ':<U+00AD>:error: :x'],
    ['#\u2060#[group]x', '#<U+2060>#[group]x'],
    [':::', ': : :'],
  ])('makes %j inert', ([text, shown]) => {
    expect(defuseWorkflowCommands(text!)).toBe(shown);
  });

  test('leaves text without command markers as it is', () => {
    const text = '✓ list-clients/go/ok 37ms\n  [auth-header] sent "Bearer <token>": remove it (see #42)\n';
    expect(defuseWorkflowCommands(text)).toBe(text);
  });
});

describe('actionsOutput', () => {
  test('under GitHub Actions defuses what is written, and writes the harness own commands as they are', () => {
    const written: string[] = [];
    const { out, command } = actionsOutput((text) => written.push(text), false, { GITHUB_ACTIONS: 'true' });
    out.write('| ##[error]forged\n');
    command('::error file=a.sh,title=x (ok)::message');
    expect(written).toEqual(['| # #[error]forged\n', '::error file=a.sh,title=x (ok)::message\n']);
  });

  test('elsewhere writes everything as it is', () => {
    const written: string[] = [];
    actionsOutput((text) => written.push(text), true, {}).out.write('| ##[error]x\n');
    expect(written).toEqual(['| ##[error]x\n']);
  });
});

describe('toGithubAnnotations', () => {
  test("makes a check message's own commands inert, and keeps it on one line", () => {
    const result: CaseResult = {
      ...caseReport({ example: 'x', language: 'curl', scenario: 'ok', status: 'failed' }),
      checks: [{ id: 'output', status: 'failed', message: 'printed "##[error]x"\n::warning::y' }],
      detail: { requests: [], egress: [], outputTail: [] },
    };
    expect(toGithubAnnotations([result])).toEqual([
      '::error file=snippets/x/file,title=output (ok)::printed "# #[error]x"%0A: :warning: :y',
    ]);
  });
});
