// Turns zod issues into messages that name the file, the field, what was found and what was expected.
import type { z } from 'zod';
import { displayPath } from '../paths.ts';

/** A manifest or example folder that cannot be used; its message is meant for the contributor. */
export class ManifestError extends Error {
  readonly file: string;
  constructor(file: string, problems: readonly string[]) {
    super(`${displayPath(file)}: invalid example manifest\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ManifestError';
    this.file = file;
  }
}

/** Dotted field path of an issue (`request.method`, `scenarios.ok.output[0]`). */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text || '(top level)';
}

/** A short rendering of the value that was found. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  const shown = json.length > 60 ? `${json.slice(0, 57)}...` : json;
  return `${shown} (${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value})`;
}

/** One line per zod issue: field, what was expected, what was found; `knownFields` lists the fields allowed at a path. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  knownFields: (path: readonly PropertyKey[]) => readonly string[] | undefined = () => undefined,
): string[] {
  return issues.map((issue) => {
    const field = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? `field "${field}"` : 'the manifest';
      const known = knownFields(issue.path);
      const expected = known ? `expected only: ${known.join(', ')}` : 'expected only the documented fields';
      return `${where}: unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}; ${expected}`;
    }
    const expected = issue.message.replace(/^Invalid (?:input|option): /, '').replace(/, received .*$/, '');
    return `field "${field}": ${expected}, found ${describeFound(issue.input)}`;
  });
}
