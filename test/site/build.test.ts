// The built site: every snippet shown byte for byte as accessible tabs, responses from the API
// contract, the tested status from the harness report, lean pages, and a clear failure for a
// page that names an unknown example.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLIENTS_OK, FORBIDDEN, UNAUTHORIZED, formatBody } from '../../scripts/api/contract.ts';
import { LANGUAGES } from '../../scripts/languages.ts';
import { loadExample } from '../../scripts/manifest/examples.ts';
import { copiedText } from '../../docs/components/code-block.ts';
import { buildSite, makeBuildDir } from './build-site.ts';
import { decodeHtml, innerHtml, startTags, textOf, type Tag } from './html.ts';
import { builtSite, readPage, readSnippet } from './site.ts';

const GUIDE = '/core-api/authentication/';
const EXAMPLES = ['list-clients', 'verify-token'];
const CASES = EXAMPLES.flatMap((example) => LANGUAGES.map((language) => ({ example, language: language.id })));

/** The copy text (kept verbatim, or rebuilt from the shown lines as the copy button does), the highlighted text and the title of the code block inside `inner`. */
function codeIn(inner: string): { raw: string; shown: string; title: string; verbatim: boolean } {
  const block = startTags(inner).find((tag) => tag.attributes.class === 'code-block');
  const template = /<template data-raw[^>]*>([\s\S]*?)<\/template>/.exec(inner)?.[1];
  const shownHtml = /<pre class="code"[^>]*>([\s\S]*?)<\/pre>/.exec(inner)?.[1];
  const title = /<span class="code-title"[^>]*>([\s\S]*?)<\/span>/.exec(inner)?.[1];
  if (!block || shownHtml === undefined || title === undefined) throw new Error(`no code block in ${inner.slice(0, 200)}`);
  const shown = textOf(shownHtml);
  const plan = { eol: block.attributes['data-eol'] === 'crlf' ? '\r\n' : '\n', finalNewline: 'data-final-newline' in block.attributes } as const;
  const raw = template === undefined ? copiedText(shown, plan) : decodeHtml(template);
  return { raw, shown, title: textOf(title), verbatim: template !== undefined };
}

/** Every code block of a page, each with its own start tag. */
function codeBlocks(html: string): string[] {
  return startTags(html)
    .filter((tag) => tag.name === 'div' && tag.attributes.class === 'code-block')
    .map((tag) => html.slice(tag.start, tag.end) + innerHtml(html, tag));
}

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
  let tags: Tag[];
  const byId = (id: string) => tags.find((tag) => tag.attributes.id === id);

  beforeAll(async () => {
    html = await readPage(GUIDE);
    tags = startTags(html);
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
    for (const fact of ['AWS Secrets Manager', 'Azure Key Vault', 'HashiCorp Vault', 'Kubernetes Secrets', 'Public repositories', 'Log files', 'Error messages', 'Keys', 'Settings', 'REQUESTROCKET_USER_TOKEN', 'Bearer']) {
      expect(text).toContain(fact.toLowerCase());
    }
  });

  test.each(CASES)('shows $example in $language byte for byte, highlighted and as copy text, under its file name', async ({ example, language }) => {
    const { files } = await loadExample(path.resolve('snippets', example));
    const file = files.find((candidate) => candidate.language === language)!;
    const expected = await readSnippet(example, file.name);
    const panel = byId(`example-${example}-panel-${language}`);
    expect(panel?.attributes.role).toBe('tabpanel');
    const { raw, shown, title } = codeIn(innerHtml(html, panel!));
    expect(raw).toBe(expected);
    expect(shown).toBe(expected.replace(/\n$/, ''));
    expect(title).toBe(file.name);
  });

  test.each(EXAMPLES)('renders %s as WAI-ARIA tabs in the order JavaScript, Python, Go, Java, curl', (example) => {
    const group = `example-${example}`;
    const tabList = tags.find((tag) => tag.attributes.role === 'tablist' && innerHtml(html, tag).includes(`id="${group}-tab-`));
    expect(tabList?.attributes['aria-label']).toMatch(/: language$/);
    const tabs = startTags(innerHtml(html, tabList!)).filter((tag) => tag.attributes.role === 'tab');
    expect(tabs.map((tab) => tab.attributes['data-lang'])).toEqual(LANGUAGES.map((language) => language.id));
    tabs.forEach((tab, index) => {
      const language = LANGUAGES[index]!;
      expect(tab.name).toBe('button');
      expect(tab.attributes.type).toBe('button');
      expect(tab.attributes.id).toBe(`${group}-tab-${language.id}`);
      expect(tab.attributes['aria-controls']).toBe(`${group}-panel-${language.id}`);
      expect(tab.attributes['aria-selected']).toBe(index === 0 ? 'true' : 'false');
      expect(tab.attributes.tabindex).toBe(index === 0 ? '0' : '-1');
      const tag = tags.find((candidate) => candidate.start > tabList!.start && candidate.attributes.id === tab.attributes.id)!;
      expect(textOf(innerHtml(html, tag)).trim()).toBe(language.label);
      expect(byId(`${group}-panel-${language.id}`)?.attributes['aria-labelledby']).toBe(tab.attributes.id);
    });
  });

  test.each(CASES)('labels the $example $language panel with its language for readers without JavaScript', ({ example, language }) => {
    const inner = innerHtml(html, byId(`example-${example}-panel-${language}`)!);
    const label = LANGUAGES.find((candidate) => candidate.id === language)!.label;
    expect(inner).toMatch(new RegExp(`<span class="nojs-label"[^>]*>${label}</span>`));
  });

  test.each([
    ['list-clients', 'javascript', 'passed', 'Tested: 5 of 5 scenarios passed'],
    ['list-clients', 'python', 'failed', 'Failed: 2 of 5 scenarios'],
    ['list-clients', 'go', 'skipped', 'Skipped (go not found on PATH)'],
    ['list-clients', 'java', 'partial', 'Tested: 3 of 5 scenarios passed, 2 skipped'],
    ['list-clients', 'curl', 'not-run', 'Not run'],
    ...LANGUAGES.map((language) => ['verify-token', language.id, 'passed', 'Tested: 5 of 5 scenarios passed']),
  ])('says the %s %s file is %s: "%s"', (example, language, state, label) => {
    const inner = innerHtml(html, byId(`example-${example}-panel-${language}`)!);
    const badge = startTags(inner).find((tag) => tag.attributes.class?.split(' ').includes('tested'))!;
    expect(badge.attributes['data-state']).toBe(state);
    expect(textOf(innerHtml(inner, badge)).trim()).toBe(label);
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

  test('shows the raw HTTP request from snippets/list-clients/request.http', async () => {
    const block = codeBlocks(html).find((candidate) => />request\.http<\/span>/.test(candidate))!;
    expect(codeIn(block).raw).toBe(await readSnippet('list-clients', 'request.http'));
  });
});

