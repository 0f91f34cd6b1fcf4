// Where the reference sections read the API description from: the project's file (or the one
// RR_DOCS_API_DESCRIPTION names), parsed and checked by scripts/api/, read again whenever the file
// changes (so `npm run dev` shows an edited schema on reload), with its operations listed once.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { dereference, listOperations, parseDescription, type ApiDescription, type JsonSchema } from '../../../scripts/site-surface.ts';
import { projectRoot } from '../site-paths.ts';

/** One operation of the description, its `$ref`s resolved (see scripts/api/operations.ts). */
export type ApiOperation = ReturnType<typeof listOperations>[number];

/** The variable that points the site at another description (tests use edited copies). */
export const API_DESCRIPTION_VARIABLE = 'RR_DOCS_API_DESCRIPTION';

/**
 * The description's place in the project. The site's code is bundled, so it cannot find the file from
 * its own place as scripts/api/ does; a test holds this equal to scripts/api's CORE_API_DESCRIPTION.
 */
export const DEFAULT_API_DESCRIPTION = 'api/core-api.openapi.yaml';

/** The description the site shows: RR_DOCS_API_DESCRIPTION (relative to the project) when set, else the project's. */
export function apiDescriptionPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot(), env[API_DESCRIPTION_VARIABLE] || DEFAULT_API_DESCRIPTION);
}

/** What the reference sections read: the description, its operations, tags and named schemas, in its order. */
export interface ReferenceSource {
  description: ApiDescription;
  operations: readonly ApiOperation[];
  tags: readonly string[];
  /** Every schema of `components.schemas`, its `$ref`s resolved, by name. */
  schemas: ReadonlyMap<string, JsonSchema>;
}

/** The source for a parsed description (an edited copy in a test, or the file's). */
export function sourceOf(description: ApiDescription): ReferenceSource {
  const { document, file } = description;
  return {
    description,
    operations: listOperations(description),
    tags: document.tags.map((tag) => tag.name),
    schemas: new Map(
      Object.keys(document.components.schemas).map((name) => [
        name,
        dereference(document, ['components', 'schemas', name], file) as JsonSchema,
      ]),
    ),
  };
}

/** The named schemas a resource table can show: objects with fields (`Target`, `ClientMember`), by name. */
export function resourceSchemas(source: ReferenceSource): ReadonlyMap<string, JsonSchema> {
  return new Map(
    [...source.schemas].filter(
      ([, schema]) => typeof schema === 'object' && schema.type === 'object' && typeof schema.properties === 'object',
    ),
  );
}

const loaded = new Map<string, { version: string; source: ReferenceSource }>();

/** The source read from `file` (default: apiDescriptionPath()), parsed again only when the file changed. */
export function referenceSource(file: string = apiDescriptionPath()): ReferenceSource {
  let version: string;
  try {
    const info = statSync(file);
    version = `${info.mtimeMs}:${info.size}`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${file}: cannot read the API description (${code === 'ENOENT' ? 'file not found' : (code ?? String(error))})`, {
      cause: error,
    });
  }
  const known = loaded.get(file);
  if (known?.version === version) return known.source;
  const source = sourceOf(parseDescription(readFileSync(file, 'utf8'), file));
  loaded.set(file, { version, source });
  return source;
}
