// The program checks the server's certificate: no spelling of "verify off" in its source, and in
// the untrusted-certificate scenario it breaks the handshake off instead of sending its request.
import { findInsecureTls, insecureTlsSpellings } from './insecure-tls.ts';
import { defineCheck, fail, pass } from './check.ts';

/** Certificate verification is never switched off. */
export const tlsVerifyCheck = defineCheck({
  id: 'tls-verify',
  describe: 'the server certificate is checked: an untrusted one is refused, and nothing switches verification off',
  evaluate({ snippet, runners, scenario, requests, tlsFailures }) {
    const findings = findInsecureTls(snippet.source, insecureTlsSpellings(snippet.runner, runners));
    if (findings.length) {
      return fail(
        findings.map((finding) => `line ${finding.line} (${finding.text}): ${finding.what}; ${finding.fix}`).join('; ') +
          '. Never switch certificate checks off: a program that does hands its token to whoever answers.',
      );
    }
    if (scenario.behaviour !== 'untrusted') return pass('nothing in the source switches certificate checks off');
    if (requests.length) {
      // What switching verification off looks like in the snippet's language, as its runner declares it.
      const spelledOff = (snippet.runner.insecureTls ?? []).map((spelling) => spelling.what);
      return fail(
        `the program sent its request (and its token) over a certificate signed by a CA it does not trust: certificate verification is off. ` +
          `Remove whatever switches it off${spelledOff.length ? ` (${spelledOff.join('; ')})` : ''}`,
      );
    }
    if (tlsFailures.length === 0) {
      return fail(
        'the program never tried a TLS connection to the API, so it was not seen refusing the untrusted certificate; send the request',
      );
    }
    return pass(`refused the untrusted certificate (${tlsFailures[0]?.message ?? 'handshake broken off'})`);
  },
});
