// The views in which a credential is searched by its shape rather than by a known value: the text
// decoded from base64 (each run of base64 characters, at each of its four alignments), decoded from
// hex (at both alignments), and reversed. They are built from the views of views.ts (the compact
// view for base64 and reversal, the hex view for hex), in a fast form for streams and in a form
// that maps every decoded character back to its place in the original text, for masking.
import { CREDENTIAL_ANCHORS } from './credentials.ts';
import type { MappedView } from './views.ts';

/** The decoded views, named by the encoding a finding in them reveals. */
export type DecodedViewName = 'base64' | 'hex' | 'reversed';

// Runs of base64 or base64url characters long enough to hold a credential (12 bytes and more).
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}/g;

/** Bytes read as Latin-1, one character per byte, so every decoded character has one place. */
const asText = (bytes: Buffer) => bytes.toString('latin1');

/** The base64 characters that stand for `literal`'s bytes alone, at each of the three places it can start in a group (and in base64url). */
function base64Fragments(literal: string): string[] {
  const bytes = Buffer.from(literal, 'latin1');
  const fragments = new Set<string>();
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(3)]).toString('base64');
    const fragment = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
    fragments.add(fragment);
    fragments.add(fragment.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...fragments];
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const anyOf = (texts: Iterable<string>) => new RegExp([...new Set(texts)].map(escaped).join('|'));

// Whether a text can hold a credential in each form: an anchor (see CREDENTIAL_ANCHORS) in base64,
// in hex, or reversed. Decoding is done only where one is found, so ordinary output costs one search.
const BASE64_ANCHOR = anyOf(CREDENTIAL_ANCHORS.flatMap(base64Fragments));
const HEX_ANCHOR = anyOf(CREDENTIAL_ANCHORS.map((anchor) => Buffer.from(anchor, 'latin1').toString('hex')));
const REVERSED_ANCHOR = anyOf(CREDENTIAL_ANCHORS.map((anchor) => [...anchor].reverse().join('')));

/** Whether the compact text may hold a credential in base64 (an anchor's base64 is in it). */
export const mayHoldBase64 = (compact: string): boolean => BASE64_ANCHOR.test(compact);

/** Whether the hex view may hold a credential (an anchor's hex is in it). */
export const mayHoldHex = (hex: string): boolean => HEX_ANCHOR.test(hex);

/** Whether the compact text may hold a credential written backwards (an anchor reversed is in it). */
export const mayHoldReversed = (compact: string): boolean => REVERSED_ANCHOR.test(compact);

/** The texts `compact` holds in base64: each run decoded from each of its first four characters. */
export function base64Decoded(compact: string): string[] {
  const texts: string[] = [];
  for (const match of compact.matchAll(BASE64_RUN)) {
    for (let skip = 0; skip < 4; skip += 1) texts.push(asText(Buffer.from(match[0].slice(skip), 'base64')));
  }
  return texts;
}

/** The texts a hex view holds: its digits decoded from the first and from the second. */
export function hexDecoded(hex: string): string[] {
  if (hex.length < 24) return [];
  return [0, 1].map((skip) => asText(Buffer.from(hex.slice(skip, skip + 2 * Math.floor((hex.length - skip) / 2)), 'hex')));
}

/** The compact text read backwards. */
export const reversedText = (compact: string): string => compact.split('').reverse().join('');

/** A decoded text with, for each of its characters, the span of the original text it came from. */
export type DecodedPart = MappedView;

/** `base64Decoded` of a mapped compact view, each decoded byte mapped to the four characters it came from. */
export function mappedBase64(compact: MappedView): DecodedPart[] {
  const parts: DecodedPart[] = [];
  for (const match of compact.text.matchAll(BASE64_RUN)) {
    const runEnd = match.index + match[0].length;
    for (let skip = 0; skip < 4; skip += 1) {
      const start = match.index + skip;
      const text = asText(Buffer.from(compact.text.slice(start, runEnd), 'base64'));
      const part: DecodedPart = { text, from: [], to: [] };
      for (let index = 0; index < text.length; index += 1) {
        const group = start + 4 * Math.floor(index / 3);
        part.from.push(compact.from[group]!);
        part.to.push(compact.to[Math.min(group + 3, runEnd - 1)]!);
      }
      parts.push(part);
    }
  }
  return parts;
}

/** `hexDecoded` of a mapped hex view, each decoded byte mapped to its two digits. */
export function mappedHex(hex: MappedView): DecodedPart[] {
  if (hex.text.length < 24) return [];
  return [0, 1].map((skip) => {
    const pairs = Math.floor((hex.text.length - skip) / 2);
    const text = asText(Buffer.from(hex.text.slice(skip, skip + 2 * pairs), 'hex'));
    const part: DecodedPart = { text, from: [], to: [] };
    for (let index = 0; index < text.length; index += 1) {
      part.from.push(hex.from[skip + 2 * index]!);
      part.to.push(hex.to[skip + 2 * index + 1]!);
    }
    return part;
  });
}

/** A mapped compact view read backwards. */
export function mappedReversed(compact: MappedView): DecodedPart {
  return { text: reversedText(compact.text), from: [...compact.from].reverse(), to: [...compact.to].reverse() };
}
