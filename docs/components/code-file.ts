// The logic behind <CodeFile>: one file of an example that is not a snippet (a raw HTTP request),
// read at build time so the page shows exactly what is in the repository.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { assertNoSymlinks, languageOfFile, ManifestError, readExampleFile } from '../../scripts/site-surface.ts';

/** The props of <CodeFile>, for the page and its Markdown twin alike. */
export const CodeFilePropsSchema = z.strictObject({
  example: z.string({ error: 'expected the id of an example (a string)' }).min(1),
  file: z.string({ error: 'expected a file name in the example folder (a string)' }).min(1),
});

/** Shiki grammars of the non-snippet files an example may hold, by extension. */
const OTHER_GRAMMARS: Readonly<Record<string, string>> = { '.http': 'http', '.json': 'json' };

/** The grammar that highlights `fileName`, or undefined when the site has none for it. */
export function grammarOfFile(fileName: string): string | undefined {
  return languageOfFile(fileName)?.grammar ?? OTHER_GRAMMARS[path.extname(fileName).toLowerCase()];
}

/** A file the guide cannot show; the message names the file and where it looked. */
export class CodeFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodeFileError';
  }
}

/** Reads `file` of example `example` under `root` byte for byte, with the grammar to highlight it. */
export async function loadCodeFile(root: string, example: string, file: string): Promise<{ path: string; code: string; grammar: string }> {
  const tag = `<CodeFile example="${example}" file="${file}">`;
  if (file.includes('/') || file.includes('\\') || example.includes('/') || example.includes('\\')) {
    throw new CodeFileError(`${tag}: expected a folder name and a file name without slashes`);
  }
  const grammar = grammarOfFile(file);
  if (!grammar) {
    throw new CodeFileError(
      `${tag}: cannot highlight "${path.extname(file) || file}" files; expected a snippet or one of ${Object.keys(OTHER_GRAMMARS).join(', ')}`,
    );
  }
  const filePath = path.join(root, example, file);
  try {
    await assertNoSymlinks(path.join(root, example));
    return { path: filePath, code: await readExampleFile(filePath), grammar };
  } catch (error) {
    if (error instanceof ManifestError) throw new CodeFileError(`${tag}: ${error.message}`);
    const siblings = await readdir(path.join(root, example)).catch(() => undefined);
    const found = siblings
      ? `That folder holds: ${siblings.sort((a, b) => a.localeCompare(b)).join(', ')}.`
      : `There is no folder ${path.join(root, example)}.`;
    throw new CodeFileError(`${tag}: no file ${filePath}.\n  ${found}`);
  }
}
