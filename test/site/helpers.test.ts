// The small pure helpers behind the components and layouts.
// vitest project: unit (test/support/projects.ts)
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { documentedError, documentedSuccess, formatBody } from '../../scripts/api/core-api.ts';
import { LANGUAGE_IDS } from '../../scripts/languages.ts';
import { copiedText, copyPlan, escapeRawText, shownText } from '../../docs/components/internal/code-block.ts';
import { codePalette, paletteCss, tokenClasses } from '../../docs/lib/code-palette.ts';
import { CodeFileError, grammarOfFile, loadCodeFile } from '../../docs/components/code-file.ts';
import { highlight } from '../../docs/lib/highlight.ts';
import { languageCss, prepaintScript } from '../../docs/lib/prepaint.ts';
import { PropsError, parseProps } from '../../docs/lib/props.ts';
import { responseView } from '../../docs/components/responses.ts';
import { stepsHtml } from '../../docs/components/steps.ts';
import { headingText } from '../../docs/components/internal/heading-text.ts';
import { uniqueId } from '../../docs/lib/unique-id.ts';
import { isCurrent } from '../../docs/layouts/site.ts';
import { buildToc } from '../../docs/layouts/toc.ts';
import { useScratchHighlightCache } from './scratch-highlight-cache.ts';

const CLIENTS_OK = documentedSuccess('listClients');
const FORBIDDEN = documentedError(403);
const UNAUTHORIZED = documentedError(401);

// Blocks highlighted here go to a cache of their own, not the site's, removed afterwards.
useScratchHighlightCache();

const root = path.resolve('test/fixtures/site/snippets');

describe('parseProps', () => {
  const schema = z.strictObject({ example: z.string({ error: 'expected an example id (a string)' }) });

  test('returns the props when they are valid, ignoring the attributes Astro adds for scoped styles', () => {
    expect(parseProps('CodeTabs', schema, { example: 'list-clients', 'data-astro-cid-abc': true })).toEqual({ example: 'list-clients' });
  });

  test('names the component, the prop, what it expected and what it found', () => {
    expect(() => parseProps('CodeTabs', schema, { example: 42 })).toThrow(
      new PropsError('CodeTabs', ['prop "example": expected an example id (a string), found 42 (number)']),
    );
  });

  test('names unknown props', () => {
    expect(() => parseProps('CodeTabs', schema, { example: 'x', exmaple: 'y' })).toThrow('unknown prop(s) "exmaple"');
  });

  test('says when a required prop is missing', () => {
    expect(() => parseProps('CodeTabs', schema, {})).toThrow('prop "example": expected an example id (a string), found nothing');
  });
});

describe('responseView', () => {
  test.each([
    [200, 'OK', CLIENTS_OK.body],
    [401, 'Unauthorized', UNAUTHORIZED.body],
    [403, 'Forbidden', FORBIDDEN.body],
  ] as const)('gives %i %s with the contract body', (status, reason, body) => {
    expect(responseView(status)).toEqual({ status, reason, body: formatBody(body) });
  });
});

describe('escapeRawText', () => {
  test('escapes what the HTML parser would change: &, <, > and carriage returns', () => {
    expect(escapeRawText('a < b && c > d\r\n"e"')).toBe('a &lt; b &amp;&amp; c &gt; d&#13;\n"e"');
  });
});

describe('copyPlan and copiedText', () => {
  test.each([
    ['LF with a final newline', 'a\nb\n'],
    ['LF without a final newline', 'a\nb'],
    ['CRLF with a final newline', 'a \\\r\n  b\r\n'],
    ['an empty last line', 'a\n\n'],
    ['one line', 'a'],
  ])('rebuilds %s byte for byte from the shown lines', (_name, code) => {
    const plan = copyPlan(code);
    expect(plan).toBeDefined();
    expect(copiedText(shownText(code), plan!)).toBe(code);
  });

  test.each([
    ['mixed line endings', 'a\r\nb\n'],
    ['a lone carriage return', 'a\rb\n'],
  ])('refuses %s, so the page keeps the text verbatim', (_name, code) => {
    expect(copyPlan(code)).toBeUndefined();
  });
});

