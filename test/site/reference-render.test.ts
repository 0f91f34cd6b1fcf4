// <Operation> and <ResourceFields> rendered as the site renders them (Astro's container API, the
// site's own configuration), on the project's description and on an edited copy: a renamed field, a
// changed type and a field made required change the rendered table, with no page edited.
// vitest project: unit (test/support/projects.ts)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CORE_API_DESCRIPTION, parseDescription } from '../../scripts/api/description.ts';
import { operationMarkdown } from '../../docs/lib/reference/reference-markdown.ts';
import { API_DESCRIPTION_VARIABLE, sourceOf } from '../../docs/lib/reference/reference-source.ts';
import { operationView } from '../../docs/lib/reference/operation-view.ts';
import { startRenderer, type ComponentRenderer } from './reference-render.ts';

let renderer: ComponentRenderer;
const dir = mkdtempSync(path.join(os.tmpdir(), 'rr-reference-render-'));
const highlightCache = process.env.RR_DOCS_HIGHLIGHT_CACHE;

beforeAll(async () => {
  // Blocks highlighted here go to a cache of their own, not the site's.
  process.env.RR_DOCS_HIGHLIGHT_CACHE = path.join(dir, 'highlight');
  renderer = await startRenderer();
});
afterAll(async () => {
  await renderer?.close();
  if (highlightCache === undefined) delete process.env.RR_DOCS_HIGHLIGHT_CACHE;
  else process.env.RR_DOCS_HIGHLIGHT_CACHE = highlightCache;
  rmSync(dir, { recursive: true, force: true });
});

/** The rows of the table captioned `caption`, each as its cells' text (assumptions left out, tags as spaces). */
function tableRows(html: string, caption: string): string[][] {
  const start = html.indexOf(`>${caption}</caption>`);
  expect(start, `a table captioned ${caption}`).toBeGreaterThan(-1);
  const table = html.slice(start, html.indexOf('</table>', start));
  const text = (cell: string) =>
    cell
      .replace(/<details[\s\S]*?<\/details>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')
      .replace(/ ([.,])/g, '$1')
      .trim();
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!)),
  );
}

/** Renders with `RR_DOCS_API_DESCRIPTION` pointing at `file` (restored afterwards: the unit files share their worker). */
async function renderWith(file: string | undefined, component: string, props: Record<string, unknown>, url: string): Promise<string> {
  const before = process.env[API_DESCRIPTION_VARIABLE];
  if (file === undefined) delete process.env[API_DESCRIPTION_VARIABLE];
  else process.env[API_DESCRIPTION_VARIABLE] = file;
  try {
    return await renderer.render(component, props, { url });
  } finally {
    if (before === undefined) delete process.env[API_DESCRIPTION_VARIABLE];
    else process.env[API_DESCRIPTION_VARIABLE] = before;
  }
}

