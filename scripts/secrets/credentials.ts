// The shapes of the common credentials a program might print, or a file might hold, other than the
// RequestRocket token: GitHub, npm, AWS, Google, Slack and Stripe keys, PEM private keys, JSON Web
// Tokens and the base64 of a basic-auth header. Unlike the token, whose value the harness knows, a
// credential is found by its shape, in the same views of the text as the token (see views.ts and
// decoded-views.ts), so the leak scanner finds both in one pass.

/** What kind of credential a string looks like. */
export type CredentialKind =
  | 'github-token'
  | 'npm-token'
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'google-api-key'
  | 'slack-token'
  | 'stripe-live-key'
  | 'private-key'
  | 'json-web-token'
  | 'basic-auth';

/** One credential shape: what it is called, and the pattern that finds it. */
interface CredentialShape {
  kind: CredentialKind;
  /** How a sentence names it: "a GitHub token". */
  label: string;
  /** Regular expression source without capturing groups; it must also match with the white space taken out (the compact view). */
  pattern: string;
  /** How far the credential runs past what `pattern` found, for masking (a PEM key's body, up to its END line). */
  extent?: RegExp;
  /** A further test of the matched text (a basic-auth value must decode to `user:password`). */
  accepts?: (match: string) => boolean;
}

/** `[Bb][Aa][Ss][Ii][Cc]`: a word in any case, without the `i` flag (which the other shapes must not have). */
const anyCase = (word: string) => word.replace(/[a-z]/gi, (letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`);

/** Whether the base64 after `Basic` decodes to `user:password`: printable ASCII holding a colon after at least one character. */
function decodesToUserAndPassword(match: string): boolean {
  const encoded = match.replace(/^[Bb][Aa][Ss][Ii][Cc]\s*/, '');
  const decoded = Buffer.from(encoded, 'base64');
  let printable = 0;
  while (printable < decoded.length && decoded[printable]! >= 0x20 && decoded[printable]! < 0x7f) printable += 1;
  return decoded.subarray(0, printable).indexOf(0x3a) >= 1;
}

const PEM_LABEL = '-----(?:BEGIN|END)[A-Z ]{0,40}PRIVATE ?KEY(?: ?BLOCK)?-----';

/** Every shape, in the order findings name them. */
const SHAPES: readonly CredentialShape[] = [
  // Lengths are exact where the format fixes them: without white space, a credential runs into the next line's text.
  { kind: 'github-token', label: 'a GitHub token', pattern: 'gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}' },
  { kind: 'npm-token', label: 'an npm token', pattern: 'npm_[A-Za-z0-9]{36}' },
  { kind: 'aws-access-key-id', label: 'an AWS access key id', pattern: '(?:AKIA|ASIA)[A-Z2-7]{16}' },
  {
    kind: 'aws-secret-access-key',
    label: 'an AWS secret access key',
    pattern: `(?:${anyCase('aws')}_?${anyCase('secret')}_?(?:${anyCase('access')}_?)?${anyCase('key')}|SecretAccessKey)["']?\\s*(?:[:=]|=>)\\s*["']?[A-Za-z0-9/+]{40}`,
  },
  { kind: 'google-api-key', label: 'a Google API key', pattern: 'AIza[0-9A-Za-z_-]{35}' },
  { kind: 'slack-token', label: 'a Slack token', pattern: 'xox[baprs]-[0-9A-Za-z-]{10,}' },
  { kind: 'stripe-live-key', label: 'a Stripe live secret key', pattern: 'sk_live_[0-9A-Za-z]{24,99}' },
  {
    kind: 'private-key',
    label: 'a PEM private key',
    pattern: '-----BEGIN[A-Z ]{0,40}PRIVATE ?KEY(?: ?BLOCK)?-----',
    // The key's body, up to its END line (or the end of the text when it was cut).
    extent: new RegExp(`[\\s\\S]*?(?:${PEM_LABEL}|$)`, 'y'),
  },
  { kind: 'json-web-token', label: 'a JSON Web Token', pattern: 'eyJ[A-Za-z0-9_-]{8,}\\.ey[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}' },
  {
    kind: 'basic-auth',
    label: "a basic-auth header's user and password",
    pattern: `${anyCase('basic')}\\s*[A-Za-z0-9+/]{6,}={0,2}`,
    accepts: decodesToUserAndPassword,
  },
];

/** Every spelling of `word` with each letter in either case: `basic`, `Basic`, `bAsic`, … */
function caseVariants(word: string): string[] {
  return [...word].reduce<string[]>(
    (spellings, char) =>
      spellings.flatMap((start) =>
        char.toLowerCase() === char.toUpperCase() ? [start + char] : [start + char.toLowerCase(), start + char.toUpperCase()],
      ),
    [''],
  );
}

/**
 * Fixed strings one of which every credential a shape finds holds: a quick test of whether a text
 * can hold one at all (encoded, it can be looked for without decoding; see decoded-views.ts).
 */
export const CREDENTIAL_ANCHORS: readonly string[] = Object.freeze([
  ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  'npm_',
  'AKIA',
  'ASIA',
  'AIza',
  ...['xoxb-', 'xoxa-', 'xoxp-', 'xoxr-', 'xoxs-'],
  'sk_live_',
  '-----BEGIN',
  'eyJ',
  // A basic-auth header's scheme, and an AWS secret key's name, in any case.
  ...caseVariants('basic'),
  ...caseVariants('secret'),
]);

/** Every credential kind, in the order findings name them. */
export const CREDENTIAL_KINDS: readonly CredentialKind[] = SHAPES.map((shape) => shape.kind);

/** How a sentence names each kind of credential. */
export const CREDENTIAL_LABELS: Readonly<Record<CredentialKind, string>> = Object.freeze(
  Object.fromEntries(SHAPES.map((shape) => [shape.kind, shape.label])) as Record<CredentialKind, string>,
);

/**
 * Most characters of a view a credential's pattern needs to see at once. A stream scanner keeps
 * this much of each view across chunk boundaries (twice as much of the hex view).
 */
export const CREDENTIAL_WINDOW = 1024;

// One pattern for every shape, each in its own group, so a text is read once whatever the shapes.
const ANY_SHAPE = new RegExp(SHAPES.map((shape) => `(${shape.pattern})`).join('|'), 'g');

/** One credential-shaped string in a text: its kind and where it starts and ends. */
export interface ShapeMatch {
  kind: CredentialKind;
  start: number;
  end: number;
}

// Any anchor: a text without one holds no credential, and is read once, quickly, to know it.
const ANY_ANCHOR = new RegExp(CREDENTIAL_ANCHORS.map((anchor) => anchor.replace(/[-_]/g, '\\$&')).join('|'));

/** Every credential-shaped string in `text`, left to right, without overlaps. */
export function findCredentialShapes(text: string): ShapeMatch[] {
  if (!ANY_ANCHOR.test(text)) return [];
  const found: ShapeMatch[] = [];
  for (const match of text.matchAll(ANY_SHAPE)) {
    const index = match.slice(1).findIndex((group) => group !== undefined);
    const shape = SHAPES[index];
    if (!shape || (shape.accepts && !shape.accepts(match[0]))) continue;
    found.push({ kind: shape.kind, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Where the credential found at `match` ends, counting what runs past its pattern (a PEM key's body), for masking. */
export function credentialEnd(text: string, match: ShapeMatch): number {
  const extent = SHAPES.find((shape) => shape.kind === match.kind)?.extent;
  if (!extent) return match.end;
  extent.lastIndex = match.end;
  const rest = extent.exec(text);
  return rest ? match.end + rest[0].length : match.end;
}
