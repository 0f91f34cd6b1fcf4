// Which files the harness is made of, and one hash over them. The set is derived, never listed by
// hand: every module the harness's one way in (`scripts/harness/harness.ts`) imports, directly or
// through others, with the files they load from beside themselves (the Java training program), the
// files the runners install from (`snippets/requirements.txt`, `snippets/pom.xml`), and what
// decides the packages and the Node.js they run on. The harness fingerprint each case records,
// `--changed` and CI's result-cache key all come from here, so a new module of the harness, in
// whatever folder, counts the day it is imported.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importGraph } from '../import-graph.ts';
import { SNIPPETS_FOLDER } from '../project.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import { sha256 } from './fingerprint.ts';

/** The harness's one way in, relative to the project root: its import graph is the harness. */
export const HARNESS_ENTRY = 'scripts/harness/harness.ts';

/** Files beside the code that decide what it runs on: the packages and the Node.js version. */
export const HARNESS_SETTINGS: readonly string[] = Object.freeze(['package.json', 'package-lock.json', '.node-version']);

/** The runners' dependency files (`dependencyFiles`), relative to the project root, under the examples' folder. */
function dependencyFiles(): string[] {
  return DEFAULT_RUNNERS.flatMap((runner) => runner.dependencyFiles ?? []).map((name) => `${SNIPPETS_FOLDER}/${name}`);
}

/** `file` relative to `projectRoot`, `/`-separated. */
const relativeTo = (projectRoot: string, file: string) => path.relative(projectRoot, file).split(path.sep).join('/');

/**
 * Every file (relative to `projectRoot`, `/`-separated, sorted, each once) whose change can alter
 * any result: the import graph of HARNESS_ENTRY, the runners' dependency files and HARNESS_SETTINGS
 * that exist. Throws, naming the folder, when `projectRoot` holds no harness.
 */
export function harnessFiles(projectRoot: string): string[] {
  const entry = path.join(projectRoot, HARNESS_ENTRY);
  if (!existsSync(entry)) throw new Error(`${projectRoot}: no harness here (expected ${HARNESS_ENTRY}); give the project's root folder`);
  const code = importGraph([entry]).map((file) => relativeTo(projectRoot, file));
  const others = [...dependencyFiles(), ...HARNESS_SETTINGS].filter((file) => existsSync(path.join(projectRoot, file)));
  return [...new Set([...code, ...others])].sort();
}

const fingerprints = new Map<string, string>();

/**
 * One hash over the harness files of `projectRoot` (see harnessFiles): names and bytes, so adding,
 * removing or editing any of them changes it. Read once per process and root.
 */
export function harnessFingerprint(projectRoot: string): string {
  const root = path.resolve(projectRoot);
  const known = fingerprints.get(root);
  if (known) return known;
  const hash = createHash('sha256');
  for (const file of harnessFiles(root)) hash.update(`${file}\0${sha256(readFileSync(path.join(root, file)))}\0`);
  const digest = hash.digest('hex');
  fingerprints.set(root, digest);
  return digest;
}
