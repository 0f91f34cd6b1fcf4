// The lists in README.md, CONTRIBUTING.md and test/README.md that name commands, folders and
// languages are compared with the code, so the docs cannot go stale unnoticed.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '../../scripts/languages.ts';

const read = (file: string) => readFile(path.resolve(file), 'utf8');
const readme = await read('README.md');
const contributing = await read('CONTRIBUTING.md');
const testReadme = await read('test/README.md');
const scripts = Object.keys((JSON.parse(await read('package.json')) as { scripts: Record<string, string> }).scripts);

/** Sub-folders of `dir`, sorted. */
async function folders(dir: string): Promise<string[]> {
  return (await readdir(path.resolve(dir), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe('commands', () => {
  test('every npm script is documented in README.md', () => {
    const documented = (name: string) => readme.includes(`npm run ${name}`) || (name === 'test' && readme.includes('npm test'));
    expect(scripts.filter((name) => !documented(name))).toEqual([]);
  });

  test('every `npm run X` in README.md and CONTRIBUTING.md exists', () => {
    const mentioned = [...`${readme}\n${contributing}`.matchAll(/npm run ([a-z][\w:-]*)/g)].map((match) => match[1]!);
    expect([...new Set(mentioned)].filter((name) => !scripts.includes(name))).toEqual([]);
  });
});

describe('folders', () => {
  const layout = /## Layout\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

  test('README.md has a layout block', () => {
    expect(layout).not.toBe('');
  });

  test.each(['scripts', 'docs'])('the layout names every folder under %s/, and only folders that exist', async (parent) => {
    const listed = [...layout.matchAll(new RegExp(`^${parent}/([\\w-]+)/`, 'gm'))].map((match) => match[1]!).sort();
    const actual = await folders(parent);
    if (listed.length > 0 || parent === 'scripts') expect(listed).toEqual(actual);
    else expect(layout).toMatch(new RegExp(`^${parent}/ `, 'm'));
  });

  test('test/README.md names every folder under test/', async () => {
    const missing = (await folders('test')).filter((name) => !testReadme.includes(`test/${name}/`));
    expect(missing).toEqual([]);
  });
});

describe('languages', () => {
  test('README.md names every language the harness runs, in tab order', () => {
    const labels = LANGUAGES.map((language) => language.label);
    const sentence = `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
    expect(readme).toContain(sentence);
  });

  test("CONTRIBUTING.md's table of a new example's files has one row per language", () => {
    const rows = [...contributing.matchAll(/^\| `[^`]+\.\w+` \| (\w+)\b/gm)].map((match) => match[1]);
    for (const language of LANGUAGES) expect(rows, language.label).toContain(language.label);
  });
});
