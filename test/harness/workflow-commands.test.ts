// Under GitHub Actions a snippet's output must not reach the CI log as workflow commands: the
// fixture test/fixtures/workflow-commands/ prints every form the runner reads (`::command::` at the
// start of a line or after white space, legacy `##[command]` and Azure's `##vso[…]` anywhere in a
// line, hidden behind characters the runner's comparison ignores), and fails so that its output is
// shown. Every line `npm run snippets` prints is read as the runner reads it: only the harness's own
// annotations may be commands, and the forged lines are still shown, made inert.
// vitest project: programs (test/support/projects.ts)
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';

const FIXTURE = 'test/fixtures/workflow-commands/forges-annotations/forges-annotations.sh';

// The runner compares with the current culture, which skips these characters.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Whether the GitHub runner (or Azure's agent) would take `line` for a workflow command. */
function runnerReadsCommand(line: string): boolean {
  const seen = line.replace(IGNORABLE, '');
  return seen.trimStart().startsWith('::') || seen.includes('##[') || seen.includes('##vso[');
}

let lines: string[];
let exitCode: number | undefined;
beforeAll(async () => {
  const result = await execa(
    process.execPath,
    ['scripts/harness/cli/snippets-cli.ts', '--no-cache', '--root', path.dirname(path.dirname(FIXTURE)), '--scenario', 'ok'],
    { cwd: PROJECT_ROOT, reject: false, env: { CI: '', GITHUB_ACTIONS: 'true' } },
  );
  exitCode = result.exitCode;
  lines = `${result.stdout}\n${result.stderr}`.split('\n');
}, 120_000);

describe('npm run snippets under GITHUB_ACTIONS=true, on a program that prints workflow commands', () => {
  test('fails the case and shows its output', () => {
    expect(exitCode, lines.join('\n')).toBe(1);
    expect(lines).toContain('  last lines of output:');
  });

  test('prints no workflow command but its own annotations on the fixture', () => {
    const commands = lines.filter(runnerReadsCommand);
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands)
      expect(line).toMatch(new RegExp(`^::error file=${FIXTURE.replaceAll('/', '\\/')},title=[\\w-]+ \\(ok\\)::`));
    // An annotation's message holds no command of its own.
    for (const line of commands) expect(runnerReadsCommand(line.replace(/^::error [^:]*::/, ''))).toBe(false);
  });

  test.for([
    [
      'a command at the start of a line',
      '    | : :error file=snippets/list-clients/list_clients.py,line=1: :forged at the start of a line',
    ],
    ['a command after white space', '    |    : :warning title=forged: :after white space'],
    ['a command behind a zero-width space', '    | <U+200B>: :error: :forged behind a zero-width space'],
    ['a command split by a soft hyphen', '    | :<U+00AD>:error: :forged with a soft hyphen inside'],
    ['stop-commands', '    | : :stop-commands: :forged-token'],
    ['a legacy error at the start of a line', '    | # #[error]forged legacy error at the start of a line'],
    ['a legacy warning in the middle of a line', '    | some text, then # #[warning]forged legacy warning in the middle of a line'],
    ['a legacy group', '    | # #[group]forged group'],
    ['a legacy set-output in the middle of a line', '    | x # #[set-output name=forged;]value'],
    ['an Azure command at the start of a line', '    | # #vso[task.logissue type=error]forged Azure issue'],
    ['an Azure command in the middle of a line', '    | text # #vso[task.setvariable variable=forged]value'],
    ['a legacy error split by a soft hyphen', '    | #<U+00AD>#[error]forged legacy error with a soft hyphen inside'],
  ])('shows %s, made inert', ([, shown]) => {
    expect(lines).toContain(shown);
  });
});
