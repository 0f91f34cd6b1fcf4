// Whatever a program prints, what the harness does after it exits (crash marks, the output's tail,
// masking) takes work in proportion to the output: 8 MB costs 8 times 1 MB, counted, not timed.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { findCrash } from '../../scripts/harness/checks/crash.ts';
import { TAIL_LINES, TAIL_WIDTH, lastLines, outputTail } from '../../scripts/harness/case/output-tail.ts';

const MB = 1024 * 1024;

/** Outputs that made a backtracking pattern, or a split of the whole output, cost more than linear time. */
const PATHOLOGICAL: Array<[string, (size: number) => string]> = [
  ['blank lines', (size) => '\n'.repeat(size)],
  ['lines of spaces', (size) => ' \n'.repeat(size / 2)],
  ['one huge line', (size) => 'x'.repeat(size)],
  ['one huge line of spaces', (size) => ' '.repeat(size)],
  ['repeated "at " on one line', (size) => '  at '.repeat(size / 5)],
  ['repeated "  at x" lines', (size) => '  at x\n'.repeat(size / 7)],
  ['an "at" line of " (" pairs', (size) => `  at ${' ('.repeat(size / 2 - 3)}`],
  ['an "at" line of ":1" pairs', (size) => `  at /${':1'.repeat(size / 2 - 3)}`],
  ['Java frames without an end', (size) => `\tat a.b(${'c.'.repeat(size / 2 - 5)}`],
  ['goroutine digits', (size) => `goroutine ${'1'.repeat(size - 11)}`],
  ['repeated "Uncaught"', (size) => 'Uncaught'.repeat(size / 8)],
];

/** findCrash with every built-in runner's marks, counting its work. */
const findAnyCrash = (output: string, count: (characters: number) => void) => findCrash(output, undefined, count);

/** Characters counted by `run` on an output of `size` characters. */
function workOn(output: string, run: (output: string, count: (characters: number) => void) => unknown): number {
  let characters = 0;
  run(output, (count) => (characters += count));
  return characters;
}

describe.for(PATHOLOGICAL)('%s', ([, make]) => {
  const small = make(MB);
  const large = make(8 * MB);

  test('findCrash looks at each character a bounded number of times', () => {
    const ratio = workOn(large, findAnyCrash) / workOn(small, findAnyCrash);
    expect(ratio).toBeGreaterThan(7);
    expect(ratio).toBeLessThan(9);
    expect(workOn(large, findAnyCrash)).toBeLessThan(20 * large.length);
  });

  test('lastLines reads back from the end no more than the output holds', () => {
    const work = workOn(large, (output, count) => lastLines(output, TAIL_LINES, TAIL_WIDTH, count));
    expect(work).toBeLessThanOrEqual(large.length);
  });

  test('outputTail masks only a bounded window of the output', () => {
    const masked: string[] = [];
    const tail = outputTail(large, (text) => (masked.push(text), text), false);
    expect(tail.length).toBeLessThanOrEqual(TAIL_LINES);
    expect(masked.length).toBeLessThanOrEqual(1);
    expect(masked.reduce((sum, text) => sum + text.length, 0)).toBeLessThan(TAIL_LINES * 1024);
  });
});

describe('findCrash', () => {
  test.for([
    ['Traceback (most recent call last):\n  File "x.py", line 1', /^a Python traceback/],
    ['\n\npanic: boom\n\ngoroutine 1 [running]:', /^a Go panic \("panic: boom"\)/],
    ['Exception in thread "main" java.lang.RuntimeException', /^an uncaught Java exception/],
    ['\tat com.example.Main.main(Main.java:12)', /^a Java stack trace/],
    ['    at main (file:///tmp/x.mjs:3:9)', /^a JavaScript stack trace/],
    ['    at node:internal/process/task_queues:95:5', /^a JavaScript stack trace/],
    ['Uncaught TypeError: x is not a function', /^an uncaught JavaScript error/],
  ] as const)('recognises %j after a megabyte of blank lines', ([mark, described]) => {
    expect(findCrash(`${'\n'.repeat(MB)}${mark}\n`)).toMatch(described);
  });

  test.for([
    ['an "at" in prose', 'Looked at 3 clients'],
    ['an indented "at" that is no frame', '  at the end of the list'],
    ['an over-long frame', `    at x (/${'a'.repeat(3000)}.js:1:2)`],
  ] as const)('passes over %s', ([, text]) => {
    expect(findCrash(text)).toBeUndefined();
  });
});
