// The starting files of a new example: each registered runner names its template and the file it
// becomes (`scaffold` in the runner contract); this fills the template with the example's model
// (operation-model.ts), written in the runner's language by its `code` (names, strings, paths and
// bodies), so one template per language writes every kind of operation.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodePathPart, LanguageRunner, ScaffoldCode } from '../runners/runner-contract.ts';
import { pascalCase, wordsOf } from '../runners/file-names.ts';
import type { ModelStep, OperationModel } from './operation-model.ts';
import { renderTemplate, type TemplateContext } from './render.ts';

export { renderTemplate, type TemplateContext } from './render.ts';

/** What fills a template: `sentence` always, its runner's own placeholders (`className`), and the operation's model. */
export type TemplateValues = TemplateContext;

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

/** Gives each name once: a second `target` becomes `target2`, in the language's spelling. */
function uniqueNames(code: ScaffoldCode): (words: readonly string[], step: number) => string {
  const taken = new Set<string>();
  return (words, step) => {
    let name = code.name(words);
    if (taken.has(name)) name = code.name([...words, String(step + 1)]);
    taken.add(name);
    return name;
  };
}

/** The template's values for the model's steps, in the language `code` writes. */
function modelValues(model: OperationModel, code: ScaffoldCode): TemplateContext {
  const unique = uniqueNames(code);
  const idName = (parameter: string) => code.name(wordsOf(parameter));
  const variables = model.variables.map((each, step) => ({
    name: unique(wordsOf(each.parameter), step),
    variable: each.variable,
    record: each.record,
  }));
  const steps = model.steps.map((step: ModelStep, index) => {
    const { singular, plural, idField, nameField } = step.resource;
    const parts: CodePathPart[] = step.path.map((part) => (typeof part === 'string' ? part : { variable: idName(part.parameter) }));
    const item = step.kind === 'create' ? ['new', singular] : step.kind === 'update' ? ['updated', singular] : [singular];
    const idParam = step.creates ?? step.idParam;
    return {
      later: index > 0,
      doing: code.text(step.doing),
      method: step.method,
      Method: pascalCase(step.method.toLowerCase()),
      path: code.path(parts),
      list: step.kind === 'list',
      get: step.kind === 'get',
      create: step.kind === 'create',
      update: step.kind === 'update',
      delete: step.kind === 'delete',
      hasBody: step.body !== undefined,
      ...(step.body !== undefined && { bodyName: unique(['body'], index) }),
      singular,
      plural,
      Singular: pascalCase(singular),
      Plural: pascalCase(plural),
      idField,
      nameField: nameField ?? idField,
      item: step.kind === 'delete' ? '' : unique(item, index),
      items: step.kind === 'list' ? unique([plural], index) : '',
      idName: idParam === undefined ? '' : step.creates !== undefined ? unique(wordsOf(idParam), index) : idName(idParam),
    };
  });
  // The body of each step, named now that every name is known.
  const withBodies = steps.map((step, index) => {
    const body = model.steps[index]!.body;
    return { ...step, bodyCode: body === undefined || !step.bodyName ? '' : code.body(step.bodyName, body) };
  });
  const records = [...new Map(withBodies.filter((step) => !step.delete).map((step) => [step.singular, step])).values()].map((step) => ({
    singular: step.singular,
    idField: step.idField,
    nameField: step.nameField,
  }));
  return { variables, steps: withBodies, records };
}

/** The values a runner's template is filled with for example `id`, its title and its model (the runner's `code` writes the model). */
export function templateValues(
  runner: Pick<LanguageRunner, 'scaffold'>,
  id: string,
  title: string,
  model?: OperationModel,
): TemplateValues {
  const escape = runner.scaffold.escape ?? ((text: string) => text);
  const own = { sentence: escape(sentenceOf(title)), ...runner.scaffold.placeholders?.(id) };
  return model && runner.scaffold.code ? { ...own, ...modelValues(model, runner.scaffold.code) } : own;
}

/** The path of a runner's template file. */
export function templatePath(runner: Pick<LanguageRunner, 'scaffold'>): string {
  return fileURLToPath(runner.scaffold.file);
}

/** `runner`'s starting file for example `id` with `title` and `model`: its template read and filled. */
export async function startingFile(
  runner: Pick<LanguageRunner, 'id' | 'scaffold'>,
  id: string,
  title: string,
  model?: OperationModel,
): Promise<StartingFile> {
  const template = templatePath(runner);
  let text: string;
  try {
    text = await readFile(template, 'utf8');
  } catch (error) {
    throw new Error(`the ${runner.id} runner's template ${template} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return {
    name: runner.scaffold.fileName(id),
    content: renderTemplate(text, templateValues(runner, id, title, model), path.basename(template)),
    executable: runner.scaffold.executable ?? false,
  };
}
