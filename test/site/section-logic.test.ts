// The pure logic behind the section's frame: the collection's order, previous and next and the
// breadcrumbs; the order of search hits; the sitemap's XML; the API's tables; the status page's
// grouping by page and by operation.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { API_ERRORS, documentedSuccess } from '../../scripts/api/core-api.ts';

const CLIENTS_OK = documentedSuccess('listClients') as { body: Record<string, unknown> };
const TARGET = (documentedSuccess('getTarget').body as { target: Record<string, string> }).target;
import { apiTable } from '../../docs/components/api-table.ts';
import { orderHits, pageHits, queryWords, titleHolds, type SearchHit } from '../../docs/components/internal/search-hits.ts';
import { PageOrderError, breadcrumbTrail, neighbours, orderPages, pagePath, type PageEntry } from '../../docs/lib/page-order.ts';
import { PageFrontmatterSchema } from '../../docs/lib/page-schema.ts';
import { UNSHOWN_GROUP, statusByPage } from '../../docs/lib/status-matrix.ts';
import { sitemapXml } from '../../docs/integrations/sitemap.ts';
import { caseReport, reportOf } from '../support/report.ts';

const SECTION = { label: 'Core API', path: '/core-api/', folder: 'docs/content/core-api' };
/** A collection entry with the given id, sidebar order and title. */
const entry = (id: string, order: number, title = id, label?: string): PageEntry => ({
  id,
  filePath: `docs/content/core-api/${id}.mdx`,
  data: { title, description: `About ${title}.`, sidebar: { order, ...(label ? { label } : {}) } },
});

describe('PageFrontmatterSchema', () => {
  test('accepts a title, a description and a sidebar position, with an optional label', () => {
    expect(PageFrontmatterSchema.parse({ title: 'Targets', description: 'Targets.', sidebar: { order: 4 } })).toEqual({
      title: 'Targets',
      description: 'Targets.',
      sidebar: { order: 4 },
    });
  });

  test.each([
    ['no sidebar', { title: 'T', description: 'D' }, 'sidebar'],
    ['a fractional order', { title: 'T', description: 'D', sidebar: { order: 1.5 } }, 'order'],
    ['an unknown field', { title: 'T', description: 'D', sidebar: { order: 1 }, layout: 'x' }, 'layout'],
    ['an empty title', { title: ' ', description: 'D', sidebar: { order: 1 } }, 'title'],
  ])('refuses %s, naming the field', (_name, data, field) => {
    const result = PageFrontmatterSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error!.issues)).toContain(field);
  });
});

describe('orderPages', () => {
  test('orders the pages by sidebar position and gives each its address, file and label', () => {
    const pages = orderPages(
      [entry('authentication', 2, 'Core API authentication', 'Authentication'), entry('index', 1, 'Core API overview', 'Overview')],
      SECTION,
    );
    expect(pages.map(({ id, path, file, label }) => ({ id, path, file, label }))).toEqual([
      { id: 'index', path: '/core-api/', file: 'docs/content/core-api/index.mdx', label: 'Overview' },
      {
        id: 'authentication',
        path: '/core-api/authentication/',
        file: 'docs/content/core-api/authentication.mdx',
        label: 'Authentication',
      },
    ]);
  });

  test('refuses two pages in one position, naming both files', () => {
    expect(() => orderPages([entry('targets', 3), entry('proxies', 3)], SECTION)).toThrow(
      new PageOrderError(
        'docs/content/core-api/proxies.mdx and docs/content/core-api/targets.mdx both have sidebar.order 3: give each page of docs/content/core-api a position of its own',
      ),
    );
  });

  test.each([
    ['index', '/core-api/'],
    ['targets', '/core-api/targets/'],
    ['guides/index', '/core-api/guides/'],
  ])('publishes %s at %s', (id, path) => {
    expect(pagePath('/core-api/', id)).toBe(path);
  });
});

describe('neighbours and breadcrumbTrail', () => {
  const pages = orderPages(
    [entry('index', 1, 'Overview'), entry('authentication', 2, 'Authentication'), entry('targets', 3, 'Targets')],
    SECTION,
  );

  test('gives the first page only a next, the last only a previous, and a middle one both', () => {
    expect(neighbours(pages, pages[0]!)).toEqual({ next: pages[1] });
    expect(neighbours(pages, pages[1]!)).toEqual({ previous: pages[0], next: pages[2] });
    expect(neighbours(pages, pages[2]!)).toEqual({ previous: pages[1] });
  });

  test('leads from the docs through the section to the page, the section page ending at the section', () => {
    expect(breadcrumbTrail(SECTION, pages[2]!)).toEqual([
      { label: 'Docs', path: '/' },
      { label: 'Core API', path: '/core-api/' },
      { label: 'Targets' },
    ]);
    expect(breadcrumbTrail(SECTION, pages[0]!)).toEqual([{ label: 'Docs', path: '/' }, { label: 'Core API' }]);
  });
});

