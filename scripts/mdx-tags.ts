// The JSX tags of an MDX page, read from its syntax tree in one walk that the site (the examples a
// page shows, its table of contents, the status page) and the scaffold (which page shows an
// operation) share, each tag with the `<Operation id="…">` section it sits in.
import { mdxToMdast } from 'satteri';

/** A node of the MDX tree, as much of it as the readers of a page need. */
export interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
}

/** The string value of a JSX element's attribute `name`, or undefined when it is absent or an expression. */
export function stringAttribute(node: MdxNode, name: string): string | undefined {
  const found = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** Calls `visit` on every node of the MDX `source` in document order, with the id of the `<Operation>` it sits in. */
export function walkMdx(source: string, visit: (node: MdxNode, operation: string | undefined) => void): void {
  const walk = (node: MdxNode, operation: string | undefined): void => {
    visit(node, operation);
    const inside = node.type === 'mdxJsxFlowElement' && node.name === 'Operation' ? (stringAttribute(node, 'id') ?? operation) : operation;
    node.children?.forEach((child) => walk(child, inside));
  };
  walk(mdxToMdast(source, { position: false }) as MdxNode, undefined);
}

/** A block-level JSX tag of a page: its name, its string attributes, and the operation whose section holds it. */
export interface MdxTag {
  name: string;
  attributes: Record<string, string>;
  operation?: string;
}

/** Every block-level JSX tag of the MDX `source` (`<CodeTabs>`, `<Operation>`, …), in document order. */
export function mdxTags(source: string): MdxTag[] {
  const tags: MdxTag[] = [];
  walkMdx(source, (node, operation) => {
    if (node.type !== 'mdxJsxFlowElement' || !node.name) return;
    const attributes: Record<string, string> = {};
    for (const attribute of node.attributes ?? [])
      if (attribute.type === 'mdxJsxAttribute' && attribute.name && typeof attribute.value === 'string')
        attributes[attribute.name] = attribute.value;
    tags.push({ name: node.name, attributes, ...(operation !== undefined && { operation }) });
  });
  return tags;
}
