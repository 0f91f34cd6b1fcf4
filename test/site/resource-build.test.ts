// The resource pages as built: the link check of the whole site (which the collection's every page
// is part of) finds no broken link or anchor, each page links its operations from its table of
// contents, and a changed schema in the API description (an edited copy, never the file itself)
// changes the fields table of its resource's page and its Markdown twin, with no page edited.
// vitest project: site (test/support/projects.ts)
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CORE_API_DESCRIPTION } from '../../scripts/api/description.ts';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { findBrokenLinks } from '../../docs/lib/broken-links.ts';
import { tagSlug } from '../../docs/lib/reference/reference-anchors.ts';
import { buildSite, makeBuildDir, type BuildResult } from './build-site.ts';
import { writeFreshReport } from './fixture-report.ts';
import { decodeHtml, innerHtml, startTags } from './html.ts';
import { builtSite, readPage } from './site.ts';
import { writtenPages } from './collection.ts';

const PAGES = await writtenPages();
const TAGS = [...new Set(API_OPERATIONS.map((operation) => operation.tag))];

/** The rows of the fields table of `schema` on a built page, each as its cells' text (disclosures left out). */
function fieldRows(html: string, schema: string): string[][] {
  const caption = `>Fields of ${schema}</caption>`;
  const start = html.indexOf(caption);
  expect(start, `a table captioned Fields of ${schema}`).toBeGreaterThan(-1);
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      decodeHtml(cell[1]!.replace(/<details[\s\S]*?<\/details>/g, '').replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .replace(/ ([.,])/g, '$1')
        .trim(),
    ),
  );
}

describe('the built section', () => {
  test('has every page of the collection, and no broken link or anchor anywhere', async () => {
    for (const page of PAGES) expect((await stat(path.join(builtSite(), page.path, 'index.html'))).isFile(), page.path).toBe(true);
    expect(await findBrokenLinks(builtSite(), '')).toEqual([]);
  });

  test.each(TAGS)("the %s page's table of contents links its fields and each of its operations' sections", async (tag) => {
    const url = `/core-api/${tagSlug(tag)}/`;
    const html = await readPage(url);
    const toc = startTags(html).find((tag) => tag.name === 'nav' && tag.attributes['aria-label'] === 'On this page')!;
    const hrefs = startTags(innerHtml(html, toc))
      .filter((tag) => tag.name === 'a')
      .map((tag) => tag.attributes.href);
    const operations = API_OPERATIONS.filter((operation) => operation.tag === tag).map((operation) => `#${operation.operationId}`);
    expect(hrefs[0]).toMatch(/^#schema-/);
    expect(hrefs.filter((href) => operations.includes(href!))).toEqual(operations);
    for (const href of hrefs) expect(html, `${url}${href}`).toContain(` id="${href!.slice(1)}"`);
  });
});

describe('a changed schema in the description', () => {
  let dir: string;
  let outDir: string;
  let built: BuildResult;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rr-resource-build-'));
    outDir = await makeBuildDir();
    // An edited copy: targetName becomes a string of at most 64 characters with a description of its own.
    const document = parseDocument(await readFile(CORE_API_DESCRIPTION, 'utf8'));
    document.setIn(['components', 'schemas', 'Target', 'properties', 'targetName'], {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description: 'What the dashboard calls the target, in 64 characters at most.',
    });
    const copy = path.join(dir, 'core-api.openapi.yaml');
    await writeFile(copy, document.toString());
    const report = await writeFreshReport(path.join(dir, 'report.json'));
    built = await buildSite({ outDir, env: { RR_DOCS_API_DESCRIPTION: copy, RR_DOCS_REPORT: report } });
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  test("changes the row of its field on the resource's page and in its twin, and nothing else of the table", async () => {
    expect(built.ok, built.output).toBe(true);
    const before = fieldRows(await readPage('/core-api/targets/'), 'Target');
    const after = fieldRows(await readFile(path.join(outDir, 'core-api/targets/index.html'), 'utf8'), 'Target');
    const row = (rows: string[][]) => rows.find((cells) => cells[0]!.startsWith('targetName'));
    expect(row(before)).toEqual(['targetName always present', 'string', 'A name shown in the dashboard. Not empty']);
    expect(row(after)).toEqual([
      'targetName always present',
      'string',
      'What the dashboard calls the target, in 64 characters at most. From 1 to 64 characters',
    ]);
    expect(after.filter((cells) => cells !== row(after))).toEqual(before.filter((cells) => cells !== row(before)));
    const twin = await readFile(path.join(outDir, 'core-api/targets.md'), 'utf8');
    expect(twin).toContain('What the dashboard calls the target, in 64 characters at most.');
  });
});
