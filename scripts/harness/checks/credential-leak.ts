// Nothing the program prints is shaped like a common credential (a GitHub or npm token, an AWS,
// Google, Slack or Stripe key, a PEM private key, a JSON Web Token, a basic-auth header), as is or
// in any encoding the leak scanner decodes. The report masks every one it finds; this check fails
// the case, naming the kind and the stream, never the value.
import type { RunResult } from '../../runners/runner-contract.ts';
import { CREDENTIAL_LABELS } from '../../secrets/credentials.ts';
import { ENCODING_PHRASES } from '../../secrets/encodings.ts';
import { scanCredentials, type CredentialFinding } from '../../secrets/stream-scan.ts';
import { defineCheck, fail, pass } from './check.ts';

/** A credential-shaped string in one stream of a run. */
export interface CredentialLeak extends CredentialFinding {
  stream: 'stdout' | 'stderr';
}

/** Every credential-shaped string in the output a run kept (the part any report could show), by stream. */
export function credentialLeaksOf(run: Pick<RunResult, 'stdout' | 'stderr'>): CredentialLeak[] {
  return (['stdout', 'stderr'] as const).flatMap((stream) => scanCredentials(run[stream]).map((finding) => ({ ...finding, stream })));
}

/** "a GitHub token to stdout, and a PEM private key base64-encoded to stderr": kinds, forms and streams, never values. */
export function describeCredentialLeaks(leaks: readonly CredentialLeak[]): string {
  return (['stdout', 'stderr'] as const)
    .map((stream) => {
      const phrases = leaks
        .filter((leak) => leak.stream === stream)
        .map((leak) => [CREDENTIAL_LABELS[leak.kind], ENCODING_PHRASES[leak.encoding]].filter(Boolean).join(' '));
      return phrases.length ? `${phrases.join(' and ')} to ${stream}` : '';
    })
    .filter(Boolean)
    .join(', and ');
}

/** The output holds nothing shaped like a common credential, in any form. */
export const credentialLeakCheck = defineCheck({
  id: 'credential-leak',
  describe:
    'nothing printed is shaped like a common credential (GitHub, npm, AWS, Google, Slack or Stripe keys, PEM private keys, JSON Web Tokens, basic-auth headers), as is or encoded',
  evaluate({ run }) {
    const leaks = credentialLeaksOf(run);
    if (leaks.length === 0) return pass('nothing shaped like a credential was printed, in any form');
    return fail(
      `the program printed something shaped like ${describeCredentialLeaks(leaks)}; never print credentials ` +
        '(every report masks them, and a real one must be revoked)',
    );
  },
});
