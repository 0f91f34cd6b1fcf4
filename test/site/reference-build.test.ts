// A built page of reference sections, as a resource page will be: test/fixtures/site/reference's
// targets page holds the Target fields and the five Targets operations, each with a real example's
// five-language tabs inside. Its weight per section, its stylesheet, its links and ids, what a search
// index finds in each section, and the build's failure for an operation of another tag.
// vitest project: site (test/support/projects.ts)
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { referenceSource } from '../../docs/lib/reference/reference-source.ts';
import { buildSite, makeBuildDir, type BuildResult } from './build-site.ts';
import { writeFreshReport } from './fixture-report.ts';

const FIXTURE = 'test/fixtures/site/reference';
const OPERATIONS = ['listTargets', 'createTarget', 'getTarget', 'updateTarget', 'deleteTarget'];

let outDir: string;
let report: string;
let built: BuildResult;
let html: string;

/** Builds the fixture site with the fresh fixture report and a highlight cache of its own. */
const build = (target: string, env: Record<string, string> = {}) =>
  buildSite({ root: FIXTURE, outDir: target, env: { RR_DOCS_REPORT: report, RR_DOCS_HIGHLIGHT_CACHE: `${target}-highlight`, ...env } });

beforeAll(async () => {
  outDir = await makeBuildDir();
  report = await writeFreshReport(`${outDir}-report.json`);
  built = await build(outDir);
  if (built.ok) html = await readFile(path.join(outDir, 'core-api/targets/index.html'), 'utf8');
});
afterAll(async () => {
  for (const leftover of [outDir, report, `${outDir}-highlight`]) if (leftover) await rm(leftover, { recursive: true, force: true });
});

/** Each operation's section: from its opening tag to the next one's (or the page's end). */
function sections(page: string): Map<string, string> {
  const starts = [...page.matchAll(/<section class="ref-op" data-operation="[^"]+"[^>]*>/g)].map((match) => match.index);
  return new Map(
    starts.map((start, index) => {
      const text = page.slice(start, starts[index + 1] ?? page.length);
      const id = /<h2 id="([^"]+)"/.exec(text)![1]!;
      // The section names its operation for the search index, as the heading's anchor does.
      expect(text.startsWith(`<section class="ref-op" data-operation="${id}"`), id).toBe(true);
      return [id, text];
    }),
  );
}

describe('a page of reference sections', () => {
  test('builds', () => {
    expect(built.ok, built.output).toBe(true);
  });

  test('shows every operation of the page in order, each with its tested tabs inside', () => {
    const found = sections(html);
    expect([...found.keys()]).toEqual(OPERATIONS);
    for (const [id, text] of found) expect(text, id).toContain('<figure class="example"');
  });

  test("keeps each operation's section, with its five-language tabs, under 15 KB gzipped", () => {
    for (const [id, text] of sections(html)) {
      const gzipped = gzipSync(text, { level: 9 }).length;
      console.info(`${id}: section ${text.length} bytes, ${gzipped} bytes gzipped`);
      expect(gzipped, id).toBeLessThan(15 * 1024);
    }
  });

  test('puts each summary in its heading, and its operationId, method and path template in its text, for a search index', () => {
    const source = referenceSource();
    for (const [id, text] of sections(html)) {
      const operation = source.operations.find((each) => each.operationId === id)!;
      const words = text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      const heading = new RegExp(`<h2 id="${id}">([^<]*)</h2>`).exec(text)?.[1];
      expect(heading?.replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toBe(operation.summary);
      expect(words).toContain(`${operation.method} ${operation.path} operationId ${id}`);
    }
  });

  test('links its styles as a file, inlining none', async () => {
    expect(html).not.toContain('<style');
    expect(html).not.toMatch(/ style="/);
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="\/(_astro\/[^"]+\.css)">/g)].map((match) => match[1]!);
    const css = (await Promise.all(sheets.map((sheet) => readFile(path.join(outDir, sheet), 'utf8')))).join('');
    expect(css).toContain('.ref-table');
    expect(css).toContain('.ref-assumed');
  });

  test('links only to anchors of the page, and gives no two elements one id', () => {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const anchors = [...new Set([...html.matchAll(/ href="#([^"]+)"/g)].map((match) => match[1]!))];
    expect(anchors).toContain('schema-Target');
    expect(anchors.filter((anchor) => !ids.includes(anchor))).toEqual([]);
  });

  test('fails the build for an operation of another tag, naming the page, the prop, what it got and the ids it could be', async () => {
    const failed = await makeBuildDir();
    try {
      const result = await build(failed, { RR_FIXTURE_OPERATION: 'createTarget' });
      expect(result.ok).toBe(false);
      expect(result.output).toContain(
        '<Operation> on the page /core-api/clients/ has invalid props:\n' +
          '  - prop "id": expected the operationId of an operation tagged Clients in api/core-api.openapi.yaml ' +
          '(listClients, createClient, getClient, updateClient, deleteClient), found "createTarget", an operation tagged Targets',
      );
      expect(await readdir(failed)).not.toContain('core-api');
    } finally {
      await rm(failed, { recursive: true, force: true });
      await rm(`${failed}-highlight`, { recursive: true, force: true });
    }
  });
});
