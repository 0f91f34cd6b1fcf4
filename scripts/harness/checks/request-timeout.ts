// The program gives up by itself, within its own request timeout, when the server never answers.
import type { LanguageFacts } from '../case/observation.ts';
import { REQUEST_TIMEOUT_MARGIN_MS } from '../case/scenarios.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';

/** How to set a request timeout of `seconds`, in the words of the snippet's runner. */
function howToSet(runner: LanguageFacts, seconds: string): string {
  return runner.requestTimeoutAdvice?.(seconds) ?? `set a request timeout of ${seconds} s`;
}

/** Under a server that never answers, the program gives up within `requestTimeoutMs` (plus a margin). */
export const requestTimeoutCheck = defineCheck({
  id: 'request-timeout',
  describe: "gives up within the manifest's requestTimeoutMs (default 10 s) when the server never answers",
  timing: true,
  evaluate({ scenario, manifest, snippet, requests, run, exitedAtMs }) {
    if (!scenario.waits) return notApplicable('only applies when the server never answers');
    const limit = manifest.requestTimeoutMs;
    const seconds = String(Math.max(1, Math.round(limit / 1000)));
    if (run.timedOut) {
      return fail(
        `the program never gave up: it still waited for an answer when the harness killed it after ${Math.round(run.durationMs)} ms; ` +
          `${howToSet(snippet.runner, seconds)} (the manifest's requestTimeoutMs is ${limit})`,
      );
    }
    const first = requests[0];
    if (!first) return notApplicable('no request reached the mock (see request)');
    const waited = Math.round(exitedAtMs - first.receivedAtMs);
    if (waited > limit + REQUEST_TIMEOUT_MARGIN_MS) {
      return fail(
        `the program gave up ${waited} ms after the request arrived; the manifest's requestTimeoutMs is ${limit}: ` +
          `${howToSet(snippet.runner, seconds)}, or set requestTimeoutMs to the timeout the program really uses`,
      );
    }
    return pass(`gave up ${waited} ms after the request arrived (requestTimeoutMs ${limit})`);
  },
});
