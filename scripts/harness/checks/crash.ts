// Recognises the marks a crash leaves in a program's output, as each language's runner declares
// them. The output is read once per mark, line by line, and every mark is a test on one line that
// cannot backtrack across lines, so the work grows linearly with the output, whatever it holds.
import { DEFAULT_RUNNERS } from '../../runners/registry.ts';
import type { CrashMark, LanguageRunner } from '../../runners/runner-contract.ts';

/** Told how many characters each step looked at, so a test can prove the work grows linearly. */
export type WorkCounter = (characters: number) => void;

/**
 * The crash marks to look for: those of `own` (the snippet's runner) first, then every other
 * registered runner's, since a program may start another runtime. Each is a test on one line.
 */
export function crashMarksOf(
  runners: readonly Pick<LanguageRunner, 'crashMarks'>[],
  own?: Pick<LanguageRunner, 'crashMarks'>,
): readonly CrashMark[] {
  const ordered = own ? [own, ...runners.filter((runner) => runner !== own)] : runners;
  return [...new Set(ordered.flatMap((runner) => runner.crashMarks ?? []))];
}

/**
 * The first line of `output` that `test` accepts, among the lines holding `anchor` (every line
 * without one). Each line is looked at once: after a line is tested, the search resumes past it.
 */
function firstLine(
  output: string,
  test: (line: string) => boolean,
  anchor: string | undefined,
  countWork: WorkCounter,
): string | undefined {
  let from = 0;
  while (from <= output.length) {
    const hit = anchor === undefined ? from : output.indexOf(anchor, from);
    if (hit === -1) {
      countWork(output.length - from);
      return undefined;
    }
    const start = output.lastIndexOf('\n', hit) + 1;
    const newline = output.indexOf('\n', hit);
    const end = newline === -1 ? output.length : newline;
    countWork(end - from + 1);
    const line = output.slice(start, end);
    if (test(line)) return line;
    if (newline === -1) return undefined;
    from = newline + 1;
  }
  return undefined;
}

/** Describes the first of `marks` found in `output` (in their order) with the line it was found on, or undefined. */
export function findCrash(
  output: string,
  marks: readonly CrashMark[] = crashMarksOf(DEFAULT_RUNNERS),
  countWork: WorkCounter = () => {},
): string | undefined {
  for (const { pattern, what, anchor } of marks) {
    const test = typeof pattern === 'function' ? pattern : (line: string) => pattern.test(line);
    const found = firstLine(output, test, anchor, countWork);
    if (found === undefined) continue;
    const line = found.trim();
    return `${what} ("${line.length > 100 ? `${line.slice(0, 97)}...` : line}")`;
  }
  return undefined;
}
