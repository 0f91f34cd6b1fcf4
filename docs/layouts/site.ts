// What every page shares: the product's name, the section the collection's pages form, and links
// under the base the site is served from.
import { SECTION_PAGES_FOLDER } from '../../scripts/site-surface.ts';

/** Names shown in the header and the page titles. */
export const SITE = Object.freeze({
  product: 'RequestRocket',
  section: 'Core API docs',
  title: 'RequestRocket Core API docs',
});

/** The Core API section: its name, where its pages are published, and the folder they are written in. */
export const SECTION = Object.freeze({ label: 'Core API', path: '/core-api/', folder: SECTION_PAGES_FOLDER });

/** `href` (a path from the site's root, like `/core-api/authentication/`) under the base the site is served from. */
export function withBase(href: string, base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/\/+$/, '')}${href}`;
}

/** Whether `href` is the page at `pathname` (trailing slashes ignored). */
export function isCurrent(href: string, pathname: string): boolean {
  const trim = (value: string) => value.replace(/\/+$/, '') || '/';
  return trim(href) === trim(pathname);
}
