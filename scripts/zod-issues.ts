// The one way a validation problem is explained, whatever was validated (a manifest, the harness
// report, a component's props): the field, what was expected, and what was found.
import type { z } from 'zod';

/** How the things being validated are named in messages. */
export interface IssueWording {
  /** What one key is called: `field` in files, `prop` for a component's props. */
  key: 'field' | 'prop';
  /** What the whole is called when an unknown key sits at its top level (`the manifest`). */
  whole: string;
  /** The keys allowed at a path, listed when an unknown one is found. */
  knownKeys?: (path: readonly PropertyKey[]) => readonly string[] | undefined;
}

/** Dotted path of an issue (`request.method`, `scenarios.ok.output[0]`). */
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

/** One line per zod issue: `field "x": expected …, found …` (parse with `reportInput: true` so the value found is known). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], wording: IssueWording): string[] {
  return issues.map((issue) => {
    const where = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const at = issue.path.length ? `${wording.key} "${where}"` : wording.whole;
      const known = wording.knownKeys?.(issue.path);
      const expected = known ? `expected only: ${known.join(', ')}` : `expected only the documented ${wording.key}s`;
      return `${at}: unknown ${wording.key}(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}; ${expected}`;
    }
    const expected = issue.message.replace(/^Invalid (?:input|option): /, '').replace(/, received .*$/, '');
    return `${wording.key} "${where}": ${expected}, found ${describeFound(issue.input)}`;
  });
}
