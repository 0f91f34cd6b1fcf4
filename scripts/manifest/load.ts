// Reads and validates one example manifest.
import { ManifestSchema, knownManifestFields, type Manifest } from './manifest-schema.ts';
import { describeIssues } from '../zod-issues.ts';
import { ManifestError } from './errors.ts';
import { readExampleFile } from './example-files.ts';

/** Validates already-parsed manifest data; `file` is only used in the error message. */
export function parseManifest(file: string, data: unknown): Manifest {
  const result = ManifestSchema.safeParse(data, { reportInput: true });
  if (!result.success)
    throw new ManifestError(
      file,
      describeIssues(result.error.issues, { key: 'field', whole: 'the manifest', knownKeys: knownManifestFields }),
    );
  return result.data;
}

/** Reads `file` as JSON and validates it; throws ManifestError naming the file and the field. */
export async function loadManifest(file: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readExampleFile(file);
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ManifestError(file, [code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseManifest(file, data);
}
