// A resource's fields, shown once at the top of its page (`<ResourceFields schema="Target">`), which
// the operations' answers link to instead of repeating them; and which resources a tag's operations
// link to, so that a page can be checked to show each of them.
import { bodyFields, type FieldShape } from './field-rows.ts';
import { operationView } from './operation-view.ts';
import { schemaAnchor } from './reference-anchors.ts';
import { resourceSchemas, type ReferenceSource } from './reference-source.ts';

/** What a resource's table shows: its name, anchor, description, assumptions, and every field, nested ones included. */
export interface ResourceView {
  name: string;
  anchor: string;
  description?: string;
  assumed: readonly string[];
  shape: FieldShape;
}

/** The resource schema `name` as its table shows it; throws naming the resources there are. */
export function resourceView(source: ReferenceSource, name: string): ResourceView {
  const schema = resourceSchemas(source).get(name);
  if (schema === undefined)
    throw new Error(`No object schema "${name}" in ${source.description.file} (it has ${[...resourceSchemas(source).keys()].join(', ')})`);
  const fields = bodyFields(schema);
  return {
    name,
    anchor: schemaAnchor(name),
    ...(fields.description !== undefined && { description: fields.description }),
    assumed: fields.assumed,
    shape: fields.shapes[0]!,
  };
}

/** The resources the answers of `tag`'s operations link to (`Target` for Targets), in the order they first appear. */
export function linkedResources(source: ReferenceSource, tag: string): string[] {
  const names = new Set<string>();
  for (const operation of source.operations.filter((each) => each.tag === tag))
    for (const response of operationView(source, operation.operationId).responses)
      for (const shape of response.body?.shapes ?? []) for (const row of shape.rows) if (row.link !== undefined) names.add(row.link);
  return [...names];
}
