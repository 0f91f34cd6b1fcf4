// Keeps a live run's files away from the site's report: a live run never changes what the site says.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../usage.ts';
import { reportPathFrom } from '../project.ts';

/** A file's path with every symbolic link of the part that exists resolved. */
function canonical(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** The site's report files: the default one, and the one RR_DOCS_REPORT names (see scripts/project.ts). */
function siteReports(projectRoot: string, env: NodeJS.ProcessEnv): string[] {
  return [reportPathFrom({}, projectRoot), reportPathFrom(env, projectRoot)].map(canonical);
}

/** Throws UsageError when `file` (given with `flag`) is the site's report. */
export function refuseSiteReport(flag: string, file: string, projectRoot: string, env: NodeJS.ProcessEnv): void {
  if (!siteReports(projectRoot, env).includes(canonical(file))) return;
  throw new UsageError(
    `${flag} ${file} is the site's report, which shows the mock's results; a live run never writes it. ` +
      'Choose another file, or leave --json out to write the live report to .cache/live/report.json',
  );
}
