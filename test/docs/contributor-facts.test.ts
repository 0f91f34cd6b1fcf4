// README.md and CONTRIBUTING.md say the same about Node.js, and what the code says: npm with any
// Node.js from 18 installs the project, the project carries the Node.js of `.node-version`, which
// every npm script runs on, the JavaScript examples need the version their runner states, and one
// is run by hand with `npx node`. CONTRIBUTING.md also says what a contributor's first pass needs
// to know: where the expected output of an example comes from.
// vitest project: unit (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SEED_CLIENT_NAMES } from '../../scripts/api/core-api.ts';
import { SNIPPET_NODE_VERSIONS } from '../../scripts/runners/javascript.ts';

const read = (file: string) => readFile(path.resolve(file), 'utf8');
/** A document with its line breaks and indentation as single spaces, so a sentence may wrap anywhere. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Whether `text` says `phrase`, wrapped anywhere, a sentence's first letter in either case (the message names the phrase, not the whole file). */
const says = (text: string, phrase: string) =>
  expect(flat(text).toLowerCase().includes(phrase.toLowerCase()), `says: ${phrase}`).toBe(true);
const readme = await read('README.md');
const contributing = await read('CONTRIBUTING.md');
const nodeVersion = (await read('.node-version')).trim();
const carried = (JSON.parse(await read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.node;

describe.each([
  ['README.md', readme],
  ['CONTRIBUTING.md', contributing],
])('%s on Node.js', (_name, text) => {
  test('npm with any Node.js from 18 installs; the project carries the Node.js of .node-version, which every npm script runs on', () => {
    expect(carried).toBe(nodeVersion);
    const major = nodeVersion.split('.')[0];
    says(text, '**npm**, with any Node.js from 18 on (20 included), to install.');
    says(text, `The project carries Node.js ${major}`);
    expect(flat(text)).toMatch(/every `npm run` script (?:\([^)]*\) )?runs on it/);
  });

  test('the JavaScript examples need the Node.js their runner states, and one is run by hand with npx node', () => {
    says(text, `the JavaScript examples need Node.js ${SNIPPET_NODE_VERSIONS}`);
    says(text, "to run a JavaScript example by hand, use `npx node` from the project's folder");
  });

  test('never says a Node.js must be installed, nor runs an example with the machine’s node', () => {
    expect(text).not.toMatch(/You need Node\.js/);
    expect(text).not.toMatch(/(?<!npx )\bnode snippets\//);
  });
});

describe('CONTRIBUTING.md on what an example must print', () => {
  test("says the expected client names are a default, from the API's sample clients, that scenarios.ok.output in example.json replaces", () => {
    const step = flat(/### 3\. Say what it prints\n([\s\S]*?)\n### /.exec(contributing)?.[1] ?? '');
    says(step, "the names of the API's sample clients");
    says(step, SEED_CLIENT_NAMES.map((name) => `\`${name}\``).join(', '));
    says(step, 'that is only a default');
    says(step, 'list what it prints in `scenarios.ok.output` in `example.json`');
  });
});
