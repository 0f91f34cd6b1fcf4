// Every check, in report order.
import type { Check } from './check.ts';
import { authHeaderCheck, contentTypeCheck } from './headers.ts';
import { egressCheck, httpsCheck, requestCheck, tokenInUrlCheck } from './network.ts';
import { rawRequestCheck } from './raw-request.ts';
import { requestSchemaCheck } from './request-schema.ts';
import { requestTimeoutCheck } from './request-timeout.ts';
import { resourceLimitsCheck } from './resource-limits.ts';
import { tlsVerifyCheck } from './tls-verify.ts';
import { exitCodeCheck, handlesErrorCheck, missingTokenCheck, outputCheck, timeoutCheck, tokenLeakCheck } from './behaviour.ts';
import { credentialLeakCheck } from './credential-leak.ts';
import { harnessDetectionCheck } from './harness-detection.ts';

export { CHECK_IDS, type Check, type CheckId, type CheckOutcome } from './check.ts';

/** The checks applied to every case, in the order of CHECK_IDS (`same-request` compares cases, after them). */
export const CHECKS: readonly Check[] = [
  egressCheck,
  harnessDetectionCheck,
  httpsCheck,
  tlsVerifyCheck,
  requestCheck,
  requestSchemaCheck,
  authHeaderCheck,
  contentTypeCheck,
  rawRequestCheck,
  tokenInUrlCheck,
  tokenLeakCheck,
  credentialLeakCheck,
  exitCodeCheck,
  handlesErrorCheck,
  missingTokenCheck,
  outputCheck,
  timeoutCheck,
  requestTimeoutCheck,
  resourceLimitsCheck,
];

/** The checks whose verdict depends on how fast the machine ran the program (`Check.timing`). */
export const TIMING_CHECK_IDS: ReadonlySet<string> = new Set(CHECKS.filter((check) => check.timing).map((check) => check.id));
