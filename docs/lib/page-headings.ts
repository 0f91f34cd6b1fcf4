// A page's headings for its table of contents, in the order the page shows them: Astro's list of
// the MDX page's own headings, with the headings the reference tags render (<Operation>,
// <ResourceFields>) put in their places. Astro cannot see those, since a component renders them;
// they are found in the page's MDX syntax tree and named by referenceHeading(), so the entry and the
// section it links to come from the same description.
import { walkMdx, type MdxNode } from '../../scripts/site-surface.ts';
import { referenceHeading, type ReferenceHeading } from '../components/reference-props.ts';
import type { ReferenceSource } from './reference/reference-source.ts';

/** The props of a tag as written: strings as they are, `{3}` as a number, any other expression as its code. */
function writtenProps(node: MdxNode): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    const { value } = attribute;
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else {
      const code = String((value as { value?: unknown }).value ?? '').trim();
      props[attribute.name] = /^-?\d+$/.test(code) ? Number(code) : code;
    }
  }
  return props;
}

/**
 * Every heading of the page whose MDX is `source` and whose URL path is `page`: `markdownHeadings`
 * (what Astro found, in order) merged in document order with the heading of each reference tag.
 * Throws, naming the page, when a reference tag's props are not ones the page can show.
 */
export function pageHeadings(
  source: string,
  markdownHeadings: readonly ReferenceHeading[],
  reference: ReferenceSource,
  page: string,
): ReferenceHeading[] {
  const pending = [...markdownHeadings];
  const headings: ReferenceHeading[] = [];
  walkMdx(source, (node) => {
    if (node.type === 'heading') {
      const next = pending.shift();
      if (next) headings.push(next);
    }
    if (node.type === 'mdxJsxFlowElement' && node.name) {
      const found = referenceHeading(reference, node.name, writtenProps(node), page);
      if (found) headings.push(found);
    }
  });
  return [...headings, ...pending];
}
