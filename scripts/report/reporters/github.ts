// GitHub Actions workflow commands: each failed check becomes an error annotation on its file.
import type { CaseResult } from '../../harness/case/case-result.ts';
import { defuseWorkflowCommands } from './workflow-commands.ts';

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,title=…::message` lines for every failed check; a message cannot hold a command of its own. */
export function toGithubAnnotations(results: readonly CaseResult[]): string[] {
  return results
    .filter((result) => result.status === 'failed')
    .flatMap((result) =>
      result.checks
        .filter((check) => check.status === 'failed')
        .map(
          (check) =>
            `::error file=${escapeProperty(result.file)},title=${escapeProperty(`${check.id} (${result.scenario})`)}::${escapeData(defuseWorkflowCommands(check.message))}`,
        ),
    );
}
