// The harness report a build shows, read, validated and its signature checked once per build
// however many tabs ask: the site publishes only a report signed with RR_DOCS_REPORT_KEY, or, when
// that is not set, with the key of the machine that builds it.
import { type HarnessReport, readTrustedReport } from '../../scripts/site-surface.ts';

const reads = new Map<string, Promise<HarnessReport | undefined>>();

/** The report at `file` (undefined when there is none); a broken or unsigned report fails the build with ReportError. */
export function siteReport(file: string): Promise<HarnessReport | undefined> {
  let read = reads.get(file);
  if (!read) {
    read = readTrustedReport(file, 'publish');
    reads.set(file, read);
  }
  return read;
}
