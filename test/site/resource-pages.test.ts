// The resource pages as their MDX says, without a build: every operation of the API description has
// its reference section on the page of its tag, holding the example named after it; the table of
// contents lists the reference sections among the page's own headings, in their order; and the status
// page knows which operation's section holds each example.
// vitest project: unit (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { idFromOperation } from '../../scripts/scaffold/new-example-cli.ts';
import { operationsOfPage } from '../../scripts/scaffold/operation-page.ts';
import { pageExamples } from '../../docs/lib/page-examples.ts';
import { pageHeadings } from '../../docs/lib/page-headings.ts';
import { tagSlug } from '../../docs/lib/reference/reference-anchors.ts';
import { referenceSource } from '../../docs/lib/reference/reference-source.ts';
import { writtenPages } from './collection.ts';

const FOLDER = path.resolve('docs/content/core-api');
const PAGES = await Promise.all(
  (await writtenPages(FOLDER)).map(async (page) => ({ ...page, source: await readFile(path.join(FOLDER, page.file), 'utf8') })),
);

describe('the resource pages', () => {
  test.each(API_OPERATIONS.map((operation) => [operation.operationId, operation.tag] as const))(
    '%s has its section on the %s page, and only there, holding its example',
    (operationId, tag) => {
      const showing = PAGES.filter((page) => operationsOfPage(page.source).includes(operationId));
      expect(showing.map((page) => page.path)).toEqual([`/core-api/${tagSlug(tag)}/`]);
      expect(pageExamples(showing[0]!.source)).toContainEqual({ example: idFromOperation(operationId), operation: operationId });
    },
  );

  test('each resource page opens with its resource fields, then its operations in the order of the description', () => {
    const reference = referenceSource();
    for (const tag of reference.tags) {
      const page = PAGES.find((candidate) => candidate.path === `/core-api/${tagSlug(tag)}/`)!;
      const slugs = pageHeadings(page.source, [], reference, page.path).map((heading) => heading.slug);
      const operations = API_OPERATIONS.filter((operation) => operation.tag === tag).map((operation) => operation.operationId);
      expect(slugs[0]).toMatch(/^schema-/);
      expect(slugs.filter((slug) => operations.includes(slug))).toEqual(operations);
    }
  });
});

describe('pageHeadings', () => {
  const source = `Intro.

## Before

<ResourceFields schema="Target" />

<Operation id="listTargets">
Some prose.

### Inside

<CodeTabs example="list-targets" />
</Operation>

<Operation id="getTarget" level={3} />

## After
`;
  const markdown = [
    { depth: 2, slug: 'before', text: 'Before' },
    { depth: 3, slug: 'inside', text: 'Inside' },
    { depth: 2, slug: 'after', text: 'After' },
  ];

  test("puts each reference tag's heading in its place among the page's own headings", () => {
    expect(pageHeadings(source, markdown, referenceSource(), '/core-api/targets/')).toEqual([
      { depth: 2, slug: 'before', text: 'Before' },
      { depth: 2, slug: 'schema-Target', text: 'The Target object' },
      { depth: 2, slug: 'listTargets', text: "List a client's targets" },
      { depth: 3, slug: 'inside', text: 'Inside' },
      { depth: 3, slug: 'getTarget', text: 'Get a target' },
      { depth: 2, slug: 'after', text: 'After' },
    ]);
  });

  test('names the page when a tag shows an operation of another resource', () => {
    expect(() => pageHeadings('<Operation id="listClients" />\n', [], referenceSource(), '/core-api/targets/')).toThrow(
      /<Operation> on the page \/core-api\/targets\/ has invalid props:[\s\S]*prop "id": expected the operationId of an operation tagged Targets/,
    );
  });
});

describe('pageExamples', () => {
  test('gives each example the operation whose section holds it, and none outside every section', () => {
    const source = `<CodeTabs example="list-clients" />

<Operation id="createTarget">
<Callout type="note">
<CodeTabs example="create-target" />
</Callout>
<CodeFile example="create-target" file="request.http" />
</Operation>

<CodeTabs example="target-lifecycle" />
`;
    expect(pageExamples(source)).toEqual([
      { example: 'list-clients' },
      { example: 'create-target', operation: 'createTarget' },
      { example: 'target-lifecycle' },
    ]);
  });
});
