// Checks on where the program connected and what it asked for.
import { API_FACTS } from '../../api/core-api.ts';
import { ENCODING_PHRASES } from '../../secrets/encodings.ts';
import { scanText } from '../../secrets/stream-scan.ts';
import { describeSideDoors } from '../../sandbox/side-doors.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';
import {
  describeMatch,
  describeStep,
  expectedId,
  requestLabel,
  stepParameters,
  stepsOf,
  targetOf,
  wrongBodyId,
} from './example-requests.ts';

/** Nothing but the API host was contacted. */
export const egressCheck = defineCheck({
  id: 'egress',
  describe: `nothing but ${API_FACTS.host} is contacted, and only through the proxy`,
  evaluate({ egress, sideDoors }) {
    const elsewhere = egress.filter((attempt) => attempt.reason !== 'not-https');
    const bypassed = describeSideDoors(sideDoors);
    if (elsewhere.length === 0 && bypassed.length === 0)
      return pass(`only ${API_FACTS.host} was contacted${sideDoors ? ', and nothing bypassed the proxy' : ''}`);
    const targets = elsewhere
      .map((attempt) => (attempt.kind === 'tls' ? `a TLS server named "${attempt.host}"` : `${attempt.host}:${attempt.port}`))
      .join(', ');
    const said = [
      ...(targets ? [`the proxy refused ${targets}`] : []),
      ...(bypassed.length ? [`its sandbox recorded ${bypassed.join(', ')}`] : []),
    ];
    return fail(`expected connections to ${API_FACTS.host}:443 only, through the proxy; ${said.join('; ')}`);
  },
});

/** Every request came over TLS. */
export const httpsCheck = defineCheck({
  id: 'https',
  describe: 'every request is sent over HTTPS',
  evaluate({ egress, requests }) {
    const plain = egress.filter((attempt) => attempt.reason === 'not-https');
    const clear = requests.filter((request) => !request.tunneled || request.tlsVersion === null);
    if (plain.length === 0 && clear.length === 0) {
      return requests.length ? pass('every request came over TLS') : pass('no plain-HTTP request was made');
    }
    const what = plain.map((attempt) => `http://${attempt.host}${attempt.port === 80 ? '' : `:${attempt.port}`}/`);
    return fail(
      `expected https://${API_FACTS.host}/…; the program sent plain HTTP to ${[...what, ...clear.map((r) => r.path)].join(', ')}`,
    );
  },
});

/** Each request has its step's method and path template, with the ids the case gave (in its path and body) or an earlier request created, sent the expected number of times. */
export const requestCheck = defineCheck({
  id: 'request',
  describe:
    "each request is the manifest's operation (its method and path), with the ids from the environment (or an earlier answer) in its path and body, sent the expected number of times",
  evaluate(observation) {
    const { requests, manifest, expectation } = observation;
    const steps = stepsOf(manifest);
    const { min, max } = expectation.requests;
    const wanted = steps.map(describeStep).join(', then ');
    const count = min === max ? `${min}` : `${min} to ${max}`;
    if (requests.length < min || requests.length > max) {
      const seen =
        requests
          .slice(0, 5)
          .map((request) => `${request.method} ${request.path}`)
          .join(', ') + (requests.length > 5 ? ', …' : '');
      return fail(`expected ${count} request(s) (${wanted}); the mock received ${requests.length}${seen ? `: ${seen}` : ''}`);
    }
    for (const [index, request] of requests.entries()) {
      const step = steps[index];
      if (!step) break;
      const parameters = stepParameters(step, request);
      if (!parameters)
        return fail(
          `${steps.length > 1 ? `${requestLabel(steps, index)}: ` : ''}expected ${describeStep(step)}; the mock received ${request.method} ${targetOf(request)} (${describeMatch(request)})`,
        );
      for (const { name } of step.parameters) {
        const expected = expectedId(observation, steps, index, name);
        if (expected && parameters[name] !== expected.value)
          return fail(
            `${requestLabel(steps, index)} sent ${name} ${JSON.stringify(parameters[name])}, but ${expected.from}: ${expected.fix}`,
          );
      }
      const bodyId = wrongBodyId(observation, steps, index, request);
      if (bodyId) return fail(bodyId);
    }
    if (requests.length === 0) return pass('no request, as allowed');
    return pass(
      requests.map((request, index) => `${steps[index]?.operation.operationId ?? request.method} ${request.path}`).join(', then '),
    );
  },
});

/** The token never appears in the host, the path or the query string, as is or encoded. */
export const tokenInUrlCheck = defineCheck({
  id: 'token-in-url',
  describe: 'the token never appears in the URL (host, path or query string), in any form',
  evaluate({ token, requests, egress }) {
    if (!token) return notApplicable('no token in this scenario');
    // The host of a refused connection is part of its URL too (a token sent out as a host name).
    const urls = [
      ...requests.map((request) => `${request.path}${request.query ? `?${request.query}` : ''}`),
      ...egress.map((attempt) => `//${attempt.host}${attempt.port ? `:${attempt.port}` : ''}`),
    ];
    for (const url of urls) {
      const [encoding] = scanText(url, [token]);
      if (!encoding) continue;
      const how = ENCODING_PHRASES[encoding] ? ` (${ENCODING_PHRASES[encoding]})` : '';
      return fail(`the token must travel only in the Authorization header; the mock saw it${how} in the URL ${url}`);
    }
    return pass('the token was not in any URL, in any form');
  },
});
