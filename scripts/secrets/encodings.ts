// The forms a secret can take when a program prints it: plain, base64 or base64url (at any
// alignment inside a longer encoded string), hex, URL-encoded, reversed, its case changed. Each form is a needle
// searched for in one of the views of the text (see views.ts).
import type { ViewName } from './views.ts';

/** How a secret was written out, as a finding names it. */
export type LeakEncoding = 'plain' | 'spaced' | 'url-encoded' | 'escaped' | 'base64' | 'base64url' | 'hex' | 'reversed' | 'case-changed';

/** What each encoding is called in a sentence ("the token was printed base64-encoded"). */
export const ENCODING_PHRASES: Readonly<Record<LeakEncoding, string>> = Object.freeze({
  plain: '',
  spaced: 'split by white space or line breaks',
  'url-encoded': 'URL-encoded',
  escaped: 'as character escapes (\\u0075, &#117;)',
  base64: 'base64-encoded',
  base64url: 'base64url-encoded',
  hex: 'hex-encoded',
  reversed: 'reversed',
  'case-changed': 'with its letters in another case',
});

/** One string to look for in one view, and the encoding it reveals. */
export interface Needle {
  view: ViewName;
  text: string;
  encoding: LeakEncoding;
}

/**
 * Base64 of `secret` wherever it starts inside a longer encoded string: for each of the three byte
 * alignments, the characters that depend on the secret's bytes alone.
 */
export function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (const skip of [0, 1, 2]) {
    const aligned = bytes.subarray(skip);
    const whole = aligned.subarray(0, aligned.length - (aligned.length % 3));
    if (whole.length >= 12) cores.push(whole.toString('base64'));
  }
  return cores;
}

const reverse = (text: string) => [...text].reverse().join('');

/** Every needle that reveals `secret`, in the view where it is searched. */
export function needlesFor(secret: string): Needle[] {
  const needles: Needle[] = [
    { view: 'raw', text: secret, encoding: 'plain' },
    { view: 'compact', text: secret, encoding: 'spaced' },
    { view: 'compact', text: reverse(secret), encoding: 'reversed' },
    { view: 'decoded', text: secret, encoding: 'url-encoded' },
    { view: 'decoded', text: reverse(secret), encoding: 'url-encoded' },
    { view: 'unescaped', text: secret, encoding: 'escaped' },
    // Upper- or lower-cased (a host name): a guess of each letter's case away from the token.
    { view: 'folded', text: secret.toLowerCase(), encoding: 'case-changed' },
    { view: 'hex', text: Buffer.from(secret, 'utf8').toString('hex'), encoding: 'hex' },
    { view: 'hex', text: Buffer.from(reverse(secret), 'utf8').toString('hex'), encoding: 'hex' },
  ];
  for (const core of base64Cores(secret)) {
    const url = core.replace(/\+/g, '-').replace(/\//g, '_');
    needles.push({ view: 'compact', text: core, encoding: 'base64' });
    if (url !== core) needles.push({ view: 'compact', text: url, encoding: 'base64url' });
    // Base64 carried in a URL: `+`, `/` and `=` percent-encoded.
    needles.push({ view: 'decoded', text: core, encoding: 'base64' });
  }
  return needles;
}

/** The most characters a needle of `secrets` spans in its view. */
export function longestNeedle(needles: readonly Needle[]): number {
  return needles.reduce((longest, needle) => Math.max(longest, needle.text.length), 0);
}
