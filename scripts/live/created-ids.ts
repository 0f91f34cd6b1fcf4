// The records a write example's program created, read from what it printed: the harness cannot see
// inside the program's TLS, so a create's new id is taken where the manifest's expected output puts
// it (`Created target {targetId}`), in the shape of that kind's ids. The cleanup deletes them.
import type { ExampleStep } from '../manifest/example-steps.ts';
import { PLACEHOLDER } from '../manifest/example-steps.ts';
import { idPatternOf, kindOfParameter } from './resource-kinds.ts';

/** One record a program said it created. */
export interface CreatedId {
  parameter: string;
  collection: string;
  id: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ids the program printed where `texts` (the expected output, other placeholders filled) put a created record's id. */
export function createdIdsIn(steps: readonly ExampleStep[], texts: readonly string[], output: string): CreatedId[] {
  const found: CreatedId[] = [];
  for (const step of steps) {
    const parameter = step.creates;
    const kind = parameter === undefined ? undefined : kindOfParameter(parameter);
    if (parameter === undefined || kind === undefined) continue;
    const idPattern = `(${idPatternOf(kind)})`;
    for (const text of texts) {
      if (!text.includes(`{${parameter}}`)) continue;
      const source = text
        .split(PLACEHOLDER)
        .map((part, index) => (index % 2 === 1 ? (part === parameter ? idPattern : '.*?') : escape(part)))
        .join('');
      for (const match of output.matchAll(new RegExp(source, 'g'))) {
        const id = match[1];
        if (id !== undefined && !found.some((each) => each.id === id)) found.push({ parameter, collection: kind.collection, id });
      }
    }
  }
  return found;
}
