// The few sentences a reference section writes around the description's own words, the same in the
// page and in its Markdown twin: how a body's shapes are told apart, and what a body is.
import type { BodyFields } from './field-rows.ts';
import { code } from './schema-words.ts';

/** `One of 2 shapes, told apart by `credentialType`:`, before the shapes of a `oneOf` body. */
export function shapesIntro(body: BodyFields): string {
  const by = body.discriminator === undefined ? '' : `, told apart by ${code(body.discriminator)}`;
  return `One of ${body.shapes.length} shapes${by}:`;
}

/** `when `credentialType` is `proxy``: which shape of a `oneOf` body this is (`shape 2` without a discriminator). */
export function shapeCondition(body: BodyFields, index: number): string {
  const when = body.shapes[index]?.when;
  return when ? `when ${code(when.field)} is ${code(when.value)}` : `shape ${index + 1}`;
}

/** `text` with its first letter in upper case. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `Required, `application/json``: whether a request must send its body, and its media type. */
export function requestBodyLead(required: boolean | undefined, mediaType: string): string {
  return `${required ? 'Required' : 'Optional'}, ${code(mediaType)}.`;
}

/** `The Target object`: the heading of a resource's fields. */
export function resourceTitle(name: string): string {
  return `The ${name} object`;
}
