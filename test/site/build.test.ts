// The built site: every example a page shows (as its built HTML says) with each file byte for byte
// in accessible tabs, responses from the API contract, the tested status from the harness report,
// the status page, the Markdown twin and /llms.txt, nothing from another origin, and a clear
// failure for a page that names an unknown example. Page weights are measured by `npm run
// bench:site`, not here.
// vitest project: site (test/support/projects.ts)
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { API_OPERATIONS, documentedError, documentedSuccess, formatBody } from '../../scripts/api/core-api.ts';
import { LANGUAGES } from '../../scripts/languages.ts';
import { buildSite, makeBuildDir } from './build-site.ts';
import { decodeHtml, innerHtml, startTags, textOf, type Tag } from './html.ts';
import { readReport } from '../../scripts/report/report-io.ts';
import { readerStream, runDate } from '../../docs/lib/evidence.ts';
import { FIXTURE_REPORT } from './fixture-report.ts';
import {
  codeBlocks,
  codeIn,
  expectAccessibleTabs,
  expectTabsShowFiles,
  expectTwinBlocksAreShownSources,
  expectTwinHoldsFiles,
  panelOf,
  shownFiles,
  tabbedExamples,
} from './page-checks.ts';
import { builtSite, readPage, readSnippet } from './site.ts';
import { writtenPages } from './collection.ts';

const CLIENTS_OK = documentedSuccess('listClients');
const FORBIDDEN = documentedError(403);
const UNAUTHORIZED = documentedError(401);

const GUIDE = '/core-api/authentication/';
const SNIPPETS = path.resolve('snippets');
// The examples the guide shows, as its built HTML says (a build that failed shows none; the first test then fails with its output).
const EXAMPLES = await tabbedExamples(await readPage(GUIDE).catch(() => ''), SNIPPETS);
const CASES = EXAMPLES.flatMap((example) => LANGUAGES.map((language) => ({ example: example.id, language: language.id })));
const byId = (id: string) => EXAMPLES.find((example) => example.id === id)!;
// The section's pages as their MDX files say, in sidebar order.
const PAGES = await writtenPages();
/** A page's Markdown twin's path. */
const twinOf = (pagePath: string) => `${pagePath.replace(/\/$/, '')}.md`;

describe('the home page', () => {
  test('introduces the docs and links to the guide', async () => {
    const html = await readPage('/');
    expect(html).toContain('<title>RequestRocket Core API docs</title>');
    expect(html).toMatch(/<h1[^>]*>RequestRocket Core API docs<\/h1>/);
    expect(startTags(html).some((tag) => tag.name === 'a' && tag.attributes.href === GUIDE)).toBe(true);
  });
});

