// The templates: one per registered runner, named so the harness and the site recognise each
// generated file, with only known placeholders, and titles made safe inside each language's comment.
// vitest project: unit (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { LANGUAGES, languageOfFile } from '../../scripts/languages.ts';
import { DEFAULT_RUNNERS, runnerById } from '../../scripts/runners/registry.ts';
import { renderTemplate, sentenceOf, startingFile, templatePath, templateValues } from '../../scripts/scaffold/templates.ts';

const VALUES = { sentence: 'List widgets.', className: 'ListWidgets' };
const scaffoldOf = (language: string) => {
  const found = runnerById(language);
  if (!found) throw new Error(`no runner for ${language}`);
  return found.scaffold;
};

describe("the built-in runners' templates", () => {
  test('are one for every language, in tab order', () => {
    expect(DEFAULT_RUNNERS.map((runner) => runner.id)).toEqual(LANGUAGES.map((language) => language.id));
    expect(DEFAULT_RUNNERS.map((runner) => path.relative('scripts/scaffold/templates', templatePath(runner)))).toEqual([
      'template.mjs',
      'template.py',
      'template.go',
      'Template.java',
      'template.sh',
    ]);
  });

  test('name the files the way the repo does', () => {
    expect(DEFAULT_RUNNERS.map((runner) => runner.scaffold.fileName('list-clients'))).toEqual([
      'list-clients.mjs',
      'list_clients.py',
      'list_clients.go',
      'ListClients.java',
      'list-clients.sh',
    ]);
  });

  test.for(DEFAULT_RUNNERS.map((runner) => [runner.id, runner] as const))(
    'give the %s file a name its language recognises',
    ([language, runner]) => {
      expect(languageOfFile(runner.scaffold.fileName('list-widgets'))?.id).toBe(language);
    },
  );

  test.for(DEFAULT_RUNNERS.map((runner) => [runner.id, runner] as const))(
    '%s: fills every placeholder and reads the token from the environment',
    async ([, runner]) => {
      const file = await startingFile(runner, 'list-widgets', 'List widgets');
      expect(file.content).not.toMatch(/\{\{|\}\}/);
      expect(file.content).toContain('List widgets.');
      expect(file.content).toContain(API_FACTS.tokenEnvVar);
      expect(file.content).toContain(`${API_FACTS.baseUrl}/clients`);
    },
  );

  test('name the Java class after the file', async () => {
    const file = await startingFile(runnerById('java')!, 'list-widgets', 'List widgets');
    expect(file.name).toBe('ListWidgets.java');
    expect(file.content).toContain('public class ListWidgets {');
  });

  test('make only the curl script executable', () => {
    expect(DEFAULT_RUNNERS.filter((runner) => runner.scaffold.executable).map((runner) => runner.id)).toEqual(['curl']);
  });
});

describe('startingFile', () => {
  test("says which runner's template cannot be read", async () => {
    const lost = { id: 'rocket', scaffold: { ...scaffoldOf('go'), file: new URL('file:///nonexistent/template.rr') } };
    await expect(startingFile(lost, 'list-widgets', 'List widgets')).rejects.toThrow(
      /^the rocket runner's template \/nonexistent\/template\.rr cannot be read: ENOENT/,
    );
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
    expect(scaffoldOf('python').escape?.('Say "hi" \\ """')).toBe('Say \\"hi\\" \\\\ \\"\\"\\"');
  });

  test('keeps a Java comment closed and its backslashes from starting a \\u escape', () => {
    expect(scaffoldOf('java').escape?.('a */ b \\u000a')).toBe('a *&#47; b \\\\u000a');
  });
});

describe('templateValues', () => {
  test("fills {{sentence}} with the escaped title, and the runner's own placeholders", () => {
    expect(templateValues(runnerById('java')!, 'list-widgets', 'a */ b')).toEqual({ sentence: 'a *&#47; b.', className: 'ListWidgets' });
    expect(templateValues(runnerById('go')!, 'list-widgets', 'List widgets')).toEqual({ sentence: 'List widgets.' });
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

  test.for(DEFAULT_RUNNERS.map((runner) => [path.basename(templatePath(runner)), runner] as const))(
    '%s is list-clients but for its names and its opening sentence',
    async ([, runner]) => {
      const templateLines = (await readFile(templatePath(runner), 'utf8')).split('\n');
      let reference = await readFile(path.resolve('snippets/list-clients', runner.scaffold.fileName('list-clients')), 'utf8');
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
