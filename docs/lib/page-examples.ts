// Which examples a page shows, read from its MDX syntax tree (every <CodeTabs example="…"> and
// <CodeFile example="…">), for /llms.txt and the status page: the pages say which examples they
// show, and nothing else keeps a list of them.
import { mdxToMdast } from 'satteri';

/** The components that show an example, by the name a page uses them by. */
const EXAMPLE_COMPONENTS = new Set(['CodeTabs', 'CodeFile']);

/** A node of the MDX tree, as much of it as this needs. */
interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
}

/** The ids of the examples the page whose MDX is `source` shows, in the order they first appear. */
export function pageExampleIds(source: string): string[] {
  const ids: string[] = [];
  const visit = (node: MdxNode): void => {
    if (node.type === 'mdxJsxFlowElement' && EXAMPLE_COMPONENTS.has(node.name ?? '')) {
      const example = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'example');
      if (typeof example?.value === 'string' && !ids.includes(example.value)) ids.push(example.value);
    }
    node.children?.forEach(visit);
  };
  visit(mdxToMdast(source, { position: false }) as MdxNode);
  return ids;
}
