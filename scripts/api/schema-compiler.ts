// Compiles the description's schemas with Ajv (JSON Schema 2020-12, as OpenAPI 3.1 writes them,
// with the uuid, uri and date-time formats), strictly: a keyword Ajv does not know is an error,
// except the description's own `x-` extensions, which are annotations.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isRecord } from './json-pointer.ts';
import type { JsonSchema } from './operations.ts';

/** A compiler of resolved schemas; each schema object is compiled once. */
export interface SchemaCompiler {
  compile(schema: JsonSchema): ValidateFunction;
}

/**
 * A compiler for bodies (`coerce: false`: JSON values as sent) or for path and query parameters
 * (`coerce: true`: the text of a URL becomes the boolean or number its schema asks for).
 */
export function createSchemaCompiler(options: { coerce: boolean }): SchemaCompiler {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, discriminator: true, coerceTypes: options.coerce });
  addFormats(ajv, ['uuid', 'uri', 'date-time', 'email']);
  const known = new Set<string>();
  const compiled = new WeakMap<object, ValidateFunction>();
  const wrapped = new Map<boolean, ValidateFunction>();
  return {
    compile(schema) {
      if (typeof schema === 'boolean') {
        const cached = wrapped.get(schema);
        if (cached) return cached;
        const validate = ajv.compile(schema);
        wrapped.set(schema, validate);
        return validate;
      }
      const cached = compiled.get(schema);
      if (cached) return cached;
      for (const keyword of extensionKeywords(schema)) {
        if (known.has(keyword)) continue;
        ajv.addKeyword(keyword);
        known.add(keyword);
      }
      const validate = ajv.compile(forAjv(schema));
      compiled.set(schema, validate);
      return validate;
    },
  };
}

/** The `x-` keywords used anywhere in a schema (`x-assumed`, `x-expected`, `x-secret`). */
function extensionKeywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) extensionKeywords(item, found);
  else if (isRecord(node))
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      else extensionKeywords(value, found);
    }
  return found;
}

/**
 * A copy Ajv accepts: Ajv finds a discriminator's branches from their `const` values and refuses
 * OpenAPI's `mapping`, which says the same thing (test/api checks that they agree).
 */
function forAjv(node: unknown): Record<string, unknown> {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (!isRecord(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => {
        if (key === 'discriminator' && isRecord(child)) {
          const { mapping: _mapping, ...rest } = child;
          return [key, rest];
        }
        return [key, copy(child)];
      }),
    );
  };
  return copy(node) as Record<string, unknown>;
}
