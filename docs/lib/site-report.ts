// The harness report a build shows, read, validated and its signature checked once per build
// however many tabs ask, and read again when the file changes: `npm run snippets` updates it while
// `npm run dev` serves, and a reload then shows the new results. The site publishes only a report
// signed with RR_DOCS_REPORT_KEY, or, when that is not set, with the key of the machine that builds it.
import { stat } from 'node:fs/promises';
import { type HarnessReport, readTrustedReport } from '../../scripts/site-surface.ts';
import { buildShared } from './build-shared.ts';

/** A read of a report file, with the version of the file it read. */
type ReportRead = { version: string; read: Promise<HarnessReport | undefined> };

/**
 * The reads of this process, on globalThis: Astro bundles the pages' copy of this module apart from
 * the report gate's, and both must share one read of a report of several megabytes.
 */
function reportReads(): Map<string, ReportRead> {
  return buildShared('report-reads', () => new Map<string, ReportRead>());
}

/** The report at `file` (undefined when there is none); a broken or unsigned report fails the build with ReportError. */
export async function siteReport(file: string): Promise<HarnessReport | undefined> {
  const info = await stat(file).catch(() => undefined);
  const version = info ? `${info.mtimeMs} ${info.size} ${info.ino}` : 'none';
  const reads = reportReads();
  const known = reads.get(file);
  if (known?.version === version) return known.read;
  const read = readTrustedReport(file, 'publish');
  reads.set(file, { version, read });
  return read;
}
