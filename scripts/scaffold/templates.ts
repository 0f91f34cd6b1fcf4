// The starting files of a new example: each registered runner names its template and the file it
// becomes (`scaffold` in the runner contract); this fills the template with the example's model
// (operation-model.ts), written in the runner's language by its `code` (names, strings, paths and
// bodies), so one template per language writes every kind of operation.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodePathPart, LanguageRunner, ScaffoldCode } from '../runners/runner-contract.ts';
import { pascalCase, wordsOf } from '../runners/file-names.ts';
import type { ModelField, ModelStep, OperationModel } from './operation-model.ts';
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

/** The words a field's name is made of in a record type: `id` and `name` for the record's own, else its JSON name's. */
const memberWords = (field: ModelField) => (field.role === 'other' ? wordsOf(field.name) : [field.role]);

/** A field's values: its JSON name, its name in the language's record type, and a flag for its type. */
function fieldValues(field: ModelField, code: ScaffoldCode): TemplateContext {
  return {
    field: field.name,
    member: code.member?.(memberWords(field)) ?? field.name,
    string: field.type === 'string',
    integer: field.type === 'integer',
    number: field.type === 'number',
    boolean: field.type === 'boolean',
  };
}

/** Each record the steps read, once, with every field any of them prints (the id, the name, then the others in order). */
function recordValues(model: OperationModel, code: ScaffoldCode): TemplateContext[] {
  const records = new Map<string, { step: ModelStep; fields: ModelField[] }>();
  for (const step of model.steps) {
    if (step.kind === 'delete') continue;
    const record = records.get(step.resource.singular) ?? { step, fields: [] };
    for (const field of step.fields) if (!record.fields.some((known) => known.name === field.name)) record.fields.push(field);
    records.set(step.resource.singular, record);
  }
  const rank = { id: 0, name: 1, other: 2 } as const;
  return [...records.values()].map(({ step, fields }) => {
    const ordered = [...fields].sort((a, b) => rank[a.role] - rank[b.role]);
    const typeName = code.name([step.resource.singular, 'record']);
    return {
      singular: step.resource.singular,
      idField: step.resource.idField,
      nameField: step.resource.nameField ?? step.resource.idField,
      recordCode:
        code.record?.(
          typeName,
          ordered.map((field) => ({ member: code.member?.(memberWords(field)) ?? field.name, json: field.name, type: field.type })),
        ) ?? '',
    };
  });
}

/** The template's values for the model's steps, in the language `code` writes. */
function modelValues(model: OperationModel, code: ScaffoldCode): TemplateContext {
  const unique = uniqueNames(code);
  const idName = (parameter: string) => code.name(wordsOf(parameter));
  const variables = model.variables.map((each, step) => ({
    parameter: each.parameter,
    name: unique(each.words, step),
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
      // The fields printed one a line as `field: value`: a get's key fields, the fields an update set.
      printed: step.fields
        .filter((field) => step.kind === 'get' || (step.kind === 'update' && field.role !== 'id'))
        .map((field) => fieldValues(field, code)),
      item: step.kind === 'delete' ? '' : unique(item, index),
      items: step.kind === 'list' ? unique([plural], index) : '',
      idName: idParam === undefined ? '' : step.creates !== undefined ? unique(wordsOf(idParam), index) : idName(idParam),
    };
  });
  // The body of each step, named now that every name is known.
  const withBodies = steps.map((step, index) => {
    const { body, bodyIds } = model.steps[index]!;
    const ids = Object.fromEntries(
      variables.filter((variable) => bodyIds.includes(variable.parameter)).map((variable) => [variable.parameter, variable.name]),
    );
    return { ...step, bodyCode: body === undefined || !step.bodyName ? '' : code.body(step.bodyName, body, ids) };
  });
  return {
    variables: variables.map(({ name, variable, record }) => ({ name, variable, record })),
    steps: withBodies,
    records: recordValues(model, code),
    lists: model.steps.some((step) => step.kind === 'list'),
    readsFields: model.steps.some((step) => step.kind !== 'delete'),
  };
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