describe('the guide', () => {
  let html: string;

  beforeAll(async () => {
    html = await readPage(GUIDE);
  });

  test('is titled and covers every topic of the API contract', () => {
    expect(html).toContain('<title>Core API authentication · RequestRocket Core API docs</title>');
    const headings = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((match) => match[1]);
    expect(headings).toEqual([
      'about-user-tokens',
      'get-your-token',
      'send-your-token-with-each-request',
      'handle-authentication-errors',
      'keep-your-token-safe',
      'token-scope',
      'revoke-a-compromised-token',
      'test-your-token',
    ]);
    const text = textOf(html).toLowerCase();
    for (const fact of [
      'AWS Secrets Manager',
      'Azure Key Vault',
      'HashiCorp Vault',
      'Kubernetes Secrets',
      'Public repositories',
      'Log files',
      'Error messages',
      'Keys',
      'Settings',
      'REQUESTROCKET_USER_TOKEN',
      'Bearer',
    ]) {
      expect(text).toContain(fact.toLowerCase());
    }
  });

  test('shows at least one example, each from snippets/', () => {
    expect(EXAMPLES.length).toBeGreaterThan(0);
  });

  test.each(EXAMPLES.map((example) => example.id))('shows %s with every file byte for byte, highlighted and as copy text', async (id) => {
    await expectTabsShowFiles(html, byId(id));
  });

  test.each(EXAMPLES.map((example) => example.id))(
    'renders %s as WAI-ARIA tabs in the order JavaScript, Python, Go, Java, curl, labelled for readers without JavaScript',
    (id) => {
      expectAccessibleTabs(html, byId(id));
    },
  );

  test.each([
    ['list-clients', 'javascript', 'passed', 'Tested: 5 of 5 scenarios passed'],
    ['list-clients', 'python', 'failed', 'Failed: 2 of 5 scenarios'],
    ['list-clients', 'go', 'skipped', 'Skipped (go not found on PATH)'],
    ['list-clients', 'java', 'partial', 'Tested: 3 of 5 scenarios passed, 2 skipped'],
    ['list-clients', 'curl', 'not-run', 'Not run'],
    ...LANGUAGES.map((language) => ['verify-token', language.id, 'passed', 'Tested: 5 of 5 scenarios passed']),
  ])('says the %s %s file is %s: "%s"', (example, language, state, label) => {
    const inner = panelOf(html, example, language);
    const badge = startTags(inner).find((tag) => tag.attributes.class?.split(' ').includes('tested'))!;
    expect(badge.name).toBe('details');
    expect(badge.attributes['data-state']).toBe(state);
    const summary = startTags(inner).find((tag) => tag.name === 'summary' && tag.start > badge.start)!;
    expect(textOf(innerHtml(inner, summary)).trim()).toBe(label);
  });

  test.each([
    [CLIENTS_OK, 'OK'],
    [UNAUTHORIZED, 'Unauthorized'],
    [FORBIDDEN, 'Forbidden'],
  ] as const)('shows the contract body of $status as JSON, exactly', (response, reason) => {
    const statusLine = `${response.status} ${reason}`;
    const blocks = codeBlocks(html).filter((block) => block.includes(`>${statusLine}</span>`));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const { raw, shown } = codeIn(block);
      expect(raw).toBe(formatBody(response.body));
      expect(shown).toBe(formatBody(response.body));
    }
  });

  test('shows 200 and 401 after the token check, and each of 200, 401 and 403 at least once', () => {
    const statuses = [...html.matchAll(/class="http-status"[^>]*>(\d{3}) /g)].map((match) => Number(match[1]));
    expect(statuses).toEqual([200, 401, 403, 200, 401]);
  });

  test('shows every file it names on its own (<CodeFile>) byte for byte, the raw HTTP request among them', async () => {
    const files = shownFiles(html);
    expect(files).toContainEqual({ example: 'list-clients', file: 'request.http' });
    for (const { example, file } of files) {
      const block = codeBlocks(html).find((candidate) => candidate.includes(`>${file}</span>`))!;
      expect(codeIn(block).raw).toBe(await readSnippet(example, file));
    }
  });
});

describe('the evidence under each tab', () => {
  let html: string;
  let tags: Tag[];
  const panel = (example: string, language: string) =>
    innerHtml(
      html,
      tags.find((tag) => tag.attributes.id === `example-${example}-panel-${language}`)!,
    );
  const part = (inner: string, className: string) => {
    const tag = startTags(inner).find((candidate) => candidate.attributes.class?.split(' ').includes(className));
    if (!tag) throw new Error(`no .${className} in ${inner.slice(0, 200)}`);
    return innerHtml(inner, tag);
  };

  beforeAll(async () => {
    html = await readPage(GUIDE);
    tags = startTags(html);
  });

  test.each(CASES)(
    '$example in $language: "What you will see" holds the report\'s output for the file as it is now, or says it is not available',
    async ({ example, language }) => {
      const report = (await readReport(FIXTURE_REPORT))!;
      const output = part(panel(example, language), 'program-output');
      expect(textOf(output)).toMatch(/^What you will see/);
      const cases = report.cases.filter(
        (entry) =>
          entry.example === example &&
          entry.language === language &&
          ['ok', 'revoked', 'forbidden'].includes(entry.scenario) &&
          entry.evidence,
      );
      if (cases.length === 0) {
        expect(textOf(output)).toContain('The output is not available for this version.');
        return;
      }
      const shown = [...output.matchAll(/<pre class="stream"[^>]*>([\s\S]*?)<\/pre>/g)].map((match) => decodeHtml(match[1]!));
      const expected = cases.flatMap((entry) =>
        [readerStream(entry.evidence!.stdout), readerStream(entry.evidence!.stderr)].filter(Boolean).map((text) => text.replace(/\n$/, '')),
      );
      expect(shown).toEqual(expected);
      for (const entry of cases) expect(textOf(output)).toContain(`exit code ${entry.evidence!.exitCode}`);
      expect(output).not.toContain('JAVA_TOOL_OPTIONS');
    },
  );

  test("shows a failing program's output with the token masked, as the harness captured it", () => {
    const output = textOf(part(panel('list-clients', 'python'), 'program-output'));
    expect(output).toContain('With a revoked tokenexit code 0');
    expect(output).toContain('Token u-ab…(34 chars) was refused: 401');
  });

  test("opens the tested status on every scenario's result, the runtime the run reported, its date and commit", async () => {
    const report = (await readReport(FIXTURE_REPORT))!;
    const text = textOf(part(panel('list-clients', 'python'), 'tested-panel')).replace(/\s+/g, ' ');
    const cases = report.cases.filter((entry) => entry.example === 'list-clients' && entry.language === 'python');
    expect(cases.length).toBeGreaterThan(0);
    for (const entry of cases) expect(text).toMatch(new RegExp(`${entry.status} [a-z ]*token`));
    expect(text).toContain(
      'failed revoked token (exit-code: exited 0 after a 401; expected a non-zero exit code; token-leak: printed the token (u-ab…(34 chars)) on standard output)',
    );
    expect(text).toContain(`Ran with ${cases[0]!.runtime} on ${runDate(report.run.startedAt)}, commit ${report.run.commit!.slice(0, 7)}.`);
    expect(textOf(part(panel('list-clients', 'java'), 'tested-panel'))).toContain('skipped revoked token (timed out preparing)');
    expect(textOf(part(panel('list-clients', 'curl'), 'tested-panel'))).toContain('The latest test run did not include this file.');
  });
});

