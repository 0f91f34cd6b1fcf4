// Recognises the marks a crash leaves in a program's output, in each language. The output is read
// once, line by line, and every mark is a test on one line that cannot backtrack across lines, so
// the work grows linearly with the output, whatever a program prints.

/** Told how many characters each step looked at, so a test can prove the work grows linearly. */
export type WorkCounter = (characters: number) => void;

/** A stack frame or dump header is never longer than this; longer lines are not read as one. */
const MAX_FRAME_LINE = 2048;

/**
 * Marks of an unhandled error, each tested on one line (without its newline, so `^` and `$` are
 * the line's ends), with the language or runtime that prints them. `anchor` is text every line
 * the mark matches contains: only lines holding it are tested.
 */
const CRASH_MARKS: ReadonlyArray<{ pattern: RegExp | ((line: string) => boolean); what: string; anchor?: string }> = [
  { pattern: /Traceback \(most recent call last\)/, anchor: 'Traceback (most recent call last)', what: 'a Python traceback' },
  { pattern: /^panic: /, anchor: 'panic: ', what: 'a Go panic' },
  { pattern: /^goroutine \d+ \[/, anchor: 'goroutine ', what: 'a Go goroutine dump' },
  { pattern: /Exception in thread "/, anchor: 'Exception in thread "', what: 'an uncaught Java exception' },
  {
    pattern: (line) => isFrame(line) && /^[ \t]+at [\w$.<>]+\((?:[\w$.]+\.java:\d+|Native Method|Unknown Source)\)$/.test(line),
    anchor: 'at ',
    what: 'a Java stack trace',
  },
  { pattern: (line) => isFrame(line) && isJavaScriptFrame(line), anchor: 'at ', what: 'a JavaScript stack trace' },
  { pattern: /\bUncaught\b/, anchor: 'Uncaught', what: 'an uncaught JavaScript error' },
  { pattern: /\[UnhandledPromiseRejection/, anchor: '[UnhandledPromiseRejection', what: 'an uncaught JavaScript error' },
];

/** An indented `at …` line short enough to be a stack frame. */
const isFrame = (line: string) => line.length <= MAX_FRAME_LINE && /^[ \t]+at /.test(line);

/** `    at fn (file:///x.mjs:3:9)`, `    at node:internal/x:1:2`, `    at /abs/x.js:3:9`. */
function isJavaScriptFrame(line: string): boolean {
  const rest = line.trimStart().slice('at '.length);
  const location = rest.endsWith(')') && rest.includes(' (') ? rest.slice(rest.lastIndexOf(' (') + 2, -1) : rest;
  return /^(?:file:\/\/|node:|\/)/.test(location) && !/\s/.test(location) && /:\d+:\d+$/.test(location);
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

/** Describes the first crash mark in `output` (in the order of CRASH_MARKS) with the line it was found on, or undefined. */
export function findCrash(output: string, countWork: WorkCounter = () => {}): string | undefined {
  for (const { pattern, what, anchor } of CRASH_MARKS) {
    const test = typeof pattern === 'function' ? pattern : (line: string) => pattern.test(line);
    const found = firstLine(output, test, anchor, countWork);
    if (found === undefined) continue;
    const line = found.trim();
    return `${what} ("${line.length > 100 ? `${line.slice(0, 97)}...` : line}")`;
  }
  return undefined;
}
