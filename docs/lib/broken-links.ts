// Every internal link and #anchor of the built site, checked against the built files: a link must
// lead to a file of the build (a page, its Markdown twin, a text file), and an #anchor to an element
// with that id on the page it points to. Links elsewhere (another origin, mailto:) are not followed.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { htmlToHast } from 'satteri';

/** A link that leads nowhere: the page it is on, the link as written, and what is missing. */
export interface BrokenLink {
  page: string;
  href: string;
  problem: string;
}

/** What one built page holds: the ids of its elements and the links it makes. */
export interface PageLinks {
  ids: Set<string>;
  hrefs: string[];
}

/** Every element of a tree. */
function elements(node: Root | RootContent): Element[] {
  const found: Element[] = node.type === 'element' ? [node] : [];
  if ('children' in node) for (const child of node.children) found.push(...elements(child));
  return found;
}

/**
 * The tokens of a highlighted code block (`<pre class="code">`, as docs/lib/shiki-markup.ts writes
 * it): most of a page's markup, and no link or id among them. Their text is escaped, so the block's
 * first `</pre>` is its end. The page is parsed without them, in a fifth of the time.
 */
const CODE_BLOCK_TOKENS = /(<pre class="code"[^>]*>)[\s\S]*?(<\/pre>)/g;

/** The ids and links of one page: `<a href>`, and `<link rel="alternate">` (the Markdown twin). */
export function pageLinks(html: string): PageLinks {
  const all = elements(htmlToHast(html.replace(CODE_BLOCK_TOKENS, '$1$2')) as Root);
  const ids = new Set(all.map((element) => element.properties.id).filter((id): id is string => typeof id === 'string'));
  const hrefs = all
    .filter((element) => element.tagName === 'a' || (element.tagName === 'link' && String(element.properties.rel) === 'alternate'))
    .map((element) => element.properties.href)
    .filter((href): href is string => typeof href === 'string');
  return { ids, hrefs };
}

/** The URL path a built file is served at under `base` ("core-api/index.html" → "/base/core-api/"). */
export function servedPath(file: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${file
    .split(path.sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The built file a URL path under `base` is served from, if the build has one. */
function builtFile(urlPath: string, base: string, files: ReadonlySet<string>): string | undefined {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!`${urlPath}/`.startsWith(root)) return undefined;
  const rest = decodeURIComponent(urlPath.slice(root.length));
  const candidates = rest === '' || rest.endsWith('/') ? [`${rest}index.html`] : [rest, `${rest}/index.html`];
  return candidates.find((candidate) => files.has(candidate));
}

/** Every broken internal link and anchor of the site built into `dir`, served under `base`. */
export async function findBrokenLinks(dir: string, base: string): Promise<BrokenLink[]> {
  const files = new Set((await readdir(dir, { recursive: true })).map((file) => file.split(path.sep).join('/')));
  const pages = new Map<string, PageLinks>();
  for (const file of [...files].filter((name) => name.endsWith('.html')))
    pages.set(file, pageLinks(await readFile(path.join(dir, file), 'utf8')));
  const broken: BrokenLink[] = [];
  for (const [file, { hrefs }] of [...pages].sort(([a], [b]) => a.localeCompare(b))) {
    const here = servedPath(file, base);
    for (const href of hrefs) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue;
      const url = new URL(href, `https://site.invalid${here}`);
      const target = builtFile(url.pathname, base, files);
      if (!target) {
        broken.push({ page: file, href, problem: `no page or file at ${url.pathname}` });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !pages.get(target)!.ids.has(anchor))
        broken.push({ page: file, href, problem: `no element with id "${anchor}" on ${servedPath(target, base)}` });
    }
  }
  return broken;
}

/** The build's message for `broken` links, one line each, naming the page and the link. */
export function brokenLinksMessage(broken: readonly BrokenLink[]): string {
  return `${broken.length} broken link(s) in the built site:\n${broken.map((link) => `  - ${link.page}: ${link.href} (${link.problem})`).join('\n')}`;
}
