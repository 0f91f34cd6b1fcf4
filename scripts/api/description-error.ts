// The error of an API description that cannot be used: it names the file, then each problem with
// the field (a dotted path and its JSON pointer) and what was expected.
import type { z } from 'zod';
import { displayPath } from '../paths.ts';
import { describeIssues, type IssueWording } from '../zod-issues.ts';
import { describePlace, type PathStep } from './json-pointer.ts';

/** A description the code cannot rely on; its message is meant for whoever edits the file. */
export class ApiDescriptionError extends Error {
  override name = 'ApiDescriptionError';
  readonly file: string;
  readonly problems: readonly string[];
  constructor(file: string, problems: readonly string[]) {
    super(`${displayPath(file)}: invalid API description\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.file = file;
    this.problems = problems;
  }
}

/**
 * One line per zod issue of a value found at `base` in the description:
 * `field "x-seed.clients[0].clientId" (#/x-seed/clients/0/clientId): expected string, found 7 (number)`.
 */
export function describeIssuesAt(issues: readonly z.core.$ZodIssue[], base: readonly PathStep[], wording: IssueWording): string[] {
  return issues.map((issue) => {
    const [line] = describeIssues([issue], wording);
    const steps = [...base, ...issue.path.map((step) => (typeof step === 'number' ? step : String(step)))];
    if (steps.length === 0) return line!;
    return line!.replace(/^(?:field "[^"]*"|[^:]*(?=: unknown))/, `field ${describePlace(steps)}`);
  });
}
