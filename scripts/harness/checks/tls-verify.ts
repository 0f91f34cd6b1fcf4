// The program checks the server's certificate: no spelling of "verify off" in its source, and in
// the untrusted-certificate scenario it breaks the handshake off instead of sending its request.
import { findInsecureTls } from './insecure-tls.ts';
import { defineCheck, fail, pass } from './check.ts';

/** What turning verification off looks like in each language, for the dynamic failure's message. */
const SPELLED_OFF = 'verify=False, InsecureSkipVerify, curl -k/--insecure, NODE_TLS_REJECT_UNAUTHORIZED=0, a trust-all TrustManager';

/** Certificate verification is never switched off. */
export const tlsVerifyCheck = defineCheck({
  id: 'tls-verify',
  describe: 'the server certificate is checked: an untrusted one is refused, and nothing switches verification off',
  evaluate({ snippet, scenario, requests, tlsFailures }) {
    const findings = findInsecureTls(snippet.source, snippet.language);
    if (findings.length) {
      return fail(
        findings.map((finding) => `line ${finding.line} (${finding.text}): ${finding.what}; ${finding.fix}`).join('; ') +
          '. Never switch certificate checks off: a program that does hands its token to whoever answers.',
      );
    }
    if (scenario.behaviour !== 'untrusted') return pass('nothing in the source switches certificate checks off');
    if (requests.length) {
      return fail(
        `the program sent its request (and its token) over a certificate signed by a CA it does not trust: certificate verification is off. ` +
          `Remove whatever switches it off (${SPELLED_OFF})`,
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
