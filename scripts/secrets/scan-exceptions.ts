// The files the repository's source scan lets hold what it otherwise refuses, each for one kind of
// finding and with the reason: test fixtures whose whole point is to hold it. Nothing else is let
// through; a test checks that each exception still matches a finding, so none outlives its file.
import type { FindingKind } from './scan.ts';

/** One file allowed to hold one kind of finding, and why. */
export interface ScanException {
  /** Path relative to the project root, `/`-separated. */
  file: string;
  kind: FindingKind;
  why: string;
}

/** Every exception, by file. */
export const SCAN_EXCEPTIONS: readonly ScanException[] = Object.freeze([
  {
    file: 'test/fixtures/trojan-source/hides-code/hides-code.mjs',
    kind: 'hidden-character',
    why: 'a Trojan Source snippet: the harness and the site must refuse it (test/manifest/source-text.test.ts)',
  },
]);

/** Whether a finding of `kind` in `file` is one of the exceptions. */
export function isExcepted(file: string, kind: FindingKind, exceptions: readonly ScanException[] = SCAN_EXCEPTIONS): boolean {
  return exceptions.some((exception) => exception.file === file && exception.kind === kind);
}
