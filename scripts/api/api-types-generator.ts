// `npm run generate:api-types`: writes scripts/api/core-api-types.ts, the TypeScript types of the
// API description, with openapi-typescript, formatted with the project's Prettier settings. The
// file is committed; test/api/api-types.test.ts regenerates it in memory and fails when it differs.
//
// openapi-typescript 7 declares a peer dependency on TypeScript 5; package.json's `overrides` hands
// it the project's TypeScript 6, whose factory API (all it uses to print the types) is unchanged.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';
import { PROJECT_ROOT } from '../project.ts';
import { CORE_API_DESCRIPTION } from './description.ts';

/** Where the generated types live. */
export const API_TYPES_FILE = path.join(PROJECT_ROOT, 'scripts', 'api', 'core-api-types.ts');

/** The first lines of the generated file: what it is, where from, and how to regenerate it. */
export const API_TYPES_HEADER = [
  '// Generated from api/core-api.openapi.yaml by `npm run generate:api-types`',
  '// (scripts/api/api-types-generator.ts, with openapi-typescript). Do not edit: change the',
  '// description and run the command again; test/api/api-types.test.ts fails while they differ.',
  '',
].join('\n');

/** The text of the types file for a description, formatted as it is committed. */
export async function renderApiTypes(descriptionFile: string = CORE_API_DESCRIPTION): Promise<string> {
  // defaultNonNullable: false keeps a field with a default optional, as a request may leave it out.
  const ast = await openapiTS(pathToFileURL(descriptionFile), { defaultNonNullable: false, silent: true });
  const text = `${API_TYPES_HEADER}\n${astToString(ast)}`;
  const options = await prettier.resolveConfig(API_TYPES_FILE);
  return prettier.format(text, { ...options, filepath: API_TYPES_FILE });
}

/** Regenerates the committed file; returns the exit code. */
export async function main(): Promise<number> {
  writeFileSync(API_TYPES_FILE, await renderApiTypes());
  console.log(`generate:api-types: wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
