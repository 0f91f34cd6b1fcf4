// The starting files of a new example: each registered runner names its template and the file it
// becomes (`scaffold` in the runner contract); this fills the template's placeholders.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LanguageRunner } from '../runners/runner-contract.ts';

/** What fills a template's `{{name}}` placeholders: `sentence` always, and what its runner adds (`className`). */
export type TemplateValues = Readonly<Record<string, string>>;

/** One starting file, in memory. */
export interface StartingFile {
  /** Its name in the example folder (`list_clients.py`). */
  name: string;
  content: string;
  executable: boolean;
}

/** `List clients.`: the title with a closing full stop unless it already ends a sentence. */
export function sentenceOf(title: string): string {
  return /[.!?]$/.test(title) ? title : `${title}.`;
}

/** Fills every `{{name}}` in `text`; throws naming the template and the placeholder it cannot fill. */
export function renderTemplate(text: string, values: TemplateValues, template: string): string {
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(values, name)) {
      throw new Error(
        `${template}: unknown placeholder {{${name}}}; expected one of ${Object.keys(values)
          .map((key) => `{{${key}}}`)
          .join(', ')}`,
      );
    }
    return values[name]!;
  });
}

/** The values a runner's template is filled with for example `id` and its title. */
export function templateValues(runner: Pick<LanguageRunner, 'scaffold'>, id: string, title: string): TemplateValues {
  const escape = runner.scaffold.escape ?? ((text: string) => text);
  return { sentence: escape(sentenceOf(title)), ...runner.scaffold.placeholders?.(id) };
}

/** The path of a runner's template file. */
export function templatePath(runner: Pick<LanguageRunner, 'scaffold'>): string {
  return fileURLToPath(runner.scaffold.file);
}

/** `runner`'s starting file for example `id` with `title`: its template read and filled. */
export async function startingFile(runner: Pick<LanguageRunner, 'id' | 'scaffold'>, id: string, title: string): Promise<StartingFile> {
  const template = templatePath(runner);
  let text: string;
  try {
    text = await readFile(template, 'utf8');
  } catch (error) {
    throw new Error(`the ${runner.id} runner's template ${template} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return {
    name: runner.scaffold.fileName(id),
    content: renderTemplate(text, templateValues(runner, id, title), path.basename(template)),
    executable: runner.scaffold.executable ?? false,
  };
}
