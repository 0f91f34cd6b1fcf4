// Creates a new example folder: a valid manifest and one starting file per registered language
// (from its runner's template), written into a temporary folder beside the target and renamed into
// place, so a refusal or a failure leaves nothing behind.
import { chmod, lstat, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifest } from '../manifest/load.ts';
import { MANIFEST_FILE } from '../manifest/manifest-schema.ts';
import { displayPath } from '../paths.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import type { LanguageRunner } from '../runners/runner-contract.ts';
import { exampleIdProblem, titleFromId } from './names.ts';
import { startingFile, type StartingFile } from './templates.ts';

/** A request the scaffold refuses (bad id or title, existing folder, missing root); nothing was written. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

/** What to create. */
export interface ScaffoldOptions {
  /** The example id, which is also its folder name (`list-clients`). */
  id: string;
  /** Title shown above the tabs (default: derived from the id). */
  title?: string;
  /** Folder holding the examples (`snippets/`). */
  root: string;
  /** The registered runners: one starting file each, in this order (default: the built-in ones). */
  runners?: readonly Pick<LanguageRunner, 'id' | 'scaffold'>[];
}

/** What was created. */
export interface ScaffoldResult {
  dir: string;
  /** Absolute paths of the created files: the manifest, then one per runner in tab order. */
  files: string[];
}

/** The starting request every new example sends, for the contributor to edit. */
const STARTING_REQUEST = { method: 'GET', path: '/api/clients', headers: { 'Content-Type': 'application/json' } } as const;

/** Why `title` cannot be used, or undefined. */
export function titleProblem(title: string): string | undefined {
  if (title.trim() === '') return 'the title is empty; expected a short phrase, like "List your clients"';
  if (/[\p{Cc}\u2028\u2029]/u.test(title))
    return `the title ${JSON.stringify(title)} holds a line break or control character; expected one line of text`;
  return undefined;
}

/** The manifest and each runner's starting file of example `id`, in memory. */
async function planFiles(id: string, title: string, runners: readonly Pick<LanguageRunner, 'id' | 'scaffold'>[]): Promise<StartingFile[]> {
  const manifest = {
    title,
    description: `Sends ${STARTING_REQUEST.method} ${STARTING_REQUEST.path} with your user token and prints the id and name of each client.`,
    request: STARTING_REQUEST,
  };
  parseManifest(path.join(id, MANIFEST_FILE), manifest); // the same check the harness and the site make
  const files: StartingFile[] = [{ name: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n`, executable: false }];
  for (const runner of runners) files.push(await startingFile(runner, id, title));
  return files;
}

/** Throws ScaffoldError unless `root` is an existing folder and `target` does not exist. */
async function checkPlace(root: string, target: string): Promise<void> {
  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) {
    throw new ScaffoldError(
      `the examples folder ${displayPath(root)} does not exist; expected the folder that holds the examples (snippets/)`,
    );
  }
  if (
    await lstat(target).then(
      () => true,
      () => false,
    )
  ) {
    throw new ScaffoldError(`${displayPath(target)} already exists; choose another id, or edit the example that is there`);
  }
}

/** Creates `<root>/<id>/`; throws ScaffoldError (nothing written) when the id, title or place is refused. */
export async function scaffoldExample(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const runners = options.runners ?? DEFAULT_RUNNERS;
  const idProblem = exampleIdProblem(options.id, runners);
  if (idProblem) throw new ScaffoldError(idProblem);
  const title = options.title ?? titleFromId(options.id);
  const problem = titleProblem(title);
  if (problem) throw new ScaffoldError(problem);
  const root = path.resolve(options.root);
  const dir = path.join(root, options.id);
  await checkPlace(root, dir);

  const files = await planFiles(options.id, title.trim(), runners);
  const temporary = await mkdtemp(path.join(root, `.${options.id}-`));
  try {
    await chmod(temporary, 0o755); // mkdtemp makes it private; an example folder is not
    // The manifest last: a harness listing snippets/ meanwhile skips a folder without one.
    for (const file of [...files].reverse()) {
      await writeFile(path.join(temporary, file.name), file.content, { flag: 'wx', mode: file.executable ? 0o755 : 0o644 });
    }
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') {
      throw new ScaffoldError(`${displayPath(dir)} appeared while the example was being written; nothing was changed`);
    }
    throw error;
  }
  return { dir, files: files.map((file) => path.join(dir, file.name)) };
}