describe('<Operation>', () => {
  let html: string;
  beforeAll(async () => {
    html = await renderer.render(
      'Operation.astro',
      { id: 'createTarget' },
      { url: '/core-api/targets/', children: '<p id="tabs">TABS</p>' },
    );
  });

  test('heads the section with the summary, anchored at the operationId, with a link to itself', () => {
    expect(html).toMatch(
      /^<section class="ref-op" data-operation="createTarget" aria-labelledby="createTarget"><div class="heading heading-2"><h2 id="createTarget">Create a target<\/h2><a class="anchor" href="#createTarget"[^>]*>/,
    );
  });

  test('shows the method as a badge with its name, the path template and the operationId as text', () => {
    expect(html).toContain(
      '<p class="ref-endpoint" data-pagefind-weight="5"><span class="ref-method" data-method="post">POST</span><code class="ref-path">/api/clients/{clientId}/targets</code><span class="ref-opid">operationId <code>createTarget</code></span></p>',
    );
  });

  test('gives each table a caption, header cells with their scope, and a labelled region the keyboard can reach', () => {
    expect(html).toContain(
      '<div class="ref-table" role="region" tabindex="0" aria-labelledby="createTarget-parameters"><table><caption id="createTarget-parameters" class="sr-only">Parameters of createTarget</caption>',
    );
    expect(html).toContain('<th scope="col">Description</th>');
    expect(html).toContain('<th scope="row"><code>targetBaseURL</code><span class="ref-presence" data-required>required</span></th>');
    expect(tableRows(html, 'Request body of createTarget')).toEqual([
      ['Field', 'Type', 'Description'],
      ['targetName required', 'string', 'A name shown in the dashboard. Not empty'],
      ['targetBaseURL required', 'string (uri)', 'An https URL. An https URL Pattern ^https://[^\\s/?#]+(/[^\\s]*)?$'],
      ['targetTestPath required', 'string', 'A path on the target, from its root. A path starting with / Pattern ^/'],
      [
        'targetRegion required',
        'string',
        'The region where a resource lives; fixed once the resource is created. A region name like us-east-1 Pattern ^[a-z]{2}(-[a-z]+)+-\\d$',
      ],
      ['targetDefaultRuleEffect optional', 'string', 'What happens to a request that no rule matches. Default: allow One of allow, deny'],
    ]);
  });

  test('marks an assumed field with a disclosure that says "Assumed" and opens on the reason', () => {
    const row = /<code>targetDefaultRuleEffect<\/code>[\s\S]*?<\/tr>/.exec(html)![0];
    expect(row).toContain(
      '<details class="ref-assumed"><summary>Assumed</summary><p>Optional, with allow when left out, as in every example.</p></details></td></tr>',
    );
    expect(/<code>targetBaseURL<\/code>[\s\S]*?<\/tr>/.exec(html)![0]).not.toContain('Assumed');
    expect(html).toContain('<p class="ref-note"><b>Assumed:</b> The docs show no create body;');
  });

  test('puts what the tag holds after the request body and before the answers', () => {
    const tabs = html.indexOf('<p id="tabs">TABS</p>');
    expect(tabs).toBeGreaterThan(html.indexOf('Request body of createTarget'));
    expect(tabs).toBeLessThan(html.indexOf('<h3 class="ref-part">Responses</h3>'));
  });

  test('shows every answer as a disclosure, the success open, the errors out of the search index, each example highlighted and its fields linked to the resource', () => {
    const summaries = [
      ...html.matchAll(
        /<details class="ref-response"( open)?( data-pagefind-ignore="all")?><summary><span class="ref-status" data-kind="(\w+)">(\d+)<\/span><b>([^<]+)<\/b>/g,
      ),
    ];
    // The error answers, the same in every operation, are kept out of the search index; the success is not.
    expect(summaries.every((match) => Boolean(match[2]) === (match[3] === 'error'))).toBe(true);
    expect(summaries.map((match) => [match[4], match[5], match[3], Boolean(match[1])])).toEqual([
      ['201', 'Created', 'success', true],
      ['400', 'Bad Request', 'error', false],
      ['401', 'Unauthorized', 'error', false],
      ['403', 'Forbidden', 'error', false],
      ['404', 'Not Found', 'error', false],
      ['413', 'Payload Too Large', 'error', false],
      ['415', 'Unsupported Media Type', 'error', false],
    ]);
    expect(html).toContain('<b>Created</b><span class="ref-badge">Assumed</span>');
    expect(html).toContain('<a href="#schema-Target">Target</a>');
    // Highlighted by the site's highlighter: palette classes, no inline colours.
    expect(html).toMatch(
      /<span class="code-title">The new target<\/span>[\s\S]*?<pre class="code" tabindex="0"><code><span>\{<\/span>\n<span class="[a-z0-9 ]+"> {2}"target"<\/span>/,
    );
    expect(html).not.toMatch(/style="[^"]*color/);
  });

  test('works without scripts: every disclosure is native, and nothing of its own runs in the browser', () => {
    expect(html).not.toMatch(/<script(?![^>]*CodeBlock\.astro)/);
    expect(html).not.toContain('<style');
  });
});

describe('<ResourceFields>', () => {
  test("shows the resource's heading at its anchor and every field in one table", async () => {
    const html = await renderer.render('ResourceFields.astro', { schema: 'Client' }, { url: '/core-api/clients/' });
    expect(html).toContain('<h2 id="schema-Client">The Client object</h2>');
    expect(tableRows(html, 'Fields of Client').map((cells) => cells.slice(0, 2))).toEqual([
      ['Field', 'Type'],
      ['clientId always present', 'string (uuid)'],
      ['clientName always present', 'string'],
      ['clientMembers always present', 'array of object'],
      ['clientMembers[].userId always present', 'string (uuid)'],
      ['clientMembers[].roles always present', 'array of string'],
    ]);
    expect(html).toContain(
      '<tr class="ref-d1"><th scope="row"><code>clientMembers[].userId</code><span class="ref-presence">always present</span></th>',
    );
  });
});

