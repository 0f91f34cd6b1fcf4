// Reads the Core API description (api/core-api.openapi.yaml) once and checks what the code relies
// on: valid YAML, the top-level shape, and a well-formed reason on every `x-assumed`. Everything
// else in scripts/api/ takes the ApiDescription this returns; nothing else reads the file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { cachedParse } from './description-cache.ts';
import { ASSUMED_KEY, findAssumptions } from './assumptions.ts';
import { ApiDescriptionError, describeIssuesAt } from './description-error.ts';
import { DescriptionSchema, ReasonSchema, knownDescriptionFields, type DescriptionDocument } from './description-schema.ts';
import { stepsOf } from './json-pointer.ts';

/**
 * The description's file: the one contract of the Core API. Named with `new URL` beside this module,
 * so it is part of the import graph of everything that reads it (an edit invalidates their results).
 */
export const CORE_API_DESCRIPTION = fileURLToPath(new URL('../../api/core-api.openapi.yaml', import.meta.url));

/** A checked description: its file (for messages) and its parsed document. */
export interface ApiDescription {
  file: string;
  document: DescriptionDocument;
}

/** The data of a description's YAML text; throws ApiDescriptionError naming `file` when it is not valid YAML. */
function parseYaml(text: string, file: string): unknown {
  const yaml = parseDocument(text, { prettyErrors: true });
  // The first YAML error is the one to fix: the ones after it are mostly its echoes.
  const [syntax] = yaml.errors;
  if (syntax) throw new ApiDescriptionError(file, [`not valid YAML: ${syntax.message.split('\n')[0]!.replace(/:$/, '')}`]);
  return yaml.toJS();
}

/** Parses and checks the text of a description; throws ApiDescriptionError naming `file` and each field. */
export function parseDescription(text: string, file: string): ApiDescription {
  // A text parsed before is read back from the cache (see description-cache.ts), whichever file it
  // came from (the site may read a copy); only the project's own file is kept, so edited copies
  // (tests) never take its place.
  const data = cachedParse(text, (yaml) => parseYaml(yaml, file), { keep: file === CORE_API_DESCRIPTION });
  return checkDescription(data, file);
}

/** Checks the data of a description read from `file`; throws ApiDescriptionError naming `file` and each field. */
function checkDescription(data: unknown, file: string): ApiDescription {
  const result = DescriptionSchema.safeParse(data, { reportInput: true });
  if (!result.success)
    throw new ApiDescriptionError(
      file,
      describeIssuesAt(result.error.issues, [], { key: 'field', whole: 'the description', knownKeys: knownDescriptionFields }),
    );
  // The parsed YAML itself, not zod's copy (which lists a schema's keys first): bodies built from
  // the description keep its field order, as the examples show it.
  const document = data as DescriptionDocument;
  const badReasons = findAssumptions(document).flatMap(({ pointer, reason }) => {
    const check = ReasonSchema.safeParse(reason, { reportInput: true });
    if (check.success) return [];
    return describeIssuesAt(check.error.issues, [...(stepsOf(pointer) ?? []), ASSUMED_KEY], { key: 'field', whole: 'the description' });
  });
  if (badReasons.length > 0) throw new ApiDescriptionError(file, badReasons);
  return { file, document };
}

const loaded = new Map<string, ApiDescription>();

/** The description in `file` (default: the project's), read and checked once per process. */
export function loadDescription(file: string = CORE_API_DESCRIPTION): ApiDescription {
  const known = loaded.get(file);
  if (known) return known;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiDescriptionError(file, [code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`]);
  }
  const description = parseDescription(text, file);
  loaded.set(file, description);
  return description;
}
