// The id of everything that can pass or fail a case, in one typed list: the checks applied to every
// case, the check across languages, and the pseudo-checks that say why a case could not be judged.

/** Stable ids of the checks applied to every case and of `same-request`, in report order. */
export const CHECK_IDS = [
  'egress',
  'harness-detection',
  'https',
  'tls-verify',
  'request',
  'request-schema',
  'auth-header',
  'content-type',
  'raw-request',
  'token-in-url',
  'token-leak',
  'credential-leak',
  'exit-code',
  'handles-error',
  'missing-token',
  'output',
  'timeout',
  'request-timeout',
  'resource-limits',
  // Compares the finished `ok` cases of one example across languages (see same-request.ts), so it is not in CHECKS.
  'same-request',
] as const;

/** Stable id of a check. */
export type CheckId = (typeof CHECK_IDS)[number];

/**
 * Ids a report uses for what is not a check of the program: its toolchain is missing (`toolchain`),
 * it could not be built (`prepare`), the harness could not run it (`harness`), or, in a live run,
 * the real API's answer differs from the documented one (`contract-drift`).
 */
export const PSEUDO_CHECK_IDS = ['toolchain', 'prepare', 'harness', 'contract-drift'] as const;

/** Stable id of a pseudo-check. */
export type PseudoCheckId = (typeof PSEUDO_CHECK_IDS)[number];

/** Every id a report's check result may carry. */
export const REPORT_CHECK_IDS = [...CHECK_IDS, ...PSEUDO_CHECK_IDS] as const;

/** Stable id of anything a report's check result names. */
export type ReportCheckId = (typeof REPORT_CHECK_IDS)[number];
