// Which examples a page shows, read from its MDX syntax tree (every <CodeTabs example="…"> and
// <CodeFile example="…">), and in which operation's section (<Operation id="…">) each one sits, for
// /llms.txt and the status page: the pages say which examples they show, and nothing else keeps a
// list of them. The build also reads which files they show, to highlight them ahead of the pages
// (see the code-highlight integration).
import { mdxTags } from '../../scripts/site-surface.ts';

/** The components that show an example, by the name a page uses them by. */
const EXAMPLE_COMPONENTS = new Set(['CodeTabs', 'CodeFile']);

/** One example a page shows, and the operation whose section holds it there (none outside every <Operation>). */
export interface PageExample {
  example: string;
  operation?: string;
}

/** The examples the page whose MDX is `source` shows, in the order they first appear, each with its operation's section. */
export function pageExamples(source: string): PageExample[] {
  const found: PageExample[] = [];
  for (const { name, attributes, operation } of mdxTags(source)) {
    const example = EXAMPLE_COMPONENTS.has(name) ? attributes.example : undefined;
    if (example !== undefined && !found.some((entry) => entry.example === example))
      found.push(operation === undefined ? { example } : { example, operation });
  }
  return found;
}

/** One file or example a page shows: `<CodeTabs example>` (file undefined: every language) or `<CodeFile example file>`. */
export interface ShownCode {
  component: 'CodeTabs' | 'CodeFile';
  example: string;
  file?: string;
}

/** Every <CodeTabs> and <CodeFile> of the page whose MDX is `source` with a string `example`, in page order. */
export function pageShownCode(source: string): ShownCode[] {
  return mdxTags(source).flatMap(({ name, attributes }) => {
    if (!EXAMPLE_COMPONENTS.has(name) || attributes.example === undefined) return [];
    const component = name as ShownCode['component'];
    const file = component === 'CodeFile' ? attributes.file : undefined;
    return [{ component, example: attributes.example, ...(file !== undefined ? { file } : {}) }];
  });
}

/** The ids of the examples the page whose MDX is `source` shows, in the order they first appear. */
export function pageExampleIds(source: string): string[] {
  return pageExamples(source).map((entry) => entry.example);
}