describe('a bad prop', () => {
  test('stops the render naming the page, the prop, what it got and the ids it could be', async () => {
    await expect(renderer.render('Operation.astro', { id: 'deleteProxy' }, { url: '/core-api/targets/' })).rejects.toThrow(
      '<Operation> on the page /core-api/targets/ has invalid props:\n' +
        '  - prop "id": expected the operationId of an operation tagged Targets in api/core-api.openapi.yaml (listTargets, createTarget, getTarget, updateTarget, deleteTarget), found "deleteProxy", an operation tagged Proxies',
    );
    await expect(renderer.render('ResourceFields.astro', { schema: 'Targett' }, { url: '/core-api/targets/' })).rejects.toThrow(
      'prop "schema": expected the name of a resource the Targets operations return in api/core-api.openapi.yaml (Target), found "Targett"',
    );
  });
});

describe('a changed schema changes the page', () => {
  /** The description with TargetCreate's targetTestPath renamed, targetName an integer, and targetDefaultRuleEffect required. */
  function editedDescription(): string {
    const document = parseDocument(readFileSync(CORE_API_DESCRIPTION, 'utf8'));
    const create = ['components', 'schemas', 'TargetCreate'];
    const properties = document.getIn([...create, 'properties']) as { items: { key: { value: string } }[] };
    properties.items.find((pair) => pair.key.value === 'targetTestPath')!.key.value = 'targetHealthPath';
    document.setIn([...create, 'properties', 'targetName'], document.createNode({ type: 'integer', minimum: 1, description: 'A number.' }));
    document.setIn(
      [...create, 'required'],
      document.createNode(['targetName', 'targetBaseURL', 'targetHealthPath', 'targetRegion', 'targetDefaultRuleEffect']),
    );
    return document.toString();
  }

  const before = [
    ['targetName required', 'string'],
    ['targetBaseURL required', 'string (uri)'],
    ['targetTestPath required', 'string'],
    ['targetRegion required', 'string'],
    ['targetDefaultRuleEffect optional', 'string'],
  ];
  const after = [
    ['targetName required', 'integer'],
    ['targetBaseURL required', 'string (uri)'],
    ['targetHealthPath required', 'string'],
    ['targetRegion required', 'string'],
    ['targetDefaultRuleEffect required', 'string'],
  ];

  test('in the model and the Markdown, from an edited copy in memory', () => {
    const edited = sourceOf(parseDescription(editedDescription(), CORE_API_DESCRIPTION));
    const rows = operationView(edited, 'createTarget').requestBody!.shapes[0]!.rows;
    expect(rows.map((row) => [`${row.name} ${row.required ? 'required' : 'optional'}`, row.type])).toEqual(after);
    expect(rows[0]!.constraints).toEqual(['at least 1']);
    const markdown = operationMarkdown('createTarget', { page: '/core-api/targets/', source: edited });
    expect(markdown).toContain('| `targetName` | integer | yes |  | at least 1 | A number. |');
    expect(markdown).toContain('| `targetHealthPath` | string | yes |');
    expect(markdown).not.toContain('`targetTestPath` |');
  });

  test('in the rendered table, from an edited file the site is pointed at', async () => {
    const file = path.join(dir, 'edited.openapi.yaml');
    writeFileSync(file, editedDescription());
    const original = await renderWith(undefined, 'Operation.astro', { id: 'createTarget' }, '/core-api/targets/');
    const changed = await renderWith(file, 'Operation.astro', { id: 'createTarget' }, '/core-api/targets/');
    const columns = (html: string) =>
      tableRows(html, 'Request body of createTarget')
        .slice(1)
        .map((cells) => cells.slice(0, 2));
    expect(columns(original)).toEqual(before);
    expect(columns(changed)).toEqual(after);
    expect(tableRows(changed, 'Request body of createTarget')[1]).toEqual(['targetName required', 'integer', 'A number. At least 1']);
  });
});
