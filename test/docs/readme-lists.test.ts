// The lists in README.md, CONTRIBUTING.md, MAINTAINERS.md and test/README.md that name commands,
// folders and languages are compared with the code, so the docs cannot go stale unnoticed.
// vitest project: unit (test/support/projects.ts)
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '../../scripts/languages.ts';

const read = (file: string) => readFile(path.resolve(file), 'utf8');
const readme = await read('README.md');
const contributing = await read('CONTRIBUTING.md');
const maintainers = await read('MAINTAINERS.md');
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

  test('every `npm run X` in README.md, CONTRIBUTING.md and MAINTAINERS.md exists', () => {
    const mentioned = [...`${readme}\n${contributing}\n${maintainers}`.matchAll(/npm run ([a-z][\w:-]*)/g)].map((match) => match[1]!);
    expect([...new Set(mentioned)].filter((name) => !scripts.includes(name))).toEqual([]);
  });
});

describe('folders', () => {
  const section = /## Layout\n([\s\S]*?)\n## /.exec(maintainers)?.[1] ?? '';
  /** The table's rows: each concern and the folders (or files) it names. */
  const rows = [...section.matchAll(/^\| (.+?) \| (.+?) \|$/gm)]
    .filter((match) => match[1] !== 'concern' && !match[1]!.startsWith('---'))
    .map((match) => ({ concern: match[1]!, places: [...match[2]!.matchAll(/`([^`]+)`/g)].map((place) => place[1]!) }));
  const places = rows.flatMap((row) => row.places);

  test('MAINTAINERS.md has a table of concerns and their folders', () => {
    expect(rows.length).toBeGreaterThan(10);
  });

  test('every folder or file the table names exists', () => {
    expect(places.filter((place) => !existsSync(path.resolve(place)))).toEqual([]);
  });

  test('no folder is named for two concerns', () => {
    expect(places.filter((place, index) => places.indexOf(place) !== index)).toEqual([]);
  });

  test.each(['scripts', 'scripts/harness', 'docs'])('the table names every folder under %s/', async (parent) => {
    const unnamed = (await folders(parent)).map((name) => `${parent}/${name}/`).filter((folder) => !places.includes(folder));
    expect(unnamed).toEqual([]);
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
