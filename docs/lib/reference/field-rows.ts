// A body's schema as the rows of a reference table: one row per field, nested fields as `a.b` and
// array items as `a[].b`, each with its type, whether it is required, its default, constraints,
// flags, description and assumptions. A `oneOf` body gives one shape per alternative, named by the
// value of its discriminator, never one merged table. In a response, a field holding a resource
// that has its own table (`<ResourceFields>`) links to it instead of repeating it.
import { isDeepStrictEqual } from 'node:util';
import type { JsonSchema } from '../../../scripts/site-surface.ts';
import { schemaAnchor } from './reference-anchors.ts';
import { assumedOf, constraintWords, defaultWords, flagWords, schemaObject, typeWords } from './schema-words.ts';

/** One row of a field or parameter table. Text may hold inline code (backticks) and `[Name](#anchor)` links. */
export interface FieldRow {
  /** `targetName`, `credentialSecret`, `clientMembers[].userId`. */
  name: string;
  /** 0 for a top-level field, 1 under it, and so on. */
  depth: number;
  /** Where a parameter goes (path, query, header); undefined for a body's field. */
  in?: 'path' | 'query' | 'header';
  type: string;
  /** The named schema the type links to (`Target`), shown in its own table instead of here. */
  link?: string;
  required: boolean;
  /** The default value as inline code. */
  defaultValue?: string;
  constraints: readonly string[];
  /** `read-only`, `write-only`, `secret`. */
  flags: readonly string[];
  description?: string;
  /** The reasons of the assumptions made at this field. */
  assumed: readonly string[];
}

/** One shape of a body: the whole body, or one alternative of a `oneOf`. */
export interface FieldShape {
  /** For an alternative: the discriminator field and the value that selects it (`credentialType` = `proxy`). */
  when?: { field: string; value: string };
  description?: string;
  assumed: readonly string[];
  rows: readonly FieldRow[];
  /** What holds for the object as a whole: `No other fields are allowed.`, `At least 1 field.` */
  notes: readonly string[];
}

/** A body's fields: its own description and assumptions, and one shape, or one per alternative. */
export interface BodyFields {
  description?: string;
  assumed: readonly string[];
  /** The field whose value picks the alternative, for a `oneOf` body with a discriminator. */
  discriminator?: string;
  shapes: readonly FieldShape[];
}

/** How to lay a schema out: the named schemas to link to instead of expanding (responses only). */
export interface FieldOptions {
  linked?: ReadonlyMap<string, JsonSchema>;
}

const properties = (node: Record<string, unknown> | undefined) => (node?.properties ?? {}) as Record<string, JsonSchema>;
const requiredNames = (node: Record<string, unknown> | undefined) => (Array.isArray(node?.required) ? (node.required as string[]) : []);

/** The name of the linked schema `schema` is (deep-equal to), or undefined. */
function linkedName(schema: JsonSchema | undefined, options: FieldOptions): string | undefined {
  if (!options.linked || schema === undefined) return undefined;
  for (const [name, named] of options.linked) if (isDeepStrictEqual(schema, named)) return name;
  return undefined;
}

/** What the object as a whole allows: closed to other fields, or a least and most number of fields. */
function objectNotes(node: Record<string, unknown> | undefined): string[] {
  const notes: string[] = [];
  if (node?.additionalProperties === false) notes.push('No other fields are allowed.');
  if (typeof node?.minProperties === 'number') notes.push(`At least ${node.minProperties} field${node.minProperties === 1 ? '' : 's'}.`);
  if (typeof node?.maxProperties === 'number') notes.push(`At most ${node.maxProperties} field${node.maxProperties === 1 ? '' : 's'}.`);
  return notes;
}

/** The rows of one field and, unless it links to a named schema, of the fields below it. */
function fieldRows(name: string, schema: JsonSchema, required: boolean, depth: number, options: FieldOptions): FieldRow[] {
  const node = schemaObject(schema);
  const items = schemaObject(node?.items as JsonSchema);
  const linked = linkedName(schema, options);
  const linkedItems = linked === undefined && items ? linkedName(items, options) : undefined;
  const link = (named: string) => `[${named}](#${schemaAnchor(named)})`;
  const row: FieldRow = {
    name,
    depth,
    type: linked ? link(linked) : linkedItems ? `array of ${link(linkedItems)}` : typeWords(schema),
    ...((linked ?? linkedItems) !== undefined && { link: (linked ?? linkedItems)! }),
    required,
    ...(defaultWords(schema) !== undefined && { defaultValue: defaultWords(schema)! }),
    constraints: [
      ...(linked || linkedItems ? [] : constraintWords(schema)),
      ...(depth > 0 && node?.additionalProperties === false && node.properties ? ['no other fields'] : []),
    ],
    flags: flagWords(schema),
    ...(typeof (node?.description ?? items?.description) === 'string' && {
      description: (node?.description ?? items?.description) as string,
    }),
    assumed: linked ? [] : [...assumedOf(node), ...(linkedItems ? [] : assumedOf(items))],
  };
  if (linked || linkedItems) return [row];
  const below = node?.properties
    ? { prefix: `${name}.`, object: node }
    : items?.properties
      ? { prefix: `${name}[].`, object: items }
      : undefined;
  if (!below) return [row];
  return [row, ...objectRows(below.object, below.prefix, depth + 1, options)];
}

