// Checks on how the program behaved: exit code, error handling, output, secrecy, time.
import { API_FACTS, SEED_CLIENT_NAMES } from '../../api/core-api.ts';
import { MANIFEST_FILE } from '../../manifest/manifest-schema.ts';
import { headerValues, type CaseObservation } from '../case/observation.ts';
import { caseTimeLimitMs } from '../case/scenarios.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';
import { crashMarksOf, findCrash } from './crash.ts';
import { describeLeaks, leaksOf } from './leaks.ts';
import { failureReportProblem } from './failure-report.ts';

/** The error responses (401/403) the mock served in this case. */
function servedErrors({ requests }: CaseObservation): number[] {
  return [...new Set(requests.map((request) => request.status).filter((status) => status === 401 || status === 403))];
}

/** Whether the output names a served error's status and the API's message. */
function reportsError(observation: CaseObservation, status: number): string | undefined {
  const message = observation.scenario.apiError?.status === status ? observation.scenario.apiError.message : undefined;
  const missing = [];
  if (!new RegExp(`\\b${status}\\b`).test(observation.output)) missing.push(`the status ${status}`);
  if (message && !observation.output.includes(message)) missing.push(`the API's message "${message}"`);
  return missing.length ? `the output does not name ${missing.join(' or ')}` : undefined;
}

/** The token never appears in stdout or stderr, in any usual encoding, anywhere in the stream. */
export const tokenLeakCheck = defineCheck({
  id: 'token-leak',
  describe: 'the token never appears in stdout or stderr, as is or encoded (base64, hex, URL, reversed, spaced out)',
  evaluate({ token, run }) {
    if (!token) return notApplicable('no token in this scenario');
    const leaks = leaksOf(run, token);
    if (leaks.length) return fail(`the token was ${describeLeaks(leaks)}; never print or log it, in any form`);
    return pass('the token was not printed, in any form');
  },
});

/** 0 on ok, non-zero on 401, 403 and a missing token, unless the manifest says otherwise. */
export const exitCodeCheck = defineCheck({
  id: 'exit-code',
  describe: 'exits 0 on success and non-zero on 401, 403 and a missing token',
  evaluate({ run, expectation, scenario }) {
    if (run.timedOut) return fail('the program did not exit: it was killed at the time limit (see timeout)');
    const code = run.exitCode ?? `signal ${run.signal}`;
    const ok = expectation.exit === 'zero' ? run.exitCode === 0 : run.exitCode !== 0;
    if (ok) return pass(`exited ${code}`);
    if (expectation.exit === 'zero') return fail(`expected exit code 0 with ${scenario.summary}; the program exited ${code}`);
    return fail(`expected a non-zero exit code with ${scenario.summary}, so that a script or CI stops; the program exited 0`);
  },
});

/** On 401/403 the output names the status and the API's message; no program ever crashes. */
export const handlesErrorCheck = defineCheck({
  id: 'handles-error',
  describe: "on 401/403 the output names the status and the API's message; other failures are one line; no stack trace",
  evaluate(observation) {
    const crash = findCrash(observation.output, crashMarksOf(observation.runners, observation.snippet.runner));
    if (crash) return fail(`the program crashed with ${crash}; catch the error and print one line instead`);
    const report = failureReportProblem(observation);
    if (report) return fail(report);
    const statuses = servedErrors(observation);
    for (const status of statuses) {
      const problem = reportsError(observation, status);
      if (problem) return fail(`the mock answered ${status}; ${problem}`);
    }
    return pass(statuses.length ? `reported ${statuses.join(', ')} with the API's message` : 'no crash');
  },
});

/** With the variable unset, stop before sending with a message naming it, or send no Authorization. */
export const missingTokenCheck = defineCheck({
  id: 'missing-token',
  describe: `with ${API_FACTS.tokenEnvVar} unset, stops with a message naming it (or sends no Authorization at all)`,
  evaluate(observation) {
    if (observation.scenario.name !== 'missing') return notApplicable('only applies when the variable is unset');
    const sent = observation.requests.flatMap((request) => headerValues(request, 'authorization'));
    if (sent.length) {
      return fail(
        `with ${API_FACTS.tokenEnvVar} unset the program sent Authorization: ${sent.map((v) => JSON.stringify(v)).join(', ')}; ` +
          `stop before sending with a message that names ${API_FACTS.tokenEnvVar}`,
      );
    }
    if (observation.requests.length === 0) {
      if (observation.output.includes(API_FACTS.tokenEnvVar)) return pass(`stopped before sending and named ${API_FACTS.tokenEnvVar}`);
      return fail(`stopped before sending, but the output does not name ${API_FACTS.tokenEnvVar}; tell the reader what to set`);
    }
    const problem = reportsError(observation, 401);
    if (problem) return fail(`sent no Authorization header and got 401, but ${problem}`);
    return pass('sent no Authorization header and reported the 401');
  },
});

const SAMPLE_CLIENT_NAMES: ReadonlySet<string> = new Set(SEED_CLIENT_NAMES);

/**
 * Where the missing texts were asked for, for the output check's message: the manifest's field, or
 * the default (the API's sample clients) and the field that replaces it. Empty when neither holds
 * (a live run's real client names).
 */
function outputSource({ scenario, manifest }: CaseObservation, absent: readonly string[]): string {
  const field = `scenarios.${scenario.name}.output`;
  const listed = manifest.scenarios[scenario.name]?.output;
  if (listed !== undefined) return absent.every((text) => listed.includes(text)) ? ` (listed in ${field} in ${MANIFEST_FILE})` : '';
  if (!absent.every((text) => SAMPLE_CLIENT_NAMES.has(text))) return '';
  return (
    `: the default, the names of the API's sample clients that the mock returns; ` +
    `if your example prints something else, list what it prints in ${field} in ${MANIFEST_FILE}`
  );
}

/** On ok, the client names from the mock (or the manifest's text) appear in the output. */
export const outputCheck = defineCheck({
  id: 'output',
  describe: 'the output shows the result (by default the client names the mock returned)',
  evaluate(observation) {
    const { expectation, output } = observation;
    if (expectation.output.length === 0) return notApplicable('nothing to look for in this scenario');
    const absent = expectation.output.filter((text) => !output.includes(text));
    if (absent.length)
      return fail(`expected the output to contain ${absent.map((t) => JSON.stringify(t)).join(', ')}${outputSource(observation, absent)}`);
    return pass(`the output contains ${expectation.output.map((t) => JSON.stringify(t)).join(', ')}`);
  },
});

/** A case past its limit is killed with its whole process tree. */
export const timeoutCheck = defineCheck({
  id: 'timeout',
  describe: 'finishes within the time limit (default 20 s)',
  evaluate({ run, manifest, scenario }) {
    if (run.timedOut)
      return fail(
        `still running after ${caseTimeLimitMs(scenario.name, manifest)} ms: killed with its whole process tree; set a request timeout`,
      );
    return pass(`finished in ${Math.round(run.durationMs)} ms`);
  },
});
