// The harness's JSON report (`--json FILE`): written by the harness, read by the site to show
// whether each file was tested, and by CI tools.
import { z } from 'zod';

/** Outcome of one check, one case, or the whole run. */
export const StatusSchema = z.enum(['passed', 'failed', 'skipped']);

/** Outcome of one check, one case, or the whole run. */
export type Status = z.output<typeof StatusSchema>;

/** One check applied to one case. */
export const CheckResultSchema = z.object({
  id: z.string(),
  status: StatusSchema,
  message: z.string(),
});

/** One check applied to one case. */
export type CheckResult = z.output<typeof CheckResultSchema>;

/** One run of one snippet file under one scenario. */
export const CaseReportSchema = z.object({
  example: z.string(),
  language: z.string(),
  /** Path of the snippet file, relative to the project root (or absolute outside it). */
  file: z.string(),
  scenario: z.string(),
  status: StatusSchema,
  durationMs: z.number(),
  checks: z.array(CheckResultSchema),
});

/** One run of one snippet file under one scenario. */
export type CaseReport = z.output<typeof CaseReportSchema>;

/** The whole report. */
export const HarnessReportSchema = z.object({
  summary: z.object({
    passed: z.int().min(0),
    failed: z.int().min(0),
    skipped: z.int().min(0),
    durationMs: z.number(),
  }),
  cases: z.array(CaseReportSchema),
});

/** The whole report. */
export type HarnessReport = z.output<typeof HarnessReportSchema>;

/** Where `npm run build` writes the report and the site looks for it, relative to the project root. */
export const DEFAULT_REPORT_PATH = '.cache/harness-report.json';
