// Before a build, checks that the harness report speaks about the files the site will show, as they
// are now. Under CI=true a missing or stale report fails the build, naming the files; elsewhere the
// build goes on (the tabs say "Not run" or "Not tested in this version") after one loud warning.
import type { AstroIntegration } from 'astro';

/** The Astro integration: fails (CI) or warns (elsewhere) before a build from a missing or stale report. */
export function reportGate(): AstroIntegration {
  return {
    name: 'requestrocket:report-gate',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const inCi = process.env.CI === 'true';
        // Loaded here, not with the configuration: the scripts it reads the report with are not needed before.
        const { siteStaleFiles, staleReportMessage } = await import('../lib/report-staleness.ts');
        const { report, stale } = await siteStaleFiles();
        if (stale.length === 0) return;
        const message = staleReportMessage(report, stale, inCi);
        if (inCi) throw new Error(message);
        logger.warn(message);
      },
    },
  };
}
