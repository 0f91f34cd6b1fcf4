// The harness's JSON report (`--json FILE`): written by the harness, read by the site to show
// whether each file was tested, and by CI tools. Every case records the hashes of the exact inputs
// it was run with, so a reader can tell a result about these bytes from a result about others.
import { z } from 'zod';
import { REPORT_CHECK_IDS } from '../harness/checks/check-ids.ts';

/** The report format this harness writes; a report of another format is refused, not guessed at. */
export const REPORT_FORMAT = 2;

/** Outcome of one check, one case, or the whole run. */
export const StatusSchema = z.enum(['passed', 'failed', 'skipped']);

/** Outcome of one check, one case, or the whole run. */
export type Status = z.output<typeof StatusSchema>;

/** A SHA-256 digest in lower-case hex. */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest in lower-case hex');

/** One check applied to one case. */
export const CheckResultSchema = z.object({
  id: z.enum(REPORT_CHECK_IDS),
  status: StatusSchema,
  message: z.string(),
});

/** One check applied to one case. */
export type CheckResult = z.output<typeof CheckResultSchema>;

/** The exact inputs one case was run with: hashes of its files and of the harness, and the toolchain. */
export const CaseInputsSchema = z.object({
  /** The snippet file. */
  snippet: Sha256Schema,
  /** The example's `example.json`. */
  manifest: Sha256Schema,
  /** The example's `request.http`, or null when it has none. */
  requestHttp: Sha256Schema.nullable(),
  /** The files the language's runner installs from (`requirements.txt`, `pom.xml`), or null when it has none. */
  dependencies: Sha256Schema.nullable(),
  /** The harness's own code and dependencies (see `scripts/report/fingerprint.ts`). */
  harness: Sha256Schema,
  /** The toolchain the case ran with, as the runner reported it (`Python 3.11.7, requests 2.32.5`), or why it was missing. */
  toolchain: z.string(),
});

/** The exact inputs one case was run with. */
export type CaseInputs = z.output<typeof CaseInputsSchema>;

/** What the program did, as the harness captured it (tokens masked): the evidence a page can show. */
export const CaseEvidenceSchema = z.object({
  exitCode: z.int().nullable(),
  signal: z.string().nullable(),
  timedOut: z.boolean(),
  /** Standard output, tokens masked, at most `EVIDENCE_LIMIT` characters. */
  stdout: z.string(),
  /** Standard error, tokens masked, at most `EVIDENCE_LIMIT` characters. */
  stderr: z.string(),
});

/** What the program did, as the harness captured it. */
export type CaseEvidence = z.output<typeof CaseEvidenceSchema>;

/** Most characters of each stream a report keeps as evidence. */
export const EVIDENCE_LIMIT = 8 * 1024;

/** Most errors one case keeps, and most characters of an error's stack or cause chain. */
export const CAUGHT_ERROR_LIMITS = Object.freeze({ errors: 16, stack: 4000, cause: 4000 });

/**
 * An error the harness caught while running one case (a check or a runner that threw, a build that
 * failed, a mock that did not start) instead of letting it stop the run: where, what, and how it
 * came about. Tokens masked, control characters shown, each part bounded (CAUGHT_ERROR_LIMITS).
 */
export const CaughtErrorSchema = z.object({
  /** What threw, as a reader names it: `check "output"`, `runner "go" detect()`, `prepare`. */
  where: z.string(),
  /** The error's name and message (`TypeError: x is undefined`). */
  message: z.string(),
  /** Its stack trace, when it had one. */
  stack: z.string().optional(),
  /** Its `cause`, and the cause's own, each with its stack: `Error: y` then its frames. */
  cause: z.string().optional(),
});

/** An error the harness caught while running one case. */
export type CaughtError = z.output<typeof CaughtErrorSchema>;

/** The limits a case's program ran under; each absent one was not enforced. */
export const CaseLimitsSchema = z.object({
  memoryMiB: z.int().positive().optional(),
  processes: z.int().positive().optional(),
  scratchMiB: z.int().positive().optional(),
  outputMiB: z.int().positive().optional(),
});

/** One run of one snippet file under one scenario. */
export const CaseReportSchema = z.object({
  /** `example/language/scenario`: unique within a report. */
  key: z.string(),
  example: z.string(),
  language: z.string(),
  /** Path of the snippet file, relative to the project root (or absolute outside it). */
  file: z.string(),
  scenario: z.string(),
  status: StatusSchema,
  durationMs: z.number(),
  /** Why the case was skipped or could not run (a missing toolchain, a failed build). */
  reason: z.string().optional(),
  /** True when this result was reused from an earlier run with the same inputs. */
  cached: z.boolean().default(false),
  inputs: CaseInputsSchema,
  /** What the program ran with, as a reader would name it (`Python 3.11.7 with requests 2.32.5`); absent when it did not run. */
  runtime: z.string().optional(),
  checks: z.array(CheckResultSchema),
  /** What the program printed and how it exited; absent when it did not run. */
  evidence: CaseEvidenceSchema.optional(),
  /** Errors the harness caught while running this case, with their stacks and causes; absent when none. */
  errors: z.array(CaughtErrorSchema).max(CAUGHT_ERROR_LIMITS.errors).optional(),
  /** The limits its program ran under (those enforced where it ran: see `run.isolation`); absent when it did not run. */
  limits: CaseLimitsSchema.optional(),
});

/** One run of one snippet file under one scenario. */
export type CaseReport = z.output<typeof CaseReportSchema>;

/** A language's toolchain as the run found it. */
export const ToolchainReportSchema = z.union([
  z.object({ available: z.literal(true), version: z.string() }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);

/** When, where and with what a run was made. */
export const RunInfoSchema = z.object({
  /** When the run started, ISO 8601 in UTC. */
  startedAt: z.iso.datetime(),
  durationMs: z.number(),
  /** The git commit checked out (with `+changes` when the work tree differed), or null outside git. */
  commit: z.string().nullable(),
  /** The harness fingerprint every case's `inputs.harness` holds. */
  harness: Sha256Schema,
  /** Node.js version of the harness. */
  node: z.string(),
  /** Whether each program ran in its own sandbox, or why not. */
  isolation: z.string(),
  /** Each language's toolchain, by language id. */
  toolchains: z.record(z.string(), ToolchainReportSchema),
});

/** When, where and with what a run was made. */
export type RunInfo = z.output<typeof RunInfoSchema>;

/** The signature a report carries: an HMAC-SHA256 over the rest of it (see scripts/secrets/signing.ts). */
export const SignatureSchema = z.object({
  algorithm: z.literal('HMAC-SHA256'),
  /** Which key signed it: `RR_DOCS_REPORT_KEY`, or `machine` (the key of the machine that ran it). */
  key: z.string(),
  value: Sha256Schema,
});

/** The whole report. */
export const HarnessReportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  run: RunInfoSchema,
  summary: z.object({
    passed: z.int().min(0),
    failed: z.int().min(0),
    skipped: z.int().min(0),
    /** Cases whose result was reused from an earlier run. */
    cached: z.int().min(0).default(0),
    durationMs: z.number(),
  }),
  cases: z.array(CaseReportSchema),
  /** Who vouches for it: readers that trust it (a build, a merge) refuse a report without a signature they can check. */
  signature: SignatureSchema.optional(),
});

/** The whole report. */
export type HarnessReport = z.output<typeof HarnessReportSchema>;

export { DEFAULT_REPORT_PATH } from '../project.ts';
