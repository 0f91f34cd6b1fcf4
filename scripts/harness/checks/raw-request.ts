// The guide's raw HTTP request (`request.http`) matches what the programs really send.
import { API_FACTS } from '../../api/core-api.ts';
import { headerValues } from '../case/observation.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';

/** Same method, path and header names as the example's `request.http`, which holds only the placeholder token. */
export const rawRequestCheck = defineCheck({
  id: 'raw-request',
  describe: "the example's request.http shows the method, path and headers the programs send",
  evaluate({ rawRequest, manifest, requests, token }) {
    if (!rawRequest) return notApplicable('the example has no request.http');
    if ('error' in rawRequest) return fail(rawRequest.error);
    const shown = `${rawRequest.method} ${rawRequest.path}`;
    const wanted = `${manifest.request.method} ${manifest.request.path}`;
    if (shown !== wanted) return fail(`request.http shows ${shown}; the manifest (and the programs) use ${wanted}`);
    const authorization = rawRequest.headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    if (authorization !== API_FACTS.placeholderToken) {
      return fail(
        `request.http must show Authorization: ${API_FACTS.placeholderToken} (the placeholder, raw); found ${JSON.stringify(authorization ?? null)}`,
      );
    }
    const host = rawRequest.headers.find(([name]) => name.toLowerCase() === 'host')?.[1];
    if (host !== API_FACTS.host) return fail(`request.http must show Host: ${API_FACTS.host}; found ${JSON.stringify(host ?? null)}`);
    if (requests.length === 0) return notApplicable('no request reached the mock to compare with');
    if (!token) return pass(`request.http shows ${shown}, as the manifest says (no token in this scenario to compare headers)`);
    for (const request of requests) {
      const missing = rawRequest.headers.map(([name]) => name).filter((name) => headerValues(request, name).length === 0);
      if (missing.length)
        return fail(`request.http shows ${missing.join(', ')}, but the program did not send ${missing.length > 1 ? 'them' : 'it'}`);
    }
    return pass(`the program sent ${shown} with ${rawRequest.headers.map(([name]) => name).join(', ')}, as request.http shows`);
  },
});