describe('search hits', () => {
  /** A hit on page `page` (a section when `section` is given). */
  const hit = (page: string, section?: string, score = 0): SearchHit => ({
    kind: section ? 'section' : 'page',
    url: section ? `/core-api/x/#${section}` : '/core-api/x/',
    title: section ?? page,
    pageTitle: page,
    excerpt: '',
    score,
  });

  test('reads a path as its words', () => {
    expect(queryWords('/targets/{targetId}')).toEqual(['targets', 'targetid']);
    expect(titleHolds('Core API authentication', 'authent')).toBe(true);
    expect(titleHolds('Targets', 'delete a target')).toBe(false);
  });

  test('lists the page first when its title holds every word typed', () => {
    const hits = [hit('Core API authentication'), hit('Core API authentication', 'Handle authentication errors', 90)];
    expect(orderHits(hits, 'authentication', 3).map((found) => found.title)).toEqual([
      'Core API authentication',
      'Handle authentication errors',
    ]);
  });

  test('lists first the section whose heading holds the words, then the page, then the best other sections', () => {
    const hits = [
      hit('Core API authentication'),
      hit('Core API authentication', 'In code', 45),
      hit('Core API authentication', 'Revoke a compromised token', 30),
      hit('Core API authentication', 'Test your token', 20),
      hit('Core API authentication', 'Token scope', 10),
    ];
    expect(orderHits(hits, 'revoke a compromised token', 3).map((found) => found.title)).toEqual([
      'Revoke a compromised token',
      'Core API authentication',
      'In code',
      'Test your token',
    ]);
  });

  test('lists first the section whose text holds what was typed, as typed (a path), over one that only scores higher', () => {
    const hits = [
      hit('Targets'),
      { ...hit('Targets', 'List targets', 9400), text: 'List targets. GET /api/clients/{clientId}/targets listTargets.' },
      { ...hit('Targets', 'Get a target', 9300), text: 'Get a target. GET /api/clients/{clientId}/targets/{targetId} getTarget.' },
    ];
    expect(orderHits(hits, '/targets/{targetId}', 3).map((found) => found.title)).toEqual(['Get a target', 'Targets', 'List targets']);
  });

  test('cuts a page into its sections by the words where their headings start', () => {
    const [page, ...sections] = pageHits({
      url: '/targets/',
      meta: { title: 'Targets' },
      excerpt: '',
      content: 'Targets. Intro. List targets. GET /targets Get a target. GET /targets/{targetId}',
      sub_results: [
        { title: 'Targets', url: '/targets/', excerpt: '', anchor: { location: 0 }, weighted_locations: [] },
        {
          title: 'List targets',
          url: '/targets/#list',
          excerpt: '',
          anchor: { location: 2 },
          weighted_locations: [{ weight: 1, balanced_score: 10 }],
        },
        {
          title: 'Get a target',
          url: '/targets/#get',
          excerpt: '',
          anchor: { location: 6 },
          weighted_locations: [{ weight: 1, balanced_score: 5 }],
        },
      ],
    });
    expect(page).toMatchObject({ kind: 'page', title: 'Targets' });
    expect(sections.map(({ title, score, text }) => ({ title, score, text }))).toEqual([
      { title: 'List targets', score: 10, text: 'List targets. GET /targets' },
      { title: 'Get a target', score: 5, text: 'Get a target. GET /targets/{targetId}' },
    ]);
  });
});

