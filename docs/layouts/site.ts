// What every page shares: the product's name and the navigation.

/** Names shown in the header and the page titles. */
export const SITE = Object.freeze({
  product: 'RequestRocket',
  section: 'Core API docs',
  title: 'RequestRocket Core API docs',
});

/** One link of the navigation. */
export interface NavLink {
  href: string;
  label: string;
}

/** The navigation, in groups, as the sidebar and the phone menu show it. */
export const NAV: readonly { heading: string; links: readonly NavLink[] }[] = Object.freeze([
  { heading: 'Start here', links: [{ href: '/', label: 'Overview' }] },
  { heading: 'Core API', links: [{ href: '/core-api/authentication/', label: 'Authentication' }] },
]);

/** `href` (a path from the site's root, like `/core-api/authentication/`) under the base the site is served from. */
export function withBase(href: string, base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/\/+$/, '')}${href}`;
}

/** Whether `href` is the page at `pathname` (trailing slashes ignored). */
export function isCurrent(href: string, pathname: string): boolean {
  const trim = (value: string) => value.replace(/\/+$/, '') || '/';
  return trim(href) === trim(pathname);
}
