// What an example id becomes (title, file names, class name) and which ids the scaffold refuses:
// the repo's pattern, and what each registered runner says its language cannot take.
// vitest project: unit (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { JAVA_TEMPLATE_TYPES, javaRunner } from '../../scripts/runners/java.ts';
import { pascalCase, snakeCase } from '../../scripts/runners/file-names.ts';
import { DEFAULT_RUNNERS } from '../../scripts/runners/registry.ts';
import { javascriptRunner } from '../../scripts/runners/javascript.ts';
import { exampleIdProblem, suggestId, titleFromId } from '../../scripts/scaffold/names.ts';

describe('exampleIdProblem', () => {
  test.for(['list-clients', 'verify-token', 'rotate-token-v2', 'a'])('accepts %s', (id) => {
    expect(exampleIdProblem(id)).toBeUndefined();
  });

  test.for([
    ['List_Clients', '"List_Clients" is not a valid example id: use lower-case words joined by dashes, like "list-clients"'],
    ['listClients', '"listClients" is not a valid example id: use lower-case words joined by dashes, like "list-clients"'],
    ['list clients', '"list clients" is not a valid example id: use lower-case words joined by dashes, like "list-clients"'],
    ['list--clients', '"list--clients" is not a valid example id: use lower-case words joined by dashes, like "list-clients"'],
    ['-list', '"-list" is not a valid example id: use lower-case words joined by dashes, like "list"'],
    ['../escape', '"../escape" is not a valid example id: use lower-case words joined by dashes, like "escape"'],
    ['', '"" is not a valid example id: use lower-case words joined by dashes, like "list-clients"'],
  ])('refuses %j, saying what it found and what is expected', ([id, message]) => {
    expect(exampleIdProblem(id!)).toBe(message);
  });

  test('refuses an id that starts with a digit, which cannot name a Java class', () => {
    expect(exampleIdProblem('2fa-setup')).toBe(
      '"2fa-setup" cannot be used: the Java class 2faSetup would start with a digit; start the id with a letter',
    );
  });

  test('refuses an id ending in -test, whose Go file go build treats as a test', () => {
    expect(exampleIdProblem('smoke-test')).toMatch(/^"smoke-test" cannot be used: Go treats smoke_test\.go as a test file/);
  });

  test('refuses an id whose Java class would clash with a type the Java template uses', () => {
    expect(exampleIdProblem('json-object')).toBe(
      '"json-object" cannot be used: the Java class JsonObject would clash with the type JsonObject the Java example uses; add a word, like "get-json-object"',
    );
    expect(exampleIdProblem('client')).toBeUndefined();
  });

  test('asks only the registered runners, and asks a further one too', () => {
    expect(exampleIdProblem('client', [javascriptRunner])).toBeUndefined();
    const picky = {
      scaffold: { ...javascriptRunner.scaffold, idProblem: (id: string) => (id.includes('x') ? `"${id}" has an x` : undefined) },
    };
    expect(exampleIdProblem('fix-it', [...DEFAULT_RUNNERS, picky])).toBe('"fix-it" has an x');
  });
});

describe('names made from an id', () => {
  test('snakeCase joins the words with underscores, for Python and Go', () => {
    expect(snakeCase('list-clients')).toBe('list_clients');
  });

  test('pascalCase capitalises each word, for the Java class', () => {
    expect(pascalCase('rotate-token-v2')).toBe('RotateTokenV2');
  });

  test('titleFromId capitalises the first word and keeps the rest', () => {
    expect(titleFromId('list-clients')).toBe('List clients');
  });

  test('suggestId turns what was typed into the nearest valid id', () => {
    expect(suggestId('Delete_Client')).toBe('delete-client');
    expect(suggestId('deleteClient')).toBe('delete-client');
    expect(suggestId('___')).toBeUndefined();
  });
});

describe('JAVA_TEMPLATE_TYPES', () => {
  test('names every type the Java template refers to by its simple name', async () => {
    const source = await readFile(javaRunner.scaffold.file, 'utf8');
    const code = source
      .replace(/\/\*[\s\S]*?\*\/|\/\/.*$|"(?:[^"\\]|\\.)*"/gm, '') // comments and strings, in one pass
      .replace(/^import .*$/gm, '')
      .replace('{{className}}', '');
    // A capitalised name not reached through a dot is a type the class must not shadow.
    // UPPER_SNAKE names are the template's own constants (API_BASE_URL), not types.
    const types = new Set(code.match(/(?<![.\w])[A-Z]\w*/g)?.filter((name) => !/^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(name)));
    expect([...types].sort()).toEqual([...JAVA_TEMPLATE_TYPES].sort());
  });
});
