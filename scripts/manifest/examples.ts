// Finds the examples under a snippets folder: each sub-folder with a manifest and one file per language.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { LANGUAGES, languageOfFile, type LanguageLike } from '../languages.ts';
import { MANIFEST_FILE, type Manifest } from './manifest-schema.ts';
import { ManifestError } from './errors.ts';
import { assertNoHiddenCharacters, assertNoSymlinks } from './example-files.ts';
import { loadManifest } from './load.ts';

/** Id of an example: its folder name, lower-case words joined by dashes. */
export const EXAMPLE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One snippet file of an example. */
export interface SnippetFile {
  /** Language id: its runner's (`python`). */
  language: string;
  /** Absolute path. */
  path: string;
  /** File name, as shown on the tab. */
  name: string;
}

/** An example: its manifest and its snippet files, in tab order. */
export interface Example {
  id: string;
  dir: string;
  manifest: Manifest;
  files: SnippetFile[];
  /** Files in the folder that belong to no language (a raw HTTP request, notes). */
  otherFiles: string[];
}

/**
 * Loads the example in `dir`; throws ManifestError on a bad manifest, a symbolic link in the folder,
 * a hidden or reordering character in one of its files, or two files of one language.
 */
export async function loadExample(dir: string, languages: readonly LanguageLike[] = LANGUAGES): Promise<Example> {
  const id = path.basename(dir);
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!EXAMPLE_ID_PATTERN.test(id)) {
    throw new ManifestError(dir, [`folder name "${id}" is not a valid example id; expected lower-case words joined by dashes`]);
  }
  await assertNoSymlinks(dir);
  const entries = await readdir(dir, { withFileTypes: true });
  await assertNoHiddenCharacters(
    dir,
    entries.filter((entry) => entry.isFile()).map((entry) => entry.name),
  );
  const manifest = await loadManifest(manifestPath);
  const files: SnippetFile[] = [];
  const otherFiles: string[] = [];
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === MANIFEST_FILE) continue;
    const language = languageOfFile(entry.name, languages);
    if (!language) {
      otherFiles.push(entry.name);
      continue;
    }
    const clash = files.find((file) => file.language === language.id);
    if (clash) {
      throw new ManifestError(dir, [`two ${language.label} files, "${clash.name}" and "${entry.name}"; expected one file per language`]);
    }
    files.push({ language: language.id, path: path.join(dir, entry.name), name: entry.name });
  }
  const order = languages.map((language) => language.id);
  files.sort((a, b) => order.indexOf(a.language) - order.indexOf(b.language));
  return { id, dir, manifest, files, otherFiles };
}

/** Loads every example under `root` (folders holding a manifest), sorted by id; files are matched to `languages` by extension. */
export async function discoverExamples(root: string, languages: readonly LanguageLike[] = LANGUAGES): Promise<Example[]> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    throw new ManifestError(root, ['snippets folder not found']);
  }
  const candidates = entries
    .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const examples: Example[] = [];
  for (const entry of candidates) {
    const dir = path.join(root, entry.name);
    // A link to a folder holding a manifest is refused by loadExample; a link to a file is none of ours.
    const inner: string[] = entry.isSymbolicLink() ? await readdir(dir).catch(() => []) : await readdir(dir);
    if (inner.includes(MANIFEST_FILE)) examples.push(await loadExample(dir, languages));
  }
  return examples;
}
