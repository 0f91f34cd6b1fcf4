// An example id (`list-clients`) in the cases the languages' file and type names use: each runner
// names its starting file with them, and the benchmark renames its copies of an example with them.

/** `list_clients`: the id with underscores (Python and Go file names). */
export function snakeCase(id: string): string {
  return id.replaceAll('-', '_');
}

/** `ListClients`: each word of the id capitalised (a Java class name). */
export function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `newTarget`: words joined in camel case (JavaScript and Java names). */
export function camelCase(words: readonly string[]): string {
  return words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
}

/** The words of a camel-case name: `targetId` is `target`, `id`. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}
