// What a new example's id becomes: its title, its file names in each language, and why an id
// cannot be used (the repo's id pattern, plus the few ids a language's toolchain would trip on).
import { EXAMPLE_ID_PATTERN } from '../manifest/examples.ts';

/** Type names the Java template uses; a class of the same name would shadow or clash with them. */
export const JAVA_TEMPLATE_TYPES: readonly string[] = Object.freeze([
  'ApiResponse',
  'Client',
  'Duration',
  'Gson',
  'HttpClient',
  'HttpRequest',
  'HttpResponse',
  'HttpTimeoutException',
  'IOException',
  'InterruptedException',
  'JsonParseException',
  'List',
  'String',
  'System',
  'URI',
]);

/** `list_clients`: the id with underscores, for Python and Go file names. */
export function snakeCase(id: string): string {
  return id.replaceAll('-', '_');
}

/** `ListClients`: the id as a Java class name. */
export function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `List clients`: a title for an example that was given none. */
export function titleFromId(id: string): string {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The closest valid id to what was typed (`List_Clients` -> `list-clients`), or undefined. */
export function suggestId(input: string): string | undefined {
  const slug = input
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug && slug !== input && EXAMPLE_ID_PATTERN.test(slug) ? slug : undefined;
}

/** Why `id` cannot name a new example, in one sentence, or undefined when it can. */
export function exampleIdProblem(id: string): string | undefined {
  if (!EXAMPLE_ID_PATTERN.test(id)) {
    const like = suggestId(id) ?? 'list-clients';
    return `"${id}" is not a valid example id: use lower-case words joined by dashes, like "${like}"`;
  }
  if (/^[0-9]/.test(id)) {
    return `"${id}" cannot be used: the Java class ${pascalCase(id)} would start with a digit; start the id with a letter`;
  }
  if (id.endsWith('-test')) {
    return `"${id}" cannot be used: Go treats ${snakeCase(id)}.go as a test file and will not build it; choose an id that does not end in "-test"`;
  }
  const className = pascalCase(id);
  if (JAVA_TEMPLATE_TYPES.includes(className)) {
    return `"${id}" cannot be used: the Java class ${className} would clash with the type ${className} the Java example uses; add a word, like "get-${id}"`;
  }
  return undefined;
}
