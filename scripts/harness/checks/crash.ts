// Recognises the marks a crash leaves in a program's output, in each language.

/** Patterns of an unhandled error, with the language or runtime that prints them. */
const CRASH_MARKS: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /Traceback \(most recent call last\)/, what: 'a Python traceback' },
  { pattern: /^panic: /m, what: 'a Go panic' },
  { pattern: /^goroutine \d+ \[/m, what: 'a Go goroutine dump' },
  { pattern: /Exception in thread "/, what: 'an uncaught Java exception' },
  { pattern: /^\s+at [\w$.<>]+\((?:[\w$.]+\.java:\d+|Native Method|Unknown Source)\)$/m, what: 'a Java stack trace' },
  { pattern: /^\s+at (?:.+ \()?(?:file:\/\/|node:|\/)\S*:\d+:\d+\)?$/m, what: 'a JavaScript stack trace' },
  { pattern: /\bUncaught\b|\[UnhandledPromiseRejection/, what: 'an uncaught JavaScript error' },
];

/** Describes the first crash mark in `output` with the line it was found on, or undefined. */
export function findCrash(output: string): string | undefined {
  for (const { pattern, what } of CRASH_MARKS) {
    const match = pattern.exec(output);
    if (!match) continue;
    const lineStart = output.lastIndexOf('\n', match.index) + 1;
    const lineEnd = output.indexOf('\n', match.index);
    const line = output.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
    return `${what} ("${line.length > 100 ? `${line.slice(0, 97)}...` : line}")`;
  }
  return undefined;
}