describe('sitemapXml', () => {
  test('lists each page once at its absolute URL under the base, in order, escaped', () => {
    expect(sitemapXml('https://example.com', '/rr-docs', ['core-api/', '', 'core-api/', "a&b'/"])).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://example.com/rr-docs/</loc></url>',
        '  <url><loc>https://example.com/rr-docs/a&#38;b&#39;/</loc></url>',
        '  <url><loc>https://example.com/rr-docs/core-api/</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });
});

describe('apiTable', () => {
  test('shows the success envelope from the description: the resources field and its fixed message', () => {
    const rows = apiTable('envelope').rows.map((row) => row.map((cell) => cell.text));
    expect(rows.map((row) => row[0])).toEqual(Object.keys(CLIENTS_OK.body));
    expect(rows.find((row) => row[0] === 'message')![2]).toBe(JSON.stringify(CLIENTS_OK.body.message));
  });

  test('shows ids and a timestamp from documented answers, the timestamp in ISO 8601 with milliseconds', () => {
    const rows = apiTable('formats').rows.map((row) => row.map((cell) => cell.text));
    const [client] = (CLIENTS_OK.body.clients ?? []) as Array<Record<string, string>>;
    expect(rows.map((row) => row[2])).toEqual([client!.clientId, TARGET.sKey, TARGET.targetCreatedAt]);
    expect(new Date(rows[2]![2]!).toISOString()).toBe(rows[2]![2]);
  });

  test('lists every error response of the description with its exact error and message', () => {
    expect(apiTable('errors').rows.map((row) => row.map((cell) => cell.text))).toEqual(
      API_ERRORS.flatMap(({ status, examples }) =>
        Object.values(examples).map((body) => [
          expect.stringMatching(new RegExp(`^${status} `)),
          JSON.stringify(body.error),
          JSON.stringify(body.message),
        ]),
      ),
    );
  });
});

describe('statusByPage', () => {
  const report = reportOf([
    caseReport({ example: 'list-clients', language: 'python', scenario: 'ok', status: 'passed' }),
    caseReport({ example: 'list-clients', language: 'python', scenario: 'revoked', status: 'failed' }),
    caseReport({ example: 'verify-token', language: 'go', scenario: 'ok', status: 'skipped', reason: 'go not found on PATH' }),
    caseReport({ example: 'old-example', language: 'curl', scenario: 'ok', status: 'passed' }),
  ]);
  const pages = [
    { title: 'Overview', path: '/core-api/', examples: [] },
    { title: 'Authentication', path: '/core-api/authentication/', examples: ['verify-token', 'never-run', 'list-clients'] },
    { title: 'Targets', path: '/core-api/targets/', examples: ['never-run'] },
  ];

  test("groups the cases by page, in the pages' order, then by example in the page's order, with totals, leaving out what was not run", () => {
    const { pages: groups } = statusByPage(report, pages, { 'list-clients': 'List your clients' });
    expect(groups.map((group) => [group.title, group.examples.map((example) => example.title), group.totals])).toEqual([
      ['Authentication', ['verify-token', 'List your clients'], { passed: 1, failed: 1, skipped: 1 }],
      [UNSHOWN_GROUP, ['old-example'], { passed: 1, failed: 0, skipped: 0 }],
    ]);
    expect(groups[0]!.examples[1]!.totals).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });

  test("groups a page's examples by the operation whose section holds them, else by the operations they call, with totals", () => {
    const report = reportOf([
      caseReport({ example: 'list-targets', language: 'python', scenario: 'ok', status: 'passed' }),
      caseReport({ example: 'target-lifecycle', language: 'go', scenario: 'ok', status: 'failed' }),
      caseReport({ example: 'create-target', language: 'curl', scenario: 'ok', status: 'passed' }),
      caseReport({ example: 'new-target', language: 'java', scenario: 'ok', status: 'skipped' }),
      caseReport({ example: 'old-example', language: 'curl', scenario: 'ok', status: 'passed' }),
    ]);
    const targets = {
      title: 'Targets',
      path: '/core-api/targets/',
      examples: ['list-targets', 'create-target', 'target-lifecycle', 'new-target'],
      operations: { 'list-targets': ['listTargets'], 'create-target': ['createTarget'], 'new-target': ['createTarget'] },
    };
    const calls = { 'target-lifecycle': ['createTarget', 'getTarget', 'deleteTarget'], 'list-targets': ['getTarget'] };
    const { pages: groups } = statusByPage(report, [targets], {}, calls);
    expect(
      groups[0]!.operations.map((group) => [group.operations, group.examples.map((example) => example.example), group.totals]),
    ).toEqual([
      [['listTargets'], ['list-targets'], { passed: 1, failed: 0, skipped: 0 }],
      [['createTarget'], ['create-target', 'new-target'], { passed: 1, failed: 0, skipped: 1 }],
      [['createTarget', 'getTarget', 'deleteTarget'], ['target-lifecycle'], { passed: 0, failed: 1, skipped: 0 }],
    ]);
    expect(groups[1]!.operations).toEqual([
      expect.objectContaining({ operations: [], examples: [expect.objectContaining({ example: 'old-example' })] }),
    ]);
  });
});
