// The anchors of the reference sections and the page a tag's reference lives on. An operation's
// section is `#<operationId>` (`#createTarget`), a resource's fields `#schema-<Name>`
// (`#schema-Target`): both straight from the description, so they stay put when a summary changes.

/** The anchor (element id) of an operation's section: its operationId. */
export function operationAnchor(operationId: string): string {
  return operationId;
}

/** The anchor (element id) of a resource's fields: `schema-` and the schema's name. */
export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

/** `clients`, `proxies`: a tag's name as the last segment of its page's path. */
export function tagSlug(tag: string): string {
  return tag
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The tag whose page `pathname` is (`/core-api/targets/` is the Targets page), or undefined for a
 * page named after no tag (a guide): there, operations of any tag may be shown.
 */
export function tagOfPage(pathname: string, tags: readonly string[]): string | undefined {
  const last = pathname
    .replace(/(?:\/index)?(?:\.html|\.md)?\/?$/, '')
    .split('/')
    .pop();
  return tags.find((tag) => last !== undefined && last !== '' && tagSlug(tag) === last.toLowerCase());
}
