// Which page of the Core API section a new example belongs on, for the scaffold's "Next:" text:
// read from the section's MDX files as they are, so it names the page that shows the operation's
// reference (its `<Operation id="…">`), or failing that a page of the operation's tag, instead of a
// page named by hand that may have moved.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { API_OPERATIONS } from '../api/core-api.ts';
import { mdxTags } from '../mdx-tags.ts';
import { PROJECT_ROOT, SECTION_PAGES_FOLDER } from '../project.ts';

/** One page of the section and the operations whose reference it shows. */
export interface SectionPageOperations {
  /** The page's MDX file, from the project root (`docs/content/core-api/targets.mdx`). */
  file: string;
  /** The operationIds of its `<Operation id="…">` tags, in order. */
  operations: string[];
}

/** The operationIds of the `<Operation id="…">` tags of an MDX page, in order. */
export function operationsOfPage(source: string): string[] {
  return mdxTags(source).flatMap((tag) => (tag.name === 'Operation' && tag.attributes.id !== undefined ? [tag.attributes.id] : []));
}

/** Every MDX page of the section under `root` (a project's folder), with its operations; none when the folder is missing. */
export async function sectionPageOperations(root: string = PROJECT_ROOT): Promise<SectionPageOperations[]> {
  const folder = path.join(root, SECTION_PAGES_FOLDER);
  let files: string[];
  try {
    files = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.mdx')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    files.map(async (file) => ({
      file: path.posix.join(SECTION_PAGES_FOLDER, file.split(path.sep).join('/')),
      operations: operationsOfPage(await readFile(path.join(folder, file), 'utf8')),
    })),
  );
}

/** The tag of `operationId` in the API description, or undefined for an unknown one. */
const tagOf = (operationId: string) => API_OPERATIONS.find((operation) => operation.operationId === operationId)?.tag;

/**
 * The page an example of `operationId` belongs on: the one whose `<Operation>` tags include it, else
 * one that shows another operation of the same tag; undefined when no page does.
 */
export function pageForOperation(pages: readonly SectionPageOperations[], operationId: string): SectionPageOperations | undefined {
  const tag = tagOf(operationId);
  return (
    pages.find((page) => page.operations.includes(operationId)) ??
    (tag === undefined ? undefined : pages.find((page) => page.operations.some((other) => tagOf(other) === tag)))
  );
}
