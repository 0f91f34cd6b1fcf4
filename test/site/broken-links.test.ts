// The link check reads each built page's ids and links; it parses the page without the tokens of
// its highlighted code blocks, which hold neither, and finds every id and link around and between
// them, and inside any other <pre>.
// vitest project: unit (test/support/projects.ts)
import { expect, test } from 'vitest';
import { pageLinks } from '../../docs/lib/broken-links.ts';

const CODE_BLOCK = (code: string) => `<pre class="code" tabindex="0"><code><span class="l1">${code}</span></code></pre>`;

test("a page's ids and links are found around, between and after its code blocks, and none inside them", () => {
  const html = [
    '<!doctype html><html><head><link rel="alternate" type="text/markdown" href="/core-api.md"></head><body>',
    '<h2 id="first">First</h2>',
    CODE_BLOCK('&lt;a href="/inside/" id="inside"&gt;&lt;/pre&gt;'),
    '<a href="#first" id="between">between</a>',
    CODE_BLOCK('fetch(url)'),
    '<pre><a id="plain-pre" href="/plain/">not highlighted</a></pre>',
    '<p id="last"><a href="/core-api/">last</a></p></body></html>',
  ].join('');
  const { ids, hrefs } = pageLinks(html);
  expect([...ids].sort()).toEqual(['between', 'first', 'last', 'plain-pre']);
  expect(hrefs).toEqual(['/core-api.md', '#first', '/plain/', '/core-api/']);
});