describe('the status page', () => {
  let html: string;

  beforeAll(async () => {
    html = await readPage('/status/');
  });

  /** The text of the first `name` element inside `outer`. */
  const headingText = (outer: string, name: string) =>
    textOf(
      innerHtml(
        outer,
        startTags(outer).find((tag) => tag.name === name)!,
      ),
    );

  /** The pages that show an example of the fixture report, in sidebar order, each with those examples in its order. */
  async function pagesShowingReport() {
    const report = (await readReport(FIXTURE_REPORT))!;
    const reported = new Set(report.cases.map((entry) => entry.example));
    const showing = [];
    for (const page of PAGES) {
      const shown = (await tabbedExamples(await readPage(page.path), SNIPPETS)).filter((example) => reported.has(example.id));
      if (shown.length > 0)
        showing.push({ page, shown, cases: report.cases.filter((entry) => shown.some((example) => example.id === entry.example)) });
    }
    return showing;
  }

  test('groups the results by the page that shows them, then by operation, then by example, one cell per case of the report', async () => {
    const showing = await pagesShowingReport();
    const groups = startTags(html).filter((tag) => tag.attributes.class === 'status-page');
    expect(groups.map((group) => headingText(innerHtml(html, group), 'h2'))).toEqual(showing.map((entry) => entry.page.title));
    for (const [index, { shown, cases }] of showing.entries()) {
      const group = innerHtml(html, groups[index]!);
      const examples = startTags(group).filter((tag) => tag.attributes.class === 'status-example');
      expect(examples.map((example) => headingText(innerHtml(group, example), 'h4'))).toEqual(
        shown.map((example) => `${example.manifest.title} ${example.id}`),
      );
      // Each example sits under its operation, named by its summary, method and path.
      for (const operation of startTags(group).filter((tag) => tag.attributes.class === 'status-operation')) {
        const section = innerHtml(group, operation);
        const ids = startTags(section)
          .filter((tag) => tag.attributes.class === 'status-example')
          .map((tag) => headingText(innerHtml(section, tag), 'h4').split(' ').at(-1)!);
        for (const id of ids) {
          const called = API_OPERATIONS.find(
            (candidate) => candidate.operationId === shown.find((example) => example.id === id)!.manifest.operation,
          )!;
          expect(headingText(section, 'h3')).toBe(`${called.summary} ${called.method} ${called.path}`);
        }
      }
      const cells = startTags(group)
        .filter((tag) => tag.name === 'td')
        .map((tag) => tag.attributes['data-status'] ?? 'none');
      expect(cells.filter((status) => status !== 'none')).toHaveLength(cases.length);
      for (const status of ['passed', 'failed', 'skipped'] as const)
        expect(cells.filter((cell) => cell === status)).toHaveLength(cases.filter((entry) => entry.status === status).length);
      const totals = (status: string) => cases.filter((entry) => entry.status === status).length;
      expect(textOf(group)).toContain(`${totals('passed')} passed, ${totals('failed')} failed, ${totals('skipped')} skipped`);
    }
  });

  test('can show only what failed without JavaScript: a checkbox, and every group and scenario marked failed or clean', async () => {
    const tags = startTags(html);
    expect(tags.some((tag) => tag.name === 'input' && tag.attributes.type === 'checkbox' && tag.attributes.id === 'only-failed')).toBe(
      true,
    );
    expect(tags.some((tag) => tag.name === 'label' && tag.attributes.for === 'only-failed')).toBe(true);
    const rows = tags.filter((tag) => tag.name === 'tr' && tag.attributes['data-outcome']);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const failed = startTags(innerHtml(html, row)).some((tag) => tag.attributes['data-status'] === 'failed');
      expect(row.attributes['data-outcome']).toBe(failed ? 'failed' : 'clean');
    }
    // The fixture report has a failing Python file, so each page that shows its example is marked failed, and the others clean.
    const showing = await pagesShowingReport();
    expect(tags.filter((tag) => tag.attributes.class === 'status-page').map((tag) => tag.attributes['data-outcome'])).toEqual(
      showing.map((entry) => (entry.cases.some((each) => each.status === 'failed') ? 'failed' : 'clean')),
    );
    expect(showing.some((entry) => entry.cases.some((each) => each.status === 'failed'))).toBe(true);
  });

  test("gives each failure its check ids and messages, each skip its reason, the totals, and the run's date, commit and duration", async () => {
    const report = (await readReport(FIXTURE_REPORT))!;
    const text = decodeHtml(html.slice(html.indexOf('<main')).replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
    expect(text).toContain('exit-code: exited 0 after a 401; expected a non-zero exit code');
    expect(text).toContain('token-leak: printed the token (u-ab…(34 chars)) on standard output');
    expect(text).toContain('go not found on PATH');
    expect(text).toContain(`Passed ${report.summary.passed} Failed ${report.summary.failed} Skipped ${report.summary.skipped}`);
    expect(text).toContain(`Run ${runDate(report.run.startedAt)} Commit ${report.run.commit!.slice(0, 7)} Took 12.3 s`);
    expect(html).not.toMatch(/\bu-[A-Za-z0-9_-]{16,}/);
  });

  test('says plainly at the top that the report does not cover a file as it is now', () => {
    // The fixture report has no case for list-clients' curl file.
    const top = textOf(html.slice(html.indexOf('<main'), html.indexOf('<table')));
    expect(top).toContain('This report is out of date');
    expect(top).toContain('list-clients.sh: the report has no result for it');
  });

  test.each(['/', GUIDE, '/status/'])('is linked from the footer of %s', async (url) => {
    const page = await readPage(url);
    const footer = page.slice(page.indexOf('<footer'));
    expect(startTags(footer).some((tag) => tag.name === 'a' && tag.attributes.href === '/status/')).toBe(true);
  });
});

