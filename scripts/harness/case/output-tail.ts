// The last lines of a program's output as a report shows them: found from the end (so a huge
// output costs no more than one pass), each cut to a readable width, and masked.

/** Most lines of output a report shows. */
export const TAIL_LINES = 12;

/** Most characters of one output line a report shows. */
export const TAIL_WIDTH = 300;

// Characters masked past the shown width, so a secret cut by the window cannot slip in unmasked.
const MASK_MARGIN = 512;

/** Told how many characters each step looked at, so a test can prove the work grows linearly. */
export type WorkCounter = (characters: number) => void;

const isBlank = (code: number) => code === 32 || (code >= 9 && code <= 13);

/** The last `count` non-blank lines of `output`, each at most `width` + MASK_MARGIN characters, read from the end. */
export function lastLines(output: string, count = TAIL_LINES, width = TAIL_WIDTH, countWork: WorkCounter = () => {}): string[] {
  const lines: string[] = [];
  let position = output.length - 1;
  while (position >= 0 && lines.length < count) {
    // Skip blank characters (and blank lines) back to the end of the last line with text.
    const end = position;
    while (position >= 0 && isBlank(output.charCodeAt(position))) position -= 1;
    countWork(end - position);
    if (position < 0) break;
    const start = output.lastIndexOf('\n', position) + 1;
    countWork(position - start + 1);
    lines.unshift(output.slice(start, Math.min(position + 1, start + width + MASK_MARGIN)));
    position = start - 1;
  }
  return lines;
}

/**
 * The report's tail: the last lines, masked together (a token split across them is masked whole)
 * then each cut to `width`; only a note when `withhold` (the output leaked the token in a form
 * that masking line by line might not catch whole: encoded, split, reversed).
 */
export function outputTail(output: string, mask: (text: string) => string, withhold: boolean, width = TAIL_WIDTH): string[] {
  if (withhold) return ['(not shown: the output holds the token in an encoded or split form; see token-leak)'];
  const lines = lastLines(output, TAIL_LINES, width);
  if (lines.length === 0) return [];
  return mask(lines.join('\n'))
    .split('\n')
    .map((line) => (line.length > width ? `${line.slice(0, width)}… (line cut)` : line));
}
