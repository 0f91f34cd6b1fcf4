// A request body read as JSON, strictly and safely: UTF-8 or nothing (decoded with `fatal`), nested
// no deeper than a bound (counted before JSON.parse, which recurses), and no key twice in one object
// (JSON.parse would silently keep the last). Each problem is worded as a 400's message names it.
import type { ValidationProblem } from '../api/validation-messages.ts';
import { fieldPath } from '../zod-issues.ts';

/** Deepest nesting of objects and lists a body may have; the API's deepest body nests 2 levels. */
export const MAX_JSON_DEPTH = 32;

/** A parsed body, or the one problem that stopped it. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: ValidationProblem };

const problem = (field: string, message: string, keyword: string): JsonBody => ({
  ok: false,
  problem: { location: 'body', field, message, keyword },
});

/** Parses `bytes` as one JSON value; never throws, and never recurses deeper than `maxDepth`. */
export function parseJsonBody(bytes: Uint8Array, maxDepth = MAX_JSON_DEPTH): JsonBody {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem('body', 'must be UTF-8 text', 'utf-8');
  }
  if (nestingDepth(text) > maxDepth) return problem('body', `must not nest deeper than ${maxDepth} levels`, 'depth');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return problem('body', 'must be valid JSON', 'json');
  }
  const repeated = firstRepeatedKey(text);
  if (repeated) return problem(fieldPath(repeated), 'must be given once', 'duplicate-key');
  return { ok: true, value };
}

/** The index of the quote that closes the string opening at `start` (or the text's length when none does). */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '"') return index;
  }
  return text.length;
}

/** How deep objects and lists nest in `text`, brackets inside strings aside (valid JSON or not). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') index = endOfString(text, index);
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

type Frame = { kind: 'object'; keys: Set<string>; key?: string; expectKey: boolean } | { kind: 'array'; index: number };

/** The path of the first key an object of `text` (valid JSON) holds twice, as written (`"a"` and `"\u0061"` are one key). */
export function firstRepeatedKey(text: string): (string | number)[] | undefined {
  const stack: Frame[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    const top = stack.at(-1);
    if (char === '"') {
      const end = endOfString(text, index);
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(index, end + 1)) as string;
        if (top.keys.has(key)) return [...stack.slice(0, -1).map((frame) => (frame.kind === 'object' ? frame.key! : frame.index)), key];
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      index = end;
    } else if (char === '{') stack.push({ kind: 'object', keys: new Set(), expectKey: true });
    else if (char === '[') stack.push({ kind: 'array', index: 0 });
    else if (char === '}' || char === ']') stack.pop();
    else if (char === ',' && top?.kind === 'object') top.expectKey = true;
    else if (char === ',' && top?.kind === 'array') top.index++;
  }
  return undefined;
}
