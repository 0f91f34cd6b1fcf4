// Views of a text in which an encoded secret becomes one contiguous string: without white space
// (a token split across lines or spaced out), percent-decoded, with character escapes decoded,
// lower-cased, and as bare hex digits. Each view has a fast form for streams (regular
// expressions, linear) and a form that maps every character back to its place in the original
// text, for masking.

/** The views a needle is searched in. */
export type ViewName = 'raw' | 'compact' | 'decoded' | 'unescaped' | 'folded' | 'hex';

/** Every view, in the order they are built. */
export const VIEW_NAMES: readonly ViewName[] = ['raw', 'compact', 'decoded', 'unescaped', 'folded', 'hex'];

// White space, NUL (UTF-16 output), zero-width characters, and ANSI colour or cursor codes.
// eslint-disable-next-line no-control-regex -- matching escape codes is the point
const FILLER = /[\s\0\u200b-\u200d\u2060\ufeff]+|\u001b\[[0-9;?]*[A-Za-z]/g;
const PERCENT = /%([0-7][0-9A-Fa-f])/g;
// `\x75`, `\u0075`, `&#x75;` and `&#117;`: escapes of ASCII characters in source code, JSON and HTML.
const CHARACTER_ESCAPE = /\\x([0-7][0-9a-f])|\\u00([0-7][0-9a-f])|&#x0*([0-7]?[0-9a-f]);|&#0*(\d{1,3});/gi;
// A `0x` prefix, or anything that is not a hex digit (`\x` prefixes, separators).
const HEX_NOISE = /0x|[^0-9a-f]+/gi;

/** The compact view of `text`: white space, NUL, zero-width characters and ANSI codes removed. */
export const compactView = (text: string): string => text.replace(FILLER, '');

/** The decoded view of compacted text: `%XX` escapes of ASCII characters decoded. */
export const decodedView = (compact: string): string =>
  !compact.includes('%') ? compact : compact.replace(PERCENT, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** The character an escape matched by CHARACTER_ESCAPE stands for (an escape of a non-ASCII character is kept). */
function unescapeOne(escape: string, ...groups: Array<string | undefined>): string {
  const [hex1, hex2, hex3, decimal] = groups;
  const code = decimal === undefined ? Number.parseInt(hex1 ?? hex2 ?? hex3 ?? '', 16) : Number.parseInt(decimal, 10);
  return code < 128 ? String.fromCharCode(code) : escape;
}

/** The unescaped view of compacted text: `\x75`, `\u0075`, `&#x75;` and `&#117;` decoded. */
export const unescapedView = (compact: string): string =>
  !compact.includes('\\') && !compact.includes('&')
    ? compact
    : compact.replace(CHARACTER_ESCAPE, (escape: string, ...groups: unknown[]) =>
        unescapeOne(escape, ...(groups.slice(0, 4) as Array<string | undefined>)),
      );

/** ASCII letters lower-cased, every other character kept (so the length never changes, for masking). */
const lowerAscii = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** The hex view of `text`: `0x` and `\x` prefixes and every other character but hex digits dropped, lower-cased. */
export const hexView = (text: string): string => text.replace(HEX_NOISE, '').toLowerCase();

/** Whether `view` is built from the raw text, or from the compact view. */
export function viewSource(view: ViewName): 'raw' | 'compact' {
  return view === 'raw' || view === 'hex' || view === 'compact' ? 'raw' : 'compact';
}

/**
 * How many characters at the end of `source` (the text `view` is built from) must wait for the
 * next chunk before `view` can be built from them (an escape, a `0x` prefix or an ANSI code cut in two).
 */
export function heldBack(view: ViewName, source: string): number {
  let match: RegExpExecArray | null = null;
  if (view === 'hex') match = /(?:0|\\)$/.exec(source);
  // eslint-disable-next-line no-control-regex -- an escape code cut at the chunk's end
  else if (view === 'compact') match = /\u001b(?:\[[0-9;?]{0,16})?$/.exec(source.slice(-20));
  else if (view === 'decoded') match = /%[0-9A-Fa-f]?$/.exec(source.slice(-4));
  else if (view === 'unescaped') match = /(?:\\(?:[xu][0-9a-f]{0,3})?|&(?:#(?:x[0-9a-f]{0,4}|\d{0,5})?)?)$/i.exec(source.slice(-10));
  return match ? match[0].length : 0;
}

/** Builds `view` from a chunk of its source (already freed of held-back characters); streams only. */
export function viewOfChunk(view: ViewName, source: string): string {
  if (view === 'compact') return compactView(source);
  if (view === 'decoded') return decodedView(source);
  if (view === 'unescaped') return unescapedView(source);
  // Lower-casing may change the length of a non-ASCII text, which only masking (mappedView) minds.
  if (view === 'folded') return source.toLowerCase();
  if (view === 'hex') return hexView(source);
  return source;
}

/** A view of a text with, for each of its characters, the index of the original character it came from. */
export interface MappedView {
  text: string;
  /** `from[i]` is where the view's i-th character starts in the original text. */
  from: number[];
  /** `to[i]` is where the view's i-th character ends in the original text (exclusive). */
  to: number[];
}

/** `view` of `text` with a map back to the original, for masking short texts. */
export function mappedView(view: ViewName, text: string): MappedView {
  const identity = Array.from({ length: text.length }, (_, index) => index);
  const result: MappedView = { text, from: identity, to: identity.map((index) => index + 1) };
  if (view === 'raw') return result;
  if (view === 'hex') {
    const hex = keepMatching(result, text, HEX_NOISE);
    return { ...hex, text: lowerAscii(hex.text) };
  }
  const compact = keepMatching(result, text, FILLER);
  if (view === 'compact') return compact;
  if (view === 'folded') return { ...compact, text: lowerAscii(compact.text) };
  if (view === 'unescaped')
    return decodeMatches(compact, CHARACTER_ESCAPE, (match) => unescapeOne(match[0], match[1], match[2], match[3], match[4]));
  return decodeMatches(compact, PERCENT, (match) => String.fromCharCode(Number.parseInt(match[1]!, 16)));
}

/** Removes every match of `patterns`, in turn, from a mapped view (`lowered` is its text to transform). */
function keepMatching(view: MappedView, lowered: string, ...patterns: RegExp[]): MappedView {
  let current: MappedView = { ...view, text: lowered };
  for (const pattern of patterns) {
    const keep: MappedView = { text: '', from: [], to: [] };
    let last = 0;
    const copy = (end: number) => append(keep, current, last, end);
    for (const match of current.text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      copy(match.index);
      last = match.index + match[0].length;
    }
    copy(current.text.length);
    current = keep;
  }
  return current;
}

/** Replaces each match of `pattern` in a mapped view by what `decode` makes of it; the result spans the whole match. */
function decodeMatches(view: MappedView, pattern: RegExp, decode: (match: RegExpExecArray) => string): MappedView {
  const out: MappedView = { text: '', from: [], to: [] };
  let last = 0;
  const copy = (end: number) => append(out, view, last, end);
  for (const match of view.text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    copy(match.index);
    const decoded = decode(match);
    const end = match.index + match[0].length;
    out.text += decoded;
    for (let index = 0; index < decoded.length; index += 1) {
      out.from.push(view.from[match.index]!);
      out.to.push(view.to[end - 1]!);
    }
    last = end;
  }
  copy(view.text.length);
  return out;
}

/** Appends characters `start` to `end` of `source`, with their places, to `target`. */
function append(target: MappedView, source: MappedView, start: number, end: number): void {
  target.text += source.text.slice(start, end);
  for (let index = start; index < end; index += 1) {
    target.from.push(source.from[index]!);
    target.to.push(source.to[index]!);
  }
}
