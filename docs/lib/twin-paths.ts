// Where a page's Markdown twin is published: beside the page, its path ending in `.md`.

/** The URL path of a page's twin, from the page's own path ("/core-api/authentication/" → "/core-api/authentication.md", "/core-api/" → "/core-api.md"). */
export function twinPath(pagePath: string): string {
  return `${pagePath.replace(/\/+$/, '') || '/index'}.md`;
}
