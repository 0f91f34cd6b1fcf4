// The harness report a build shows, read and validated once per build however many tabs ask.
import { type HarnessReport, readReport } from '../../scripts/site-surface.ts';

const reads = new Map<string, Promise<HarnessReport | undefined>>();

/** The report at `file` (undefined when there is none); a broken report fails the build with ReportError. */
export function siteReport(file: string): Promise<HarnessReport | undefined> {
  let read = reads.get(file);
  if (!read) {
    read = readReport(file);
    reads.set(file, read);
  }
  return read;
}
