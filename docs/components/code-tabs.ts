// The logic behind <CodeTabs>: find an example, check it has a file in every language, and put
// its files in tab order with their labels and grammars, read byte for byte from disk.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  type Example,
  EXAMPLE_ID_PATTERN,
  type LanguageId,
  LANGUAGES,
  loadExample,
  MANIFEST_FILE,
  readExampleFile,
} from '../../scripts/site-surface.ts';

/** The props of <CodeTabs>, for the page and its Markdown twin alike. */
export const CodeTabsPropsSchema = z.strictObject({
  example: z.string({ error: 'expected the id of an example, the name of its folder under snippets/ (a string)' }).min(1),
});

/** One tab before its file is read: which language, its label, and the file to show. */
export interface PlannedTab {
  language: LanguageId;
  /** Tab label shown to readers ("JavaScript", "curl"). */
  label: string;
  /** Shiki grammar that highlights the file. */
  grammar: string;
  /** File name shown above the code. */
  fileName: string;
  /** Absolute path of the file. */
  path: string;
}

/** One tab with the file's exact text. */
export interface CodeTab extends PlannedTab {
  code: string;
}

/** An example the guide cannot show; the message names the example, what is wrong and where it looked. */
export class CodeTabsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodeTabsError';
  }
}

/** "JavaScript (.js or .mjs)": how a language's file is recognised, for error messages. */
function describeLanguage(language: (typeof LANGUAGES)[number]): string {
  return `${language.label} (${language.extensions.join(' or ')})`;
}

/** Orders an example's files as tabs (JavaScript, Python, Go, Java, curl); throws when a language has no file. */
export function planTabs(example: Example): PlannedTab[] {
  const missing = LANGUAGES.filter((language) => !example.files.some((file) => file.language === language.id));
  if (missing.length > 0) {
    const found = example.files.map((file) => file.name).join(', ') || 'no snippet files';
    throw new CodeTabsError(
      `<CodeTabs example="${example.id}">: the example has no file for ${missing.map(describeLanguage).join(', ')}.\n` +
        `  Looked in ${example.dir} and found ${found}.\n` +
        `  Every example needs one file in each of: ${LANGUAGES.map((language) => language.label).join(', ')}.`,
    );
  }
  return LANGUAGES.map((language) => {
    const file = example.files.find((candidate) => candidate.language === language.id)!;
    return { language: language.id, label: language.label, grammar: language.grammar, fileName: file.name, path: file.path };
  });
}

/** Ids of the examples under `root` (folders with a manifest), for "did you mean" messages. */
export async function listExampleIds(root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { withFileTypes: true });
    const ids: string[] = [];
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      if ((await stat(path.join(root, entry.name, MANIFEST_FILE)).catch(() => undefined))?.isFile()) ids.push(entry.name);
    }
    return ids;
  } catch {
    return [];
  }
}

/** Finds and loads example `id` under `root`; throws CodeTabsError for an unknown example. */
export async function findExample(root: string, id: string): Promise<Example> {
  const dir = path.join(root, id);
  const known = await listExampleIds(root);
  const knownText = known.length > 0 ? `Known examples: ${known.join(', ')}.` : 'No examples were found there.';
  if (!EXAMPLE_ID_PATTERN.test(id)) {
    throw new CodeTabsError(
      `<CodeTabs example="${id}">: "${id}" is not an example id; expected the name of a folder under ${root} ` +
        `(lower-case words joined by dashes). ${knownText}`,
    );
  }
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    throw new CodeTabsError(`<CodeTabs example="${id}">: unknown example "${id}": there is no folder ${dir}.\n  ${knownText}`);
  }
  if (!known.includes(id)) {
    throw new CodeTabsError(
      `<CodeTabs example="${id}">: the folder ${dir} has no ${MANIFEST_FILE}, so it is not an example.\n  ${knownText}`,
    );
  }
  return loadExample(dir);
}

/** Everything <CodeTabs> renders for example `id`: its manifest and one tab per language with the file's text. */
export async function loadTabs(root: string, id: string): Promise<{ example: Example; tabs: CodeTab[] }> {
  const example = await findExample(root, id);
  const planned = planTabs(example);
  const tabs = await Promise.all(planned.map(async (tab) => ({ ...tab, code: await readExampleFile(tab.path) })));
  return { example, tabs };
}

/** Element ids of a tab and its panel, unique on the page for a given `groupId`. */
export function tabIds(groupId: string, language: LanguageId): { tab: string; panel: string } {
  return { tab: `${groupId}-tab-${language}`, panel: `${groupId}-panel-${language}` };
}