describe('the Markdown twin and /llms.txt', () => {
  let twin: string;

  beforeAll(async () => {
    twin = await readFile(path.join(builtSite(), 'core-api/authentication.md'), 'utf8');
  });

  test("the guide's head points to its twin", async () => {
    const html = await readPage(GUIDE);
    const link = startTags(html).find((tag) => tag.name === 'link' && tag.attributes.rel === 'alternate');
    expect(link?.attributes).toMatchObject({ type: 'text/markdown', href: '/core-api/authentication.md' });
  });

  test("starts with the guide's title and lead, and keeps its headings", async () => {
    expect(twin).toMatch(/^# Core API authentication\n\n> Every Core API request carries/);
    const html = await readPage(GUIDE);
    const headings = [...html.matchAll(/<h([23]) id="[^"]+"[^>]*>([\s\S]*?)<\/h\1>/g)].map(
      (match) => `${'#'.repeat(Number(match[1]))} ${textOf(match[2]!)}`,
    );
    expect(twin.split('\n').filter((line) => /^#{2,3} /.test(line))).toEqual(headings);
    const prose = twin.replace(/^(`{3,})\w*\n[\s\S]*?\n\1$/gm, '');
    expect(prose).not.toMatch(/<[A-Z]\w*|\{[A-Z_]+\}|^import /m);
  });

  test.each(EXAMPLES.map((example) => example.id))(
    'holds every file of %s byte for byte, labelled with its language, file and tested status',
    async (id) => {
      await expectTwinHoldsFiles(twin, await readPage(GUIDE), byId(id));
    },
  );

  test('every code block in the twin is a file the page shows or a response of the API contract, byte for byte, one per block the page shows', async () => {
    expectTwinBlocksAreShownSources(twin, await readPage(GUIDE));
  });

  test("/llms.txt has a title, a summary and sections of links: every page's twin, every example, the rest", async () => {
    const text = await readFile(path.join(builtSite(), 'llms.txt'), 'utf8');
    expect(text).toMatch(/^# RequestRocket Core API docs\n\n> \S[^\n]+\n\n## Core API\n\n- \[/);
    for (const page of PAGES) expect(text).toContain(`- [${page.title}](${twinOf(page.path)}): ${page.description}\n`);
    expect(text).toContain('\n## Optional\n\n- [Every page in one file](/llms-full.txt): ');
    expect(text).toContain('\n- [Test status](/status/): ');
    for (const example of EXAMPLES) expect(text).toContain(`- [${example.manifest.title}](/core-api/authentication.md): `);
  });
});

describe('every page', () => {
  /** Every built HTML page, with its path. */
  async function pages(): Promise<{ file: string; html: string }[]> {
    const dir = builtSite();
    const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html'));
    return Promise.all(files.map(async (file) => ({ file, html: await readFile(path.join(dir, file), 'utf8') })));
  }

  test('colours code with the palette classes, never inline styles', async () => {
    for (const { file, html } of await pages()) expect(html, file).not.toMatch(/--shiki-|style="color:/);
  });

  test('loads nothing from another origin', async () => {
    const dir = builtSite();
    const external = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
    for (const { file, html } of await pages()) {
      for (const tag of startTags(html)) {
        for (const name of ['src', 'srcset', 'poster', 'data'])
          expect(tag.attributes[name] ?? '', `${file} <${tag.name} ${name}>`).not.toMatch(external);
        // Links are followed by the reader, and a canonical URL is never fetched: neither loads anything.
        if (tag.name !== 'a' && tag.attributes.rel !== 'canonical')
          expect(tag.attributes.href ?? '', `${file} <${tag.name} href>`).not.toMatch(external);
      }
      for (const url of html.matchAll(/url\(\s*['"]?([^'")]+)/g)) expect(url[1], file).not.toMatch(external);
    }
    const styles = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.css'));
    for (const file of styles) {
      const css = await readFile(path.join(dir, file), 'utf8');
      for (const url of css.matchAll(/(?:url\(|@import)\s*['"]?([^'")\s]+)/g)) expect(url[1], file).not.toMatch(external);
    }
  });
});

describe('a page whose example cannot be shown', () => {
  const snippets = path.resolve('test/fixtures/site/snippets');
  const invalidReport = path.resolve('test/fixtures/site/invalid-report.json');

  test.each([
    {
      problem: 'an unknown example',
      example: 'no-such-example',
      report: '',
      message: `<CodeTabs example="no-such-example">: unknown example "no-such-example": there is no folder ${path.join(snippets, 'no-such-example')}.\n  Known examples: complete, missing-go, odd-title.`,
    },
    {
      problem: 'an example without a Go file',
      example: 'missing-go',
      report: '',
      message: `<CodeTabs example="missing-go">: the example has no file for Go (.go).\n  Looked in ${path.join(snippets, 'missing-go')} and found hello.mjs, hello.py, Hello.java, hello.sh.`,
    },
    {
      problem: 'an invalid harness report',
      example: 'complete',
      report: invalidReport,
      message: `${path.relative(process.cwd(), invalidReport)}: invalid harness report\n  - field "summary.durationMs": `,
      also: ['- field "cases[0].status": ', 'found "ok" (string)'],
    },
  ])('fails the build with a message naming the problem and where it looked: $problem', async ({ example, report, message, also }) => {
    const outDir = await makeBuildDir();
    try {
      const result = await buildSite({
        root: 'test/fixtures/site/one-example',
        outDir,
        env: { RR_DOCS_SNIPPETS: snippets, RR_DOCS_REPORT: report || path.join(outDir, 'no-report.json'), RR_FIXTURE_EXAMPLE: example },
      });
      expect(result.ok).toBe(false);
      expect(result.output).toContain(message);
      for (const part of also ?? []) expect(result.output).toContain(part);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
