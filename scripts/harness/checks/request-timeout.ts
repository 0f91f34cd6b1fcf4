// The program gives up by itself, within its own request timeout, when the server never answers.
import { REQUEST_TIMEOUT_MARGIN_MS } from '../case/scenarios.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';

/** How to set a request timeout of `seconds` in each language. */
function howToSet(language: string, seconds: string): string {
  const ways: Record<string, string> = {
    javascript: `pass signal: AbortSignal.timeout(${seconds}_000) to fetch`,
    python: `pass timeout=${seconds} to requests.get()`,
    go: `use &http.Client{Timeout: ${seconds} * time.Second}`,
    java: `set .timeout(Duration.ofSeconds(${seconds})) on the HttpRequest`,
    curl: `add --max-time ${seconds}`,
  };
  return ways[language] ?? `set a request timeout of ${seconds} s`;
}

/** Under a server that never answers, the program gives up within `requestTimeoutMs` (plus a margin). */
export const requestTimeoutCheck = defineCheck({
  id: 'request-timeout',
  describe: "gives up within the manifest's requestTimeoutMs (default 10 s) when the server never answers",
  evaluate({ scenario, manifest, snippet, requests, run, exitedAtMs }) {
    if (!scenario.waits) return notApplicable('only applies when the server never answers');
    const limit = manifest.requestTimeoutMs;
    const seconds = String(Math.max(1, Math.round(limit / 1000)));
    if (run.timedOut) {
      return fail(
        `the program never gave up: it still waited for an answer when the harness killed it after ${Math.round(run.durationMs)} ms; ` +
          `${howToSet(snippet.language, seconds)} (the manifest's requestTimeoutMs is ${limit})`,
      );
    }
    const first = requests[0];
    if (!first) return notApplicable('no request reached the mock (see request)');
    const waited = Math.round(exitedAtMs - first.receivedAtMs);
    if (waited > limit + REQUEST_TIMEOUT_MARGIN_MS) {
      return fail(
        `the program gave up ${waited} ms after the request arrived; the manifest's requestTimeoutMs is ${limit}: ` +
          `${howToSet(snippet.language, seconds)}, or set requestTimeoutMs to the timeout the program really uses`,
      );
    }
    return pass(`gave up ${waited} ms after the request arrived (requestTimeoutMs ${limit})`);
  },
});
