// Fake credentials, one of each shape the scanners know (scripts/secrets/credentials.ts), put
// together from pieces at run time so that this file holds none: the repository's source scan
// reads it like every other file.
import type { CredentialKind } from '../../scripts/secrets/credentials.ts';

const join = (...parts: string[]) => parts.join('');

/** One made-up credential of each kind, as a program might print it. */
export const FAKE_CREDENTIALS: Readonly<Record<CredentialKind, string>> = {
  'github-token': join('gh', 'p_', 'FakeOnly0123456789abcdefghijKLMNOPQR'),
  'npm-token': join('np', 'm_', 'FakeOnly0123456789abcdefghijKLMNOPQR'),
  'aws-access-key-id': join('AK', 'IA', 'FAKEONLY234567AB'),
  'aws-secret-access-key': join('aws_secret_', 'access_key = ', 'FakeOnly0123456789abcdefghijKLMNOPQRSTUV'),
  'google-api-key': join('AI', 'za', 'FakeOnly0123456789abcdefghijKLMNOPQ'),
  'slack-token': join('xo', 'xb-', '123456789012-FakeOnlyToken'),
  'stripe-live-key': join('sk_', 'live_', 'FakeOnly0123456789abcdefgh'),
  'private-key': join('-----BEGIN RSA PRIVATE', ' KEY-----\nMIIEFakeOnlyKeyBody0123456789abcdefgh\n', '-----END RSA PRIVATE', ' KEY-----'),
  'json-web-token': join('ey', 'JhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiJmYWtlIn0', '.', 'FakeOnlySignature0123'),
  'basic-auth': join('Authorization: Basic ', Buffer.from('fake-user:fake-password').toString('base64')),
};

/** The fake GitHub token, the one most tests use. */
export const FAKE_GITHUB_TOKEN = FAKE_CREDENTIALS['github-token'];
