// Checks on how the program behaved: exit code, error handling, output, secrecy, time.
import { API_FACTS } from '../../api/core-api.ts';
import { PLACEHOLDER } from '../../manifest/example-steps.ts';
import { MANIFEST_FILE } from '../../manifest/manifest-schema.ts';
import { defaultOutput } from '../case/default-output.ts';
import { stepsOf } from './example-requests.ts';
import { headerValues, type CaseObservation } from '../case/observation.ts';
import { caseTimeLimitMs } from '../case/scenarios.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';
import { crashMarksOf, findCrash } from './crash.ts';
import { describeLeaks, keptLeaksOf, leaksOf } from './leaks.ts';
import { outputWasCut } from '../../runners/process.ts';
import { sentSecrets } from '../case/sent-secrets.ts';
import { failureReportProblem } from './failure-report.ts';

/** The error answers (4xx) the mock served in this case, each status once. */
function servedErrors({ requests }: CaseObservation): number[] {
  return [...new Set(requests.map((request) => request.status).filter((status) => status >= 400 && status < 500))];
}

/** Whether the output names a served error's status and (when the scenario knows it) the API's message. */
function reportsError(observation: CaseObservation, status: number): string | undefined {
  const message = observation.scenario.apiError?.status === status ? observation.scenario.apiError.message : undefined;
  const missing = [];
  if (!new RegExp(`\\b${status}\\b`).test(observation.output)) missing.push(`the status ${status}`);
  if (message && !observation.output.includes(message)) missing.push(`the API's message "${message}"`);
  return missing.length ? `the output does not name ${missing.join(' or ')}` : undefined;
}

/**
 * Neither the token nor a secret the program sent in a body (a field the description marks secret)
 * appears in stdout or stderr, in any usual encoding: the token anywhere in the stream, a secret in
 * the output the run kept (it is known only once the mock received it; output cut at the limit
 * cannot be cleared).
 */
export const tokenLeakCheck = defineCheck({
  id: 'token-leak',
  describe:
    'neither the token nor a secret sent in a body (credentialSecret) appears in stdout or stderr, as is or encoded (base64, hex, URL, reversed, spaced out)',
  evaluate({ token, run, requests }) {
    const secrets = sentSecrets(requests);
    if (!token && secrets.length === 0) return notApplicable('no token in this scenario');
    const problems: string[] = [];
    const tokenLeaks = token ? leaksOf(run, token) : [];
    if (tokenLeaks.length) problems.push(`the token was ${describeLeaks(tokenLeaks)}`);
    for (const secret of secrets) {
      const where = `the secret the program sent in ${secret.field} (${secret.operationId})`;
      const leaks = keptLeaksOf(run, secret.value);
      if (leaks.length) problems.push(`${where} was ${describeLeaks(leaks)}`);
      else if (outputWasCut(run.stdout) || outputWasCut(run.stderr))
        problems.push(`${where} could not be looked for in all of the output: it was longer than the harness keeps; print less`);
    }
    if (problems.length) return fail(`${problems.join('; ')}; never print or log a token or a secret, in any form`);
    const sent = secrets.length ? `, nor the secret sent in ${[...new Set(secrets.map((secret) => secret.field))].join(', ')}` : '';
    return pass(`${token ? 'the token was not printed' : 'nothing secret was printed'}${sent}, in any form`);
  },
});

/** 0 on ok, non-zero on 401, 403 and a missing token, unless the manifest says otherwise. */
export const exitCodeCheck = defineCheck({
  id: 'exit-code',
  describe: "exits 0 on success and non-zero on the API's errors (401, 403, 404, 400) and a missing token",
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
  describe:
    "on an API error (401, 403, 404, 400) one line names the status and the API's message; other failures are one line; no stack trace",
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

/** What each `{name}` of an expected text stands for in this case: an id the harness gave, or one the mock created. */
function placeholderValues({ ids, requests }: CaseObservation): Map<string, { value: string; what: string }> {
  const values = new Map<string, { value: string; what: string }>();
  for (const id of ids) values.set(id.parameter, { value: id.value, what: `the id the harness set in ${id.variable}` });
  for (const request of requests)
    if (request.created && !values.has(request.created.parameter))
      values.set(request.created.parameter, {
        value: request.created.id,
        what: `the id ${'operationId' in request.operation ? request.operation.operationId : 'the request'} created`,
      });
  return values;
}

/** An expected text with its placeholders filled in, and what they stand for (or the one no value exists for). */
function resolveText(
  text: string,
  values: ReadonlyMap<string, { value: string; what: string }>,
): { text: string; notes: string[]; missing?: string } {
  const notes: string[] = [];
  let missing: string | undefined;
  const resolved = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values.get(name);
    if (!value) {
      missing ??= name;
      return whole;
    }
    notes.push(`{${name}}: ${value.what}`);
    return value.value;
  });
  return { text: resolved, notes, ...(missing !== undefined && { missing }) };
}

/**
 * Where the missing texts were asked for, for the output check's message: the manifest's field, or
 * the default (what the example's operations return) and the field that replaces it. Empty when
 * neither holds (a live run's real client names).
 */
function outputSource({ scenario, manifest }: CaseObservation, absent: readonly string[]): string {
  const field = `scenarios.${scenario.name}.output`;
  const listed = manifest.scenarios[scenario.name]?.output;
  if (listed !== undefined) return absent.every((text) => listed.includes(text)) ? ` (listed in ${field} in ${MANIFEST_FILE})` : '';
  const defaults = defaultOutput(stepsOf(manifest)).filter((entry) => absent.includes(entry.text));
  if (defaults.length < absent.length) return '';
  const why = [...new Set(defaults.map((entry) => entry.why))].join('; ');
  return `: the default, ${why}; if your example prints something else, list what it prints in ${field} in ${MANIFEST_FILE}`;
}

/** On ok, what the example's operations return (or the manifest's text, its ids filled in) appears in the output. */
export const outputCheck = defineCheck({
  id: 'output',
  describe:
    "the output shows the result (by default what the example's operations return: the names of the records listed, the id created)",
  evaluate(observation) {
    const { expectation, output } = observation;
    if (expectation.output.length === 0) return notApplicable('nothing to look for in this scenario');
    const values = placeholderValues(observation);
    const texts = expectation.output.map((text) => ({ asked: text, ...resolveText(text, values) }));
    const unknown = texts.find((text) => text.missing !== undefined);
    if (unknown)
      return fail(`expected the output to contain ${JSON.stringify(unknown.text)}, but no {${unknown.missing}} was created in this case`);
    const absent = texts.filter((text) => !output.includes(text.text));
    const show = (list: typeof texts) =>
      list.map((text) => `${JSON.stringify(text.text)}${text.notes.length ? ` (${text.notes.join(', ')})` : ''}`).join(', ');
    if (absent.length)
      return fail(
        `expected the output to contain ${show(absent)}${outputSource(
          observation,
          absent.map((text) => text.asked),
        )}`,
      );
    return pass(`the output contains ${show(texts)}`);
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