describe('the code palette', () => {
  const light = {
    name: 'l',
    fg: '#111111',
    tokenColors: [{ settings: { foreground: '#AA0000' } }, { settings: { foreground: '#00aa00', fontStyle: 'italic' } }],
  };
  const dark = { name: 'd', colors: { 'editor.foreground': '#EEEEEE' }, tokenColors: [{ settings: { foreground: '#ff0000' } }] };
  const palette = codePalette(light, dark);

  test('gives every colour of each theme one class and writes each palette once', () => {
    expect(tokenClasses('--shiki-light:#AA0000;--shiki-dark:#FF0000', palette)).toEqual(['l1', 'd0']);
    expect(tokenClasses('--shiki-light:#111111;--shiki-dark:#eeeeee', palette)).toEqual([]);
    expect(
      tokenClasses('--shiki-light:#00AA00;--shiki-dark:#eeeeee;--shiki-light-font-style:italic;--shiki-dark-font-style:italic', palette),
    ).toEqual(['l0', 'fi']);
    const css = paletteCss(palette);
    expect(css).toContain('.code{color:light-dark(#111111,#eeeeee)}');
    expect(css).toContain('.l1{--l:#aa0000}');
    expect(css).toContain('.d0{--d:#ff0000}');
    expect(css.match(/#aa0000/g)).toHaveLength(1);
  });

  test('refuses a colour or a style it cannot express, naming it', () => {
    expect(() => tokenClasses('--shiki-light:#123456;--shiki-dark:#ff0000', palette)).toThrow(
      "the light colour #123456, which is not in the light theme's palette",
    );
    expect(() => tokenClasses('--shiki-light:#aa0000;opacity:0.5', palette)).toThrow('the style "opacity:0.5"');
  });
});

describe('highlight', () => {
  test('renders a focusable <pre> whose tokens carry their colours as palette classes, not styles', async () => {
    const html = await highlight('const a = 1;\n', 'javascript');
    expect(html).toMatch(/^<pre class="code" tabindex="0"><code>/);
    expect(html).not.toContain('style=');
    expect(html).toMatch(/<span class="l[0-9a-z]+ d[0-9a-z]+">const<\/span>/);
    expect(html).not.toContain('class="line"');
    expect(html).toMatch(/ 1<\/span><span>;<\/span><\/code><\/pre>$/);
  });

  test('refuses a grammar the site does not load', async () => {
    await expect(highlight('x', 'cobol')).rejects.toThrow('Cannot highlight "cobol"');
  });
});

describe('grammarOfFile and loadCodeFile', () => {
  test.each([
    ['request.http', 'http'],
    ['list_clients.py', 'python'],
    ['list-clients.sh', 'bash'],
    ['notes.txt', undefined],
  ])('highlights %s as %s', (file, grammar) => {
    expect(grammarOfFile(file)).toBe(grammar);
  });

  test('reads a file of an example', async () => {
    expect(await loadCodeFile(root, 'complete', 'request.http')).toMatchObject({
      grammar: 'http',
      code: 'GET /api/clients HTTP/1.1\nHost: api.requestrocket.com\n',
    });
  });

  test('names the missing file and lists what the folder holds', async () => {
    await expect(loadCodeFile(root, 'complete', 'missing.http')).rejects.toThrow(
      new CodeFileError(
        `<CodeFile example="complete" file="missing.http">: no file ${path.join(root, 'complete', 'missing.http')}.\n  That folder holds: example.json, hello.go, Hello.java, hello.mjs, hello.py, hello.sh, request.http.`,
      ),
    );
  });

  test('refuses paths that leave the example folder', async () => {
    await expect(loadCodeFile(root, 'complete', '../missing-go/hello.py')).rejects.toThrow('without slashes');
  });
});

describe('prepaintScript and languageCss', () => {
  test('sets the language from ?lang=, else storage, else the first language, and marks scripts as on', () => {
    const run = (search: string, stored: string | null) => {
      const attributes: Record<string, string> = {};
      const store = new Map(stored ? [['rr-docs:lang', stored]] : []);
      const documentElement = {
        dataset: {} as Record<string, string>,
        setAttribute: (name: string, value: string) => (attributes[name] = value),
      };
      const localStorage = {
        getItem: (key: string) => store.get(key) ?? null,
        setItem: (key: string, value: string) => store.set(key, value),
      };
      new Function('document', 'location', 'localStorage', prepaintScript(LANGUAGE_IDS))({ documentElement }, { search }, localStorage);
      return { lang: documentElement.dataset.lang, js: 'data-js' in attributes, stored: store.get('rr-docs:lang') };
    };
    expect(run('', null)).toEqual({ lang: 'javascript', js: true, stored: undefined });
    expect(run('', 'go')).toEqual({ lang: 'go', js: true, stored: 'go' });
    expect(run('?lang=python', 'go')).toEqual({ lang: 'python', js: true, stored: 'python' });
    expect(run('?lang=cobol', 'bogus')).toEqual({ lang: 'javascript', js: true, stored: 'bogus' });
  });

  test("shows only the chosen language's panel when scripts run", () => {
    const css = languageCss(['javascript', 'go']);
    expect(css).toContain(':root[data-js] code-tabs [role="tabpanel"] { display: none; }');
    expect(css).toContain(':root[data-lang="go"] code-tabs [role="tabpanel"][data-lang="go"]');
    expect(css).toContain(':root[data-lang="javascript"] code-tabs [role="tab"][data-lang="javascript"]');
  });
});

describe('stepsHtml', () => {
  test('accepts an ordered list', () => {
    expect(stepsHtml('\n<ol>\n<li>One</li>\n</ol>\n')).toBe('<ol>\n<li>One</li>\n</ol>');
  });

  test('accepts a list with comments and white space around it', () => {
    expect(stepsHtml('<!-- lead -->\n<ol start="2"><li>Two</li></ol>\n')).toBe('<!-- lead -->\n<ol start="2"><li>Two</li></ol>');
  });

  test.each([
    ['a paragraph', '<p>One</p>', '<p>'],
    ['an unordered list', '<ul><li>One</li></ul>', '<ul>'],
    ['two ordered lists', '<ol><li>One</li></ol>\n<ol><li>Two</li></ol>', '<ol>, <ol>'],
    ['a list with text after it', '<ol><li>One</li></ol> and more', '<ol>, "and more"'],
    ['nothing', ' \n', 'nothing'],
  ])('refuses %s, naming what it found', (_name, html, found) => {
    expect(() => stepsHtml(html)).toThrow(`<Steps> expects a single ordered list ("1. ...") as its content; found ${found}`);
  });
});

describe('headingText', () => {
  test('gives the text a reader hears: tags and comments left out, references decoded', () => {
    expect(headingText('The <code>Authorization</code> header &amp; <!-- note --><em>you</em> &lt;3')).toBe(
      'The Authorization header & you <3',
    );
  });
});

describe('uniqueId', () => {
  test('suffixes a repeated id within one render, and starts again on the next', () => {
    const first = {};
    expect([uniqueId(first, 'a'), uniqueId(first, 'a'), uniqueId(first, 'b')]).toEqual(['a', 'a-2', 'b']);
    expect(uniqueId({}, 'a')).toBe('a');
  });
});

describe('buildToc', () => {
  test('nests h3 under the h2 before it and leaves out other depths', () => {
    const toc = buildToc([
      { depth: 3, slug: 'early', text: 'Early' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'deep', text: 'Deep' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      { slug: 'early', text: 'Early', children: [] },
      { slug: 'a', text: 'A', children: [{ slug: 'a1', text: 'A1', children: [] }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });
});

describe('isCurrent', () => {
  test.each([
    ['/core-api/authentication/', '/core-api/authentication', true],
    ['/', '/', true],
    ['/', '/core-api/authentication/', false],
  ])('%s is the page at %s: %s', (href, pathname, expected) => {
    expect(isCurrent(href, pathname)).toBe(expected);
  });
});
