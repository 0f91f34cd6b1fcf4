// Creates a new example folder for one operation of the API description (or several, in order): a
// valid manifest, its raw HTTP request (`request.http`) and one starting file per registered
// language (from its runner's template), written into a temporary folder beside the target and
// renamed into place, so a refusal or a failure leaves nothing behind.
import { chmod, lstat, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifest } from '../manifest/load.ts';
import { ManifestError } from '../manifest/errors.ts';
import { MANIFEST_FILE } from '../manifest/manifest-schema.ts';
import { API_OPERATIONS } from '../api/core-api.ts';
import { plainTextProblem, TITLE_MAX_LENGTH } from '../manifest/plain-text.ts';
import { RAW_REQUEST_FILE } from '../harness/case/request-http.ts';
import { operationModel, type ModelStep, type OperationModel } from './operation-model.ts';
import { rawRequestText } from './raw-request-text.ts';
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
  /** Title shown above the tabs (default: the operation's summary, or one derived from the id). */
  title?: string;
  /** The operationIds the example calls, in order (default: listClients). */
  operations?: readonly string[];
  /** Folder holding the examples (`snippets/`). */
  root: string;
  /** The registered runners: one starting file each, in this order (default: the built-in ones). */
  runners?: readonly Pick<LanguageRunner, 'id' | 'scaffold'>[];
}

/** What was created. */
export interface ScaffoldResult {
  dir: string;
  /** Absolute paths of the created files: the manifest, `request.http`, then one per runner in tab order. */
  files: string[];
  /** The requests every file sends, in order (`POST /api/clients/{clientId}/targets (createTarget)`). */
  requests: string[];
  /** The variables the files read ids from. */
  variables: string[];
}

/** The operation a new example calls when none is named: the reference example's. */
export const DEFAULT_OPERATION = 'listClients';

/** Why `title` cannot be used, or undefined. */
export function titleProblem(title: string): string | undefined {
  if (title.trim() === '') return 'the title is empty; expected a short phrase, like "List your clients"';
  if (/[\p{Cc}\u2028\u2029]/u.test(title))
    return `the title ${JSON.stringify(title)} holds a line break or control character; expected one line of text`;
  const problem = plainTextProblem(title.trim(), TITLE_MAX_LENGTH);
  return problem ? `the title ${JSON.stringify(title)} cannot be used: ${problem}` : undefined;
}

/** Why `operationIds` cannot be scaffolded, or undefined: each must be an operation of the description. */
export function operationsProblem(operationIds: readonly string[]): string | undefined {
  const known = API_OPERATIONS.map((operation) => operation.operationId);
  const unknown = operationIds.filter((operationId) => !known.includes(operationId));
  if (unknown.length)
    return `${unknown.map((operationId) => `"${operationId}"`).join(', ')} is not an operation of the API description; expected one of ${known.join(', ')}`;
  return undefined;
}

/** What one file prints, in the manifest's description. */
const PRINTS = {
  list: (step: ModelStep) => `the id and name of each ${step.resource.singular}`,
  get: (step: ModelStep) => `the ${step.resource.singular}'s ${step.fields.length > 2 ? 'id, name and key fields' : 'id and name'}`,
  create: (step: ModelStep) => `the new ${step.resource.singular}'s id and name`,
  update: (step: ModelStep) => `the ${step.resource.singular}'s id and the fields it changed`,
  delete: (step: ModelStep) => `the id of the deleted ${step.resource.singular}`,
} as const;

/** The manifest's one-sentence description of what the files send and print. */
function describeExample(model: OperationModel): string {
  const [first] = model.steps;
  const sent =
    model.steps.length === 1 && first
      ? `${first.method} /api${first.path.map((part) => (typeof part === 'string' ? part : `{${part.parameter}}`)).join('')}`
      : model.steps.map((step) => step.operationId).join(', then ');
  const ids = model.variables.length
    ? ` and the ${model.variables.length === 1 ? 'id' : 'ids'} in ${model.variables.map((each) => each.variable).join(', ')}`
    : '';
  const prints = model.steps.map((step) => PRINTS[step.kind](step)).join(', then ');
  return `Sends ${sent} with your user token${ids}, and prints ${prints}.`;
}

/** The manifest, `request.http` and each runner's starting file of example `id`, in memory. */
async function planFiles(
  id: string,
  title: string,
  operationIds: readonly string[],
  runners: readonly Pick<LanguageRunner, 'id' | 'scaffold'>[],
): Promise<{ files: StartingFile[]; model: OperationModel }> {
  const model = operationModel(operationIds);
  const manifest = {
    title,
    description: describeExample(model),
    ...(operationIds.length === 1 ? { operation: operationIds[0] } : { steps: operationIds }),
    ...(Object.keys(model.parameters).length > 0 && { parameters: model.parameters }),
  };
  parseManifest(path.join(id, MANIFEST_FILE), manifest); // the same check the harness and the site make
  const files: StartingFile[] = [
    { name: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n`, executable: false },
    { name: RAW_REQUEST_FILE, content: rawRequestText(operationIds), executable: false },
  ];
  for (const runner of runners) files.push(await startingFile(runner, id, title, model));
  return { files, model };
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
  const operationIds = options.operations?.length ? options.operations : [DEFAULT_OPERATION];
  const unknown = operationsProblem(operationIds);
  if (unknown) throw new ScaffoldError(unknown);
  const blind = runners.filter((runner) => !runner.scaffold.code);
  if (blind.length && (operationIds.length > 1 || operationIds[0] !== DEFAULT_OPERATION))
    throw new ScaffoldError(
      `the ${blind.map((runner) => runner.id).join(', ')} runner's template can only write ${DEFAULT_OPERATION}: its scaffold has no \`code\` to write ${operationIds.join(', ')}`,
    );
  const title = options.title ?? (options.operations?.length === 1 ? defaultTitle(operationIds[0]!) : titleFromId(options.id));
  const problem = titleProblem(title);
  if (problem) throw new ScaffoldError(problem);
  const root = path.resolve(options.root);
  const dir = path.join(root, options.id);
  await checkPlace(root, dir);

  let planned: Awaited<ReturnType<typeof planFiles>>;
  try {
    planned = await planFiles(options.id, title.trim(), operationIds, runners);
  } catch (error) {
    if (error instanceof ManifestError) throw new ScaffoldError(`the example would not be valid: ${error.message}`);
    throw error;
  }
  const { files, model } = planned;
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
  return {
    dir,
    files: files.map((file) => path.join(dir, file.name)),
    requests: model.steps.map(
      (step) =>
        `${step.method} /api${step.path.map((part) => (typeof part === 'string' ? part : `{${part.parameter}}`)).join('')} (${step.operationId})`,
    ),
    variables: model.variables.map((each) => each.variable),
  };
}

/** The title of an example of one operation: its summary (`Create a target`); the reference example's for listClients. */
function defaultTitle(operationId: string): string {
  return API_OPERATIONS.find((operation) => operation.operationId === operationId)?.summary ?? titleFromId(operationId);
}
