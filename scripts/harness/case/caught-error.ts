// Turning an error the harness caught into something a report can hold. One faulty part (a check
// that throws, a runner whose detect() throws, a build that fails) costs its own cases, never the
// run: those cases fail naming what threw, with the message, the stack and the `cause` chain kept,
// tokens masked and every part bounded, so the harness's own bug can be found from the report.
import { CAUGHT_ERROR_LIMITS, type CaughtError } from '../../report/report-schema.ts';
import { MAX_MESSAGE_LENGTH, showSafely } from '../../secrets/safe-text.ts';

// Causes followed at most, so a cause that points back at its error cannot loop.
const CAUSE_DEPTH = 4;

/** An error's name and message (`TypeError: x is undefined`), or the thrown value as text. */
export function errorHeadline(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : `${typeof error} thrown: ${String(error)}`;
}

/** The causes of `error`, nearest first (at most CAUSE_DEPTH, none twice). */
function causesOf(error: unknown): unknown[] {
  const causes: unknown[] = [];
  let current = error instanceof Error ? error.cause : undefined;
  while (current !== undefined && causes.length < CAUSE_DEPTH && current !== error && !causes.includes(current)) {
    causes.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return causes;
}

/** One line: the error's headline and its causes' (`TypeError: a; caused by Error: b`). */
export function errorSummary(error: unknown): string {
  return [error, ...causesOf(error)].map(errorHeadline).join('; caused by ');
}

/** What a report keeps of an error caught at `where`: masked for `secrets` (and anything token-shaped), bounded. */
export function caughtError(where: string, error: unknown, secrets: readonly string[] = []): CaughtError {
  const show = (text: string, limit: number) => showSafely(text, secrets, limit);
  const stack = error instanceof Error && error.stack ? error.stack : undefined;
  const causes = causesOf(error);
  const cause = causes.map((each) => (each instanceof Error && each.stack ? each.stack : errorHeadline(each))).join('\ncaused by ');
  return {
    where: show(where, 200),
    message: show(errorHeadline(error), MAX_MESSAGE_LENGTH),
    ...(stack ? { stack: show(stack, CAUGHT_ERROR_LIMITS.stack) } : {}),
    ...(causes.length ? { cause: show(cause, CAUGHT_ERROR_LIMITS.cause) } : {}),
  };
}

/** `errors`, at most as many as a report keeps. */
export function boundedErrors(errors: readonly CaughtError[]): CaughtError[] {
  return errors.slice(0, CAUGHT_ERROR_LIMITS.errors);
}
