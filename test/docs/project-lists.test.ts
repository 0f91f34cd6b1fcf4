// The vitest projects that README.md and test/README.md name are the ones vitest.config.ts makes
// (test/support/projects.ts), CONTRIBUTING.md's fast loop runs the unit project, and every
// `--project NAME` the docs give names one.
// vitest project: unit (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/project.ts';
import { TEST_PROJECTS } from '../support/projects.ts';

const read = (file: string) => readFile(path.join(PROJECT_ROOT, file), 'utf8');
const readme = await read('README.md');
const contributing = await read('CONTRIBUTING.md');
const testReadme = await read('test/README.md');
const maintainers = await read('MAINTAINERS.md');
const names = TEST_PROJECTS.map((project) => project.name);

/** How the docs write a small count. */
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

/** The paragraph of `text` that starts with `start`. */
function paragraph(text: string, start: string): string {
  const from = text.indexOf(start);
  if (from === -1) throw new Error(`Expected a paragraph starting ${JSON.stringify(start)}`);
  const to = text.indexOf('\n\n', from);
  return text.slice(from, to === -1 ? undefined : to);
}

describe('test/README.md', () => {
  test('describes every project, in order, under "## Projects"', () => {
    const section = /\n## Projects\n([\s\S]*?)\n## /.exec(testReadme)?.[1] ?? '';
    expect([...section.matchAll(/^- `([\w-]+)`: /gm)].map((match) => match[1])).toEqual(names);
  });
});

describe('README.md', () => {
  test('names every project, in order, and how to run one', () => {
    const text = paragraph(readme, 'The tests are ');
    expect(text).toMatch(new RegExp(`^The tests are ${NUMBER_WORDS[names.length]} vitest projects`));
    expect([...text.matchAll(/`([\w-]+)`\s\(/g)].map((match) => match[1])).toEqual(names);
    expect(text).toContain('`npx vitest run --project unit`');
  });
});

describe('CONTRIBUTING.md', () => {
  test('gives the fast loop: the unit project', () => {
    expect(paragraph(contributing, 'The fast loop')).toContain('`npx vitest run --project unit`');
  });
});

test('every `--project NAME` the docs give names a project', () => {
  const given = [...`${readme}\n${contributing}\n${testReadme}\n${maintainers}`.matchAll(/--project ([\w-]+)/g)].map((match) => match[1]);
  expect(given.length).toBeGreaterThan(2);
  expect(given.filter((name) => !names.includes(name!))).toEqual([]);
});
