// The logic behind <Operation> and <ResourceFields>: their props, checked against the description
// and the page. An unknown operationId or schema, or one of another tag than the page's, stops the
// build with a message naming the page, the prop, what it received and the ids it could be.
import { z } from 'zod';
import { describeIssues, displayPath } from '../../scripts/site-surface.ts';
import { PropsError } from '../lib/props.ts';
import { operationView, type OperationView } from '../lib/reference/operation-view.ts';
import { tagOfPage } from '../lib/reference/reference-anchors.ts';
import { resourceSchemas, type ReferenceSource } from '../lib/reference/reference-source.ts';
import { linkedResources, resourceView, type ResourceView } from '../lib/reference/resource-view.ts';
import { resourceTitle } from '../lib/reference/reference-words.ts';

/** A reference component used with props it cannot show; the message names the page too. */
export class ReferencePropsError extends PropsError {
  constructor(component: string, page: string, problems: readonly string[]) {
    super(component, problems);
    this.name = 'ReferencePropsError';
    this.message = `<${component}> on the page ${page} has invalid props:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`;
  }
}

/** The level of a section's heading: 2 (default) or 3. */
const LevelSchema = z.union([z.literal(2), z.literal(3)], { error: 'expected 2 or 3 as a number (level={3})' }).default(2);

/** `<Operation id="createTarget" level={3}>`: the operation's id in the description. */
export const OperationPropsSchema = z.strictObject({
  id: z.string({ error: 'expected the operationId of an operation in the API description (a string)' }).min(1),
  level: LevelSchema,
});

/** `<ResourceFields schema="Target" level={3}>`: the name of a schema in `components.schemas`. */
export const ResourceFieldsPropsSchema = z.strictObject({
  schema: z.string({ error: 'expected the name of a schema in the API description (a string)' }).min(1),
  level: LevelSchema,
});

/** What a checked reference component renders: its view and its heading's level. */
export interface Checked<View> {
  view: View;
  level: 2 | 3;
}

/** Props parsed by `schema`; throws ReferencePropsError naming the page. */
function parsed<Schema extends z.ZodType>(component: string, schema: Schema, props: unknown, page: string): z.output<Schema> {
  const own =
    typeof props === 'object' && props !== null
      ? Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith('data-astro-')))
      : props;
  const result = schema.safeParse(own, { reportInput: true });
  if (result.success) return result.data;
  throw new ReferencePropsError(component, page, describeIssues(result.error.issues, { key: 'prop', whole: `<${component}>` }));
}

/** The section of operation `props.id` on the page at `page` (a URL path); throws when the page cannot show it. */
export function checkedOperation(source: ReferenceSource, props: unknown, page: string): Checked<OperationView> {
  const { id, level } = parsed('Operation', OperationPropsSchema, props, page);
  const tag = tagOfPage(page, source.tags);
  const allowed = source.operations.filter((operation) => tag === undefined || operation.tag === tag);
  const found = source.operations.find((operation) => operation.operationId === id);
  if (!found || !allowed.includes(found)) {
    const expected = tag === undefined ? 'the operationId of an operation' : `the operationId of an operation tagged ${tag}`;
    const other = found ? `, an operation tagged ${found.tag}` : '';
    throw new ReferencePropsError('Operation', page, [
      `prop "id": expected ${expected} in ${displayPath(source.description.file)} (${allowed.map((each) => each.operationId).join(', ')}), found "${id}"${other}`,
    ]);
  }
  return { view: operationView(source, id), level };
}

/** The fields of resource `props.schema` on the page at `page`; on a tag's page, only a resource its operations return. */
export function checkedResource(source: ReferenceSource, props: unknown, page: string): Checked<ResourceView> {
  const { schema, level } = parsed('ResourceFields', ResourceFieldsPropsSchema, props, page);
  const tag = tagOfPage(page, source.tags);
  const allowed = tag === undefined ? [...resourceSchemas(source).keys()] : linkedResources(source, tag);
  if (!allowed.includes(schema)) {
    const expected = tag === undefined ? 'the name of an object schema' : `the name of a resource the ${tag} operations return`;
    throw new ReferencePropsError('ResourceFields', page, [
      `prop "schema": expected ${expected} in ${displayPath(source.description.file)} (${allowed.join(', ')}), found "${schema}"`,
    ]);
  }
  return { view: resourceView(source, schema), level };
}

/** A heading as Astro reports a page's headings (MarkdownHeading), for a table of contents. */
export interface ReferenceHeading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * The heading a reference tag renders (`{ depth: 2, slug: 'createTarget', text: 'Create a target' }`),
 * which Astro's list of an MDX page's headings leaves out; undefined for another tag.
 */
export function referenceHeading(source: ReferenceSource, tag: string, props: unknown, page: string): ReferenceHeading | undefined {
  if (tag === 'Operation') {
    const { view, level } = checkedOperation(source, props, page);
    return { depth: level, slug: view.anchor, text: view.summary };
  }
  if (tag === 'ResourceFields') {
    const { view, level } = checkedResource(source, props, page);
    return { depth: level, slug: view.anchor, text: resourceTitle(view.name) };
  }
  return undefined;
}