describe('lean pages', () => {
  /** Every built HTML page, with its path. */
  async function pages(): Promise<{ file: string; html: string }[]> {
    const dir = builtSite();
    const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html'));
    return Promise.all(files.map(async (file) => ({ file, html: await readFile(path.join(dir, file), 'utf8') })));
  }

  test('keeps each page\'s client JavaScript (language restore, tabs, copy, table of contents) under 3 KB gzipped', async () => {
    for (const { file, html } of await pages()) {
      let code = '';
      for (const match of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        const src = /\ssrc="([^"]+)"/.exec(match[1]!)?.[1];
        code += src ? await readFile(path.join(builtSite(), src), 'utf8') : match[2];
      }
      const gzipped = gzipSync(code, { level: 9 }).length;
      console.info(`${file}: client JavaScript ${code.length} bytes, ${gzipped} bytes gzipped`);
      expect(gzipped, file).toBeLessThan(3 * 1024);
    }
  });

  test('keeps the guide\'s HTML at most half its size with inline token colours, and at most three quarters gzipped', async () => {
    // The guide with Shiki's inline colours weighed 247,176 bytes (20,712 gzipped); code colours are
    // now palette classes, icons a sprite, and copy text is rebuilt from the shown lines.
    const html = await readPage(GUIDE);
    const raw = Buffer.byteLength(html);
    const gzipped = gzipSync(html, { level: 9 }).length;
    console.info(`${GUIDE}: HTML ${raw} bytes, ${gzipped} bytes gzipped`);
    expect(raw).toBeLessThanOrEqual(0.5 * 247_176);
    expect(gzipped).toBeLessThanOrEqual(0.75 * 20_712);
    expect(html).not.toMatch(/--shiki-|style="color:/);
  });

  test('loads nothing from another origin', async () => {
    const dir = builtSite();
    const external = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
    for (const { file, html } of await pages()) {
      for (const tag of startTags(html)) {
        for (const name of ['src', 'srcset', 'poster', 'data']) expect(tag.attributes[name] ?? '', `${file} <${tag.name} ${name}>`).not.toMatch(external);
        if (tag.name !== 'a') expect(tag.attributes.href ?? '', `${file} <${tag.name} href>`).not.toMatch(external);
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
      message: `<CodeTabs example="no-such-example">: unknown example "no-such-example": there is no folder ${path.join(snippets, 'no-such-example')}.\n  Known examples: complete, missing-go.`,
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
