// The exact inputs of each case, hashed before it runs: what its result in the report is about.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../manifest/manifest-schema.ts';
import { hashFileOrNull, hashFiles } from './fingerprint.ts';
import type { CaseInputs } from './report-schema.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import type { LanguageRunner, Toolchain } from '../runners/runner-contract.ts';
import type { PlannedCase } from '../harness/run/plan.ts';
import { RAW_REQUEST_FILE } from '../harness/case/request-http.ts';

/** What every case of a run shares: the harness fingerprint and the folder holding the dependency files. */
export interface InputContext {
  harness: string;
  /** Folder holding the runners' dependency files (`requirements.txt`). */
  dependencyRoot: string;
}

/** Where the runners' dependency files are: `root`'s own when it has any, else `fallback`'s (the project's snippets/). */
export function dependencyRoot(
  root: string,
  fallback: string,
  runners: readonly Pick<LanguageRunner, 'dependencyFiles'>[] = DEFAULT_RUNNERS,
): string {
  const declares = runners.some((runner) => (runner.dependencyFiles ?? []).some((file) => existsSync(path.join(root, file))));
  return declares ? root : fallback;
}

/** The toolchain as the report shows it: its version, or why it is missing. */
export function toolchainText(toolchain: Toolchain | undefined): string {
  if (!toolchain) return 'unknown';
  return toolchain.available ? toolchain.version : `missing: ${toolchain.reason}`;
}

/** A case's inputs that can be read from files alone (everything but the toolchain). */
export type FileInputs = Omit<CaseInputs, 'toolchain'>;

/** Which snippet file of which example, run by which runner: what a case's file inputs depend on. */
export interface CaseSubject extends Pick<PlannedCase, 'example' | 'file'> {
  runner: Pick<LanguageRunner, 'dependencyFiles'>;
}

/** Hashes a case's snippet, manifest, `request.http` and dependency files as they are now, with the harness fingerprint. */
export function fileInputs(subject: CaseSubject, context: InputContext): FileInputs {
  const dependencies = (subject.runner.dependencyFiles ?? []).map((name) => path.join(context.dependencyRoot, name));
  return {
    snippet: hashFileOrNull(subject.file.path) ?? 'absent',
    manifest: hashFileOrNull(path.join(subject.example.dir, MANIFEST_FILE)) ?? 'absent',
    requestHttp: hashFileOrNull(path.join(subject.example.dir, RAW_REQUEST_FILE)),
    dependencies: dependencies.length ? hashFiles(dependencies) : null,
    harness: context.harness,
  };
}

/** Every input of a case: its files as they are now, and the toolchain it runs with. */
export function caseInputs(subject: CaseSubject, toolchain: Toolchain | undefined, context: InputContext): CaseInputs {
  return { ...fileInputs(subject, context), toolchain: toolchainText(toolchain) };
}

/** How each file input is named in messages. */
const INPUT_NAMES: Readonly<Record<keyof FileInputs, (subject: CaseSubject) => string>> = {
  snippet: (subject) => subject.file.name,
  manifest: () => MANIFEST_FILE,
  requestHttp: () => RAW_REQUEST_FILE,
  dependencies: (subject) => (subject.runner.dependencyFiles ?? []).join(' and ') || 'dependencies',
  harness: () => 'the harness',
};

/** The inputs whose recorded hash differs from the current one, named for a reader (`list_clients.py`, `the harness`). */
export function changedInputs(recorded: CaseInputs, current: FileInputs, subject: CaseSubject): string[] {
  return (Object.keys(INPUT_NAMES) as Array<keyof FileInputs>)
    .filter((name) => recorded[name] !== current[name])
    .map((name) => INPUT_NAMES[name](subject));
}