/** The rows of every field of an object, in the description's order. */
function objectRows(node: Record<string, unknown> | undefined, prefix: string, depth: number, options: FieldOptions): FieldRow[] {
  const required = requiredNames(node);
  return Object.entries(properties(node)).flatMap(([key, schema]) =>
    fieldRows(prefix + key, schema, required.includes(key), depth, options),
  );
}

/** The value of `field` that selects an alternative (its `const`, or its only `enum` value). */
function selectorValue(alternative: Record<string, unknown> | undefined, field: string): string | undefined {
  const selector = schemaObject(properties(alternative)[field]);
  if (selector && 'const' in selector) return String(selector.const);
  if (Array.isArray(selector?.enum) && selector.enum.length === 1) return String(selector.enum[0]);
  return undefined;
}

/** A body's schema as tables: one shape for an object, one per alternative for a `oneOf` (or `anyOf`). */
export function bodyFields(schema: JsonSchema, options: FieldOptions = {}): BodyFields {
  const node = schemaObject(schema);
  const intro = {
    ...(typeof node?.description === 'string' && { description: node.description }),
    assumed: assumedOf(node),
  };
  const alternatives = (node?.oneOf ?? node?.anyOf) as JsonSchema[] | undefined;
  if (!Array.isArray(alternatives))
    return { ...intro, shapes: [{ assumed: [], rows: objectRows(node, '', 0, options), notes: objectNotes(node) }] };
  const discriminator = schemaObject(node?.discriminator as JsonSchema)?.propertyName;
  const field = typeof discriminator === 'string' ? discriminator : undefined;
  const shapes = alternatives.map((alternative): FieldShape => {
    const each = schemaObject(alternative);
    const value = field === undefined ? undefined : selectorValue(each, field);
    return {
      ...(field !== undefined && value !== undefined && { when: { field, value } }),
      ...(typeof each?.description === 'string' && { description: each.description }),
      assumed: assumedOf(each),
      rows: objectRows(each, '', 0, options),
      notes: objectNotes(each),
    };
  });
  return { ...intro, ...(field !== undefined && { discriminator: field }), shapes };
}

/** A column of a field table in Markdown (the page folds the default and constraints into the description). */
export type FieldColumn = 'name' | 'in' | 'type' | 'required' | 'default' | 'constraints' | 'description';

/** Who a table is about: a request's parameters or body (`Required`), or what the API returns (`Always present`). */
export type TableAudience = 'parameters' | 'request' | 'response';

/** The columns of a field table in Markdown, and their headers: In, Default and Constraints only when a row has one. */
export function columnsOf(rows: readonly FieldRow[], audience: TableAudience): { key: FieldColumn; label: string }[] {
  const columns: { key: FieldColumn; label: string }[] = [{ key: 'name', label: audience === 'parameters' ? 'Name' : 'Field' }];
  if (rows.some((row) => row.in !== undefined)) columns.push({ key: 'in', label: 'In' });
  columns.push({ key: 'type', label: 'Type' }, { key: 'required', label: audience === 'response' ? 'Always present' : 'Required' });
  if (rows.some((row) => row.defaultValue !== undefined)) columns.push({ key: 'default', label: 'Default' });
  if (rows.some((row) => row.constraints.length > 0)) columns.push({ key: 'constraints', label: 'Constraints' });
  columns.push({ key: 'description', label: 'Description' });
  return columns;
}

/**
 * Whether the field must be there, in the words of the page's table (`required`, `optional`; for what
 * the API returns `always present`); nothing for a field that is never there (its constraint says so).
 */
export function presenceWords(row: FieldRow, audience: TableAudience): string | undefined {
  if (row.required) return audience === 'response' ? 'always present' : 'required';
  return row.type === 'never' ? undefined : 'optional';
}
