// The starting files of a new example: which template in templates/ makes each language's file,
// the name the file gets, and how the example's title is made safe inside that language's comment.
import { fileURLToPath } from 'node:url';
import type { LanguageId } from '../languages.ts';
import { pascalCase, snakeCase } from './names.ts';

/** Folder of the templates, one file per language. */
export const TEMPLATES_DIR = fileURLToPath(new URL('./templates/', import.meta.url));

/** What fills a template's `{{name}}` placeholders. */
export interface TemplateValues {
  /** The title as a sentence, for the opening comment. */
  sentence: string;
  /** The Java class name. */
  className: string;
}

/** How one language's starting file is made. */
export interface TemplateFile {
  language: LanguageId;
  /** File name under templates/. */
  template: string;
  /** Name of the generated file, following the repo's conventions. */
  fileName(id: string): string;
  /** Makes one line of text safe inside the template's opening comment. */
  escape(text: string): string;
  /** Whether the generated file is executable (the curl script). */
  executable: boolean;
}

const asIs = (text: string) => text;
// Inside a """docstring""": a backslash or quote would end or change the string.
const pythonDocstring = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
// Inside /** … */: "*/" would end the comment, and javac reads \u escapes even in comments.
const javaComment = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('*/', '*&#47;');

/** One template per language, in tab order. */
export const TEMPLATE_FILES: readonly TemplateFile[] = Object.freeze([
  { language: 'javascript', template: 'template.mjs', fileName: (id: string) => `${id}.mjs`, escape: asIs, executable: false },
  {
    language: 'python',
    template: 'template.py',
    fileName: (id: string) => `${snakeCase(id)}.py`,
    escape: pythonDocstring,
    executable: false,
  },
  { language: 'go', template: 'template.go', fileName: (id: string) => `${snakeCase(id)}.go`, escape: asIs, executable: false },
  {
    language: 'java',
    template: 'Template.java',
    fileName: (id: string) => `${pascalCase(id)}.java`,
    escape: javaComment,
    executable: false,
  },
  { language: 'curl', template: 'template.sh', fileName: (id: string) => `${id}.sh`, escape: asIs, executable: true },
]);

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
    return values[name as keyof TemplateValues];
  });
}
