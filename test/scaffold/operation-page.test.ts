// The page the scaffold's "Next:" text names for a new example: read from the section's MDX files,
// the page whose <Operation> tags include the example's operation, else a page of the same tag, else
// none (then the text names the section's folder).
// vitest project: unit (test/support/projects.ts)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SECTION_PAGES_FOLDER } from '../../scripts/project.ts';
import { describeCreated, showItLines } from '../../scripts/scaffold/new-example-cli.ts';
import { operationsOfPage, pageForOperation, sectionPageOperations } from '../../scripts/scaffold/operation-page.ts';

const TARGETS_PAGE = `---
title: Targets
---
Some text with <code>a tag</code>, and an Operation that is only text.

<Operation id="listTargets">
  <CodeTabs example="list-targets" />
</Operation>

<Callout type="note">
<Operation id="createTarget" level={3} />
</Callout>
`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rr-operation-page-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('operationsOfPage', () => {
  test('lists the ids of the <Operation> tags, nested ones too, in order, and nothing from the text', () => {
    expect(operationsOfPage(TARGETS_PAGE)).toEqual(['listTargets', 'createTarget']);
    expect(operationsOfPage('# Nothing\n\nJust <b>prose</b> about operations.\n')).toEqual([]);
  });
});

describe('sectionPageOperations', () => {
  test("reads every MDX file of the section's folder, with its path from the project root", async () => {
    const folder = path.join(root, SECTION_PAGES_FOLDER);
    await mkdir(path.join(folder, 'guides'), { recursive: true });
    await writeFile(path.join(folder, 'targets.mdx'), TARGETS_PAGE);
    await writeFile(path.join(folder, 'guides', 'start.mdx'), '<Operation id="listClients" />\n');
    await writeFile(path.join(folder, 'notes.txt'), '<Operation id="getClient" />\n');
    expect(await sectionPageOperations(root)).toEqual([
      { file: `${SECTION_PAGES_FOLDER}/guides/start.mdx`, operations: ['listClients'] },
      { file: `${SECTION_PAGES_FOLDER}/targets.mdx`, operations: ['listTargets', 'createTarget'] },
    ]);
  });

  test('finds no page where the folder does not exist', async () => {
    expect(await sectionPageOperations(root)).toEqual([]);
  });
});

describe('pageForOperation and the "Next:" text', () => {
  const pages = [
    { file: 'docs/content/core-api/authentication.mdx', operations: [] },
    { file: 'docs/content/core-api/targets.mdx', operations: ['listTargets', 'createTarget'] },
  ];

  test("names the page that shows the operation's section, with the example inside it", () => {
    expect(pageForOperation(pages, 'createTarget')).toBe(pages[1]);
    expect(showItLines('new-target', 'createTarget', pageForOperation(pages, 'createTarget'))).toEqual([
      '  3. Show it on docs/content/core-api/targets.mdx, inside the section of its operation:',
      '       <Operation id="createTarget">',
      '         <CodeTabs example="new-target" />',
      '       </Operation>',
    ]);
  });

  test("else the page of another operation of the same tag, else the section's folder", () => {
    expect(pageForOperation(pages, 'deleteTarget')).toBe(pages[1]);
    expect(showItLines('drop-target', 'deleteTarget', pages[1])).toEqual([
      "  3. Show it on docs/content/core-api/targets.mdx, the page of the operation's resource:",
      '       <CodeTabs example="drop-target" />',
    ]);
    expect(pageForOperation(pages, 'listProxies')).toBeUndefined();
    expect(pageForOperation(pages, 'noSuchOperation')).toBeUndefined();
    expect(showItLines('list-proxies', 'listProxies', undefined)).toEqual([
      `  3. Show it on a page of the Core API section (an MDX file under ${SECTION_PAGES_FOLDER}/):`,
      '       <CodeTabs example="list-proxies" />',
    ]);
  });

  test("the whole text names the page of the example's operation, and no page of the old layout", () => {
    const result = {
      dir: path.join(root, 'new-target'),
      files: [],
      requests: ['POST /api/clients/{clientId}/targets (createTarget)'],
      variables: [],
    };
    const text = describeCreated(result, 'new-target', root, 'createTarget', pages);
    expect(text).toContain('Show it on docs/content/core-api/targets.mdx, inside the section of its operation:');
    expect(text).not.toContain('docs/pages/');
  });

  test("the project's own pages: each operation of a resource page is found on it", async () => {
    const own = await sectionPageOperations();
    const targets = own.find((page) => page.file === `${SECTION_PAGES_FOLDER}/targets.mdx`);
    expect(targets?.operations).toContain('createTarget');
    expect(pageForOperation(own, 'createTarget')).toBe(targets);
  });
});
