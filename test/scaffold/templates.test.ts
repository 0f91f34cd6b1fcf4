// The templates: one per language, named so the harness and the site recognise each generated
// file, with only known placeholders, and titles made safe inside each language's comment.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { LANGUAGES, languageOfFile } from '../../scripts/languages.ts';
import { TEMPLATE_FILES, TEMPLATES_DIR, renderTemplate, sentenceOf } from '../../scripts/scaffold/templates.ts';

const VALUES = { sentence: 'List widgets.', className: 'ListWidgets' };
const template = (language: string) => {
  const found = TEMPLATE_FILES.find((candidate) => candidate.language === language);
  if (!found) throw new Error(`no template for ${language}`);
  return found;
};

describe('TEMPLATE_FILES', () => {
  test('has one template for every language, in tab order', () => {
    expect(TEMPLATE_FILES.map((file) => file.language)).toEqual(LANGUAGES.map((language) => language.id));
  });

  test('names the files the way the repo does', () => {
    expect(TEMPLATE_FILES.map((file) => file.fileName('list-clients'))).toEqual([
      'list-clients.mjs',
      'list_clients.py',
      'list_clients.go',
      'ListClients.java',
      'list-clients.sh',
    ]);
  });

  test.for(TEMPLATE_FILES.map((file) => [file.language, file] as const))(
    'gives the %s file a name its language recognises',
    ([language, file]) => {
      expect(languageOfFile(file.fileName('list-widgets'))?.id).toBe(language);
    },
  );

  test.for(TEMPLATE_FILES.map((file) => file.template))(
    '%s fills every placeholder and reads the token from the environment',
    async (name) => {
      const rendered = renderTemplate(await readFile(path.join(TEMPLATES_DIR, name), 'utf8'), VALUES, name);
      expect(rendered).not.toMatch(/\{\{|\}\}/);
      expect(rendered).toContain('List widgets.');
      expect(rendered).toContain(API_FACTS.tokenEnvVar);
      expect(rendered).toContain(`${API_FACTS.baseUrl}/clients`);
    },
  );

  test('names the Java class after the file', async () => {
    const rendered = renderTemplate(await readFile(path.join(TEMPLATES_DIR, 'Template.java'), 'utf8'), VALUES, 'Template.java');
    expect(rendered).toContain('public class ListWidgets {');
  });

  test('makes only the curl script executable', () => {
    expect(TEMPLATE_FILES.filter((file) => file.executable).map((file) => file.language)).toEqual(['curl']);
  });
});

describe('renderTemplate', () => {
  test('throws naming the template and an unknown placeholder', () => {
    expect(() => renderTemplate('// {{titel}}', VALUES, 'template.go')).toThrow(
      'template.go: unknown placeholder {{titel}}; expected one of {{sentence}}, {{className}}',
    );
  });
});

describe('comment escaping', () => {
  test('keeps a Python docstring closed whatever the title holds', () => {
    expect(template('python').escape('Say "hi" \\ """')).toBe('Say \\"hi\\" \\\\ \\"\\"\\"');
  });

  test('keeps a Java comment closed and its backslashes from starting a \\u escape', () => {
    expect(template('java').escape('a */ b \\u000a')).toBe('a *&#47; b \\\\u000a');
  });
});

describe('sentenceOf', () => {
  test('adds a full stop to a title, unless it already ends a sentence', () => {
    expect(sentenceOf('List clients')).toBe('List clients.');
    expect(sentenceOf('Is my token valid?')).toBe('Is my token valid?');
  });
});

// The templates are the reference example, snippets/list-clients, with its names made generic: a
// change to one that is not made to the other (a timeout, an error path) fails here.
describe('the templates and snippets/list-clients', () => {
  /** The names a template makes generic, as [in list-clients, in the template]. */
  const GENERIC_NAMES: ReadonlyArray<readonly [string, string]> = [
    ['Could not list clients', 'Request failed'],
    ['clientsResponse', 'apiResponse'],
    ['ListClients', '{{className}}'],
  ];

  test.for(TEMPLATE_FILES.map((file) => [file.template, file] as const))(
    '%s is list-clients but for its names and its opening sentence',
    async ([name, file]) => {
      const templateLines = (await readFile(path.join(TEMPLATES_DIR, name), 'utf8')).split('\n');
      let reference = await readFile(path.resolve('snippets/list-clients', file.fileName('list-clients')), 'utf8');
      for (const [specific, generic] of GENERIC_NAMES) reference = reference.replaceAll(specific, generic);
      const referenceLines = reference.split('\n');
      // The line holding {{sentence}} describes the example: it is the one line free to differ.
      const sentenceLine = templateLines.findIndex((line) => line.includes('{{sentence}}'));
      expect(sentenceLine).toBeGreaterThanOrEqual(0);
      const without = (lines: string[]) => lines.filter((_, index) => index !== sentenceLine);
      expect(without(templateLines)).toEqual(without(referenceLines));
    },
  );
});
