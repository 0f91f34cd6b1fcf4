// What one schema says, in the words a reference table shows: its type (`string (uuid)`, `array of
// string`), its constraints (allowed values, pattern, lengths, bounds, what a value must be in
// words), whether it is read-only, write-only or secret, and its default. Inline code is written
// with backticks, which both the HTML (inlineHtml) and the Markdown twin understand.
import type { JsonSchema } from '../../../scripts/site-surface.ts';

/** A schema object, or undefined for a boolean schema. */
export function schemaObject(schema: JsonSchema | undefined): Record<string, unknown> | undefined {
  return typeof schema === 'object' && schema !== null ? schema : undefined;
}

/** `value` as inline code: its JSON for anything but a string, with a fence longer than any backticks inside. */
export function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 || text.startsWith(' ') ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** The type of a value of `schema`: `string (uuid)`, `integer`, `array of string`, `string or null`, `never`. */
export function typeWords(schema: JsonSchema | undefined): string {
  const node = schemaObject(schema);
  if (schema === false) return 'never';
  if (!node) return 'any';
  const alternatives = (node.oneOf ?? node.anyOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives)) return `one of ${alternatives.map(typeWords).join(', ')}`;
  const types = Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === 'string' ? [node.type] : [];
  if (types.length === 0) {
    if ('const' in node) return typeof node.const === 'number' ? 'number' : typeof node.const;
    if (Array.isArray(node.enum)) return [...new Set(node.enum.map((value) => (value === null ? 'null' : typeof value)))].join(' or ');
    return node.properties ? 'object' : 'any';
  }
  return types
    .map((type) => {
      if (type === 'array') return `array of ${typeWords(node.items as JsonSchema | undefined)}`;
      if (type === 'object' && !node.properties && schemaObject(node.additionalProperties as JsonSchema))
        return `object of ${typeWords(node.additionalProperties as JsonSchema)} values`;
      return typeof node.format === 'string' && type !== 'null' ? `${type} (${node.format})` : type;
    })
    .join(' or ');
}

/** `1 character`, `2 characters`. */
function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** A range in words: `from 1 to 1000`, `at least 1`, `at most 5`. */
function range(min: unknown, max: unknown, unit?: string): string | undefined {
  const words = (n: number) => (unit ? count(n, unit) : String(n));
  if (typeof min === 'number' && typeof max === 'number') return min === max ? `exactly ${words(min)}` : `from ${min} to ${words(max)}`;
  if (typeof min === 'number') return unit === 'character' && min === 1 ? 'not empty' : `at least ${words(min)}`;
  if (typeof max === 'number') return `at most ${words(max)}`;
  return undefined;
}

/** Everything `schema` constrains a value to, one phrase each, in a fixed order. */
export function constraintWords(schema: JsonSchema | undefined): string[] {
  const node = schemaObject(schema);
  if (schema === false) return ['never present'];
  if (!node) return [];
  const words: string[] = [];
  if ('const' in node) words.push(`always ${code(node.const)}`);
  if (Array.isArray(node.enum)) words.push(`one of ${node.enum.map(code).join(', ')}`);
  if (typeof node['x-expected'] === 'string') words.push(node['x-expected']);
  if (typeof node.pattern === 'string') words.push(`pattern ${code(node.pattern)}`);
  words.push(
    ...[
      range(node.minLength, node.maxLength, 'character'),
      range(node.minimum, node.maximum),
      typeof node.exclusiveMinimum === 'number' ? `more than ${node.exclusiveMinimum}` : undefined,
      typeof node.exclusiveMaximum === 'number' ? `less than ${node.exclusiveMaximum}` : undefined,
      range(node.minItems, node.maxItems, 'item'),
      node.uniqueItems === true ? 'no item twice' : undefined,
      range(node.minProperties, node.maxProperties, 'field'),
    ].filter((phrase): phrase is string => phrase !== undefined),
  );
  const items = schemaObject(node.items as JsonSchema);
  if (items && !items.properties) words.push(...constraintWords(items).map((phrase) => `each item: ${phrase}`));
  const values = schemaObject(node.additionalProperties as JsonSchema);
  if (values && !node.properties) words.push(...constraintWords(values).map((phrase) => `each value: ${phrase}`));
  return words;
}

/** What a reader must know of how a value travels: `read-only`, `write-only`, `secret`. */
export function flagWords(schema: JsonSchema | undefined): string[] {
  const node = schemaObject(schema);
  if (!node) return [];
  return [node.readOnly === true && 'read-only', node.writeOnly === true && 'write-only', node['x-secret'] === true && 'secret'].filter(
    (flag): flag is string => typeof flag === 'string',
  );
}

/** The default value as inline code, or undefined when the schema names none. */
export function defaultWords(schema: JsonSchema | undefined): string | undefined {
  const node = schemaObject(schema);
  return node && 'default' in node ? code(node.default) : undefined;
}

/** The reason of the schema's own `x-assumed`, as a list (empty when it assumes nothing). */
export function assumedOf(node: unknown): string[] {
  const reason = schemaObject(node as JsonSchema)?.['x-assumed'];
  return typeof reason === 'string' ? [reason] : [];
}
