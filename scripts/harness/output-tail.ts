// The last lines of a program's output as a report shows them: found from the end (so a huge
// output costs no more than one pass), each cut to a readable width, and masked.

/** Most lines of output a report shows. */
export const TAIL_LINES = 12;

/** Most characters of one output line a report shows. */
export const TAIL_WIDTH = 300;

// Characters masked past the shown width, so a secret cut by the window cannot slip in unmasked.
const MASK_MARGIN = 512;

/** The last `count` non-blank lines of `output`, each at most `width` + MASK_MARGIN characters. */
export function lastLines(output: string, count = TAIL_LINES, width = TAIL_WIDTH): string[] {
  const lines: string[] = [];
  let end = output.length;
  while (end > 0 && lines.length < count) {
    const start = output.lastIndexOf('\n', end - 1) + 1;
    const line = output.slice(start, Math.min(end, start + width + MASK_MARGIN));
    if (/\S/.test(line)) lines.unshift(line.replace(/\s+$/, ''));
    end = start - 1;
  }
  return lines;
}

/** The report's tail: the last lines, masked then cut to `width`; nothing but a note when the output leaked the token. */
export function outputTail(output: string, mask: (text: string) => string, tokenLeaked: boolean, width = TAIL_WIDTH): string[] {
  if (tokenLeaked) return ['(not shown: the output holds the token in some form; see token-leak)'];
  return lastLines(output, TAIL_LINES, width).map((line) => {
    const masked = mask(line);
    return masked.length > width ? `${masked.slice(0, width)}… (line cut)` : masked;
  });
}
