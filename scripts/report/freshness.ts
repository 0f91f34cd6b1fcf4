// Whether a report speaks about the files as they are now: every case it holds is matched with the
// current hashes of its inputs, so an edited snippet is never shown with the old file's result.
import { displayPath } from '../paths.ts';
import { harnessFingerprint } from './harness-files.ts';
import type { CaseReport, HarnessReport } from './report-schema.ts';
import { changedInputs, fileInputs, type CaseSubject } from './case-inputs.ts';

/** Where the current inputs are read from. */
export interface FreshnessContext {
  projectRoot: string;
  /** Folder holding the runners' dependency files. */
  dependencyRoot: string;
}

/** What a report says about one file now: its current cases, or why it says nothing current. */
export type FileFreshness =
  { state: 'fresh'; cases: CaseReport[] } | { state: 'stale'; cases: CaseReport[]; changed: string[] } | { state: 'absent' };

/** Matches the report's cases of one file (example and language) with the file's current inputs. */
export function fileFreshness(report: HarnessReport | undefined, subject: CaseSubject, context: FreshnessContext): FileFreshness {
  const cases = report?.cases.filter((entry) => entry.example === subject.example.id && entry.language === subject.file.language) ?? [];
  if (cases.length === 0) return { state: 'absent' };
  const current = fileInputs(subject, { harness: harnessFingerprint(context.projectRoot), dependencyRoot: context.dependencyRoot });
  const changed = [...new Set(cases.flatMap((entry) => changedInputs(entry.inputs, current, subject)))];
  return changed.length ? { state: 'stale', cases, changed } : { state: 'fresh', cases };
}

/** A file the report says nothing current about: the file, and why. */
export interface StaleFile {
  /** The snippet file, as messages show it. */
  file: string;
  /** `absent`: the report holds no result for it; `stale`: its results are about other bytes. */
  state: 'absent' | 'stale';
  why: string;
}

/** Every file among `subjects` whose results in the report are missing or about other bytes. */
export function staleFiles(report: HarnessReport | undefined, subjects: readonly CaseSubject[], context: FreshnessContext): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const subject of subjects) {
    const file = displayPath(subject.file.path);
    const freshness = fileFreshness(report, subject, context);
    if (freshness.state === 'absent')
      stale.push({ file, state: 'absent', why: report ? 'the report has no result for it' : 'there is no report' });
    if (freshness.state === 'stale')
      stale.push({ file, state: 'stale', why: `changed since it was tested: ${freshness.changed.join(', ')}` });
  }
  return stale;
}
