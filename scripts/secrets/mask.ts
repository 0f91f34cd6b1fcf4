// Masks secrets in a text in every form the leak scanner recognises: plain, spaced out, URL-, base64-
// or hex-encoded, reversed; and anything shaped like a common credential, in the same forms. Used on
// everything shown to a person (reports, logs), never on streams.
import { CREDENTIAL_LABELS, credentialEnd, findCredentialShapes } from './credentials.ts';
import { mappedBase64, mappedHex, mappedReversed, type DecodedPart } from './decoded-views.ts';
import { ENCODING_PHRASES, needlesFor, type LeakEncoding } from './encodings.ts';
import { scanCredentials } from './stream-scan.ts';
import { VIEW_NAMES, mappedView } from './views.ts';

/** A token shown safely: its first four characters and its length, like `u-ab…(34 chars)`. */
export function maskToken(value: string | null | undefined): string {
  if (value === null || value === undefined) return '(none)';
  if (value === '') return '(empty)';
  return `${value.slice(0, 4)}…(${value.length} chars)`;
}

interface Span {
  start: number;
  end: number;
  replacement: string;
  /** 0 for a plain token, so that its usual masked form wins over a view's match of the same place. */
  rank: number;
}

/** Where each form of each secret appears in `text`, as spans of the original text. */
function secretSpans(text: string, secrets: readonly string[]): Span[] {
  const needles = secrets
    .filter((secret) => secret.length >= 4)
    .flatMap((secret) => needlesFor(secret).map((needle) => ({ ...needle, secret })));
  const spans: Span[] = [];
  for (const view of VIEW_NAMES) {
    const wanted = needles.filter((needle) => needle.view === view);
    if (wanted.length === 0) continue;
    const mapped = mappedView(view, text);
    for (const needle of wanted) {
      for (let at = mapped.text.indexOf(needle.text); at !== -1; at = mapped.text.indexOf(needle.text, at + 1)) {
        spans.push({
          start: mapped.from[at]!,
          end: mapped.to[at + needle.text.length - 1]!,
          replacement: maskedForm(needle.secret, needle.encoding),
          rank: needle.encoding === 'plain' ? 0 : 1,
        });
      }
    }
  }
  return spans;
}

/** `u-ab…(34 chars)` for a plain token, `[token masked: base64-encoded]` for another form. */
function maskedForm(secret: string, encoding: LeakEncoding): string {
  return encoding === 'plain' ? maskToken(secret) : `[token masked: ${ENCODING_PHRASES[encoding]}]`;
}

/** `text` with every form of every secret replaced; overlapping forms are masked as one. */
export function maskAllForms(text: string, secrets: readonly string[]): string {
  return replaceSpans(text, secretSpans(text, secrets));
}

/** `text` with each span replaced; of overlapping spans, the one starting first (the widest, then the lowest rank) wins. */
function replaceSpans(text: string, found: Span[]): string {
  const spans = found.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  let masked = '';
  let last = 0;
  for (const span of spans) {
    if (span.end <= last) continue;
    masked += text.slice(last, Math.max(span.start, last)) + (span.start >= last ? span.replacement : '');
    last = span.end;
  }
  return masked + text.slice(last);
}

/** What shows in place of output holding a credential-shaped string that masking could not take out whole. */
export const WITHHELD_CREDENTIAL = '[withheld: the text holds a credential-shaped string that could not be masked]';

/** `[credential masked: a GitHub token]`, or with how it was written out: `…, base64-encoded]`. */
function credentialMask(label: string, encoding: LeakEncoding): string {
  const how = encoding === 'plain' ? '' : `, ${ENCODING_PHRASES[encoding]}`;
  return `[credential masked: ${label}${how}]`;
}

/** The parts of `text` in which credential shapes are searched, each with the encoding a match there reveals. */
function credentialParts(text: string): Array<{ part: DecodedPart; encoding: LeakEncoding }> {
  const compact = mappedView('compact', text);
  return [
    { part: mappedView('raw', text), encoding: 'plain' },
    { part: compact, encoding: 'spaced' },
    { part: mappedView('decoded', text), encoding: 'url-encoded' },
    { part: mappedView('unescaped', text), encoding: 'escaped' },
    ...mappedHex(mappedView('hex', text)).map((part) => ({ part, encoding: 'hex' as const })),
    ...mappedBase64(compact).map((part) => ({ part, encoding: 'base64' as const })),
    { part: mappedReversed(compact), encoding: 'reversed' },
  ];
}

/**
 * Where each credential-shaped string is in `text`, in any form, as spans of the original text. A
 * span of another view that overlaps a plain one is dropped: without white space, a credential
 * runs into the next line's text, which must stay shown.
 */
function credentialSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const { part, encoding } of credentialParts(text)) {
    for (const match of findCredentialShapes(part.text)) {
      const end = credentialEnd(part.text, match);
      let start = Number.POSITIVE_INFINITY;
      let stop = 0;
      for (let index = match.start; index < end; index += 1) {
        start = Math.min(start, part.from[index]!);
        stop = Math.max(stop, part.to[index]!);
      }
      spans.push({
        start,
        end: stop,
        replacement: credentialMask(CREDENTIAL_LABELS[match.kind], encoding),
        rank: encoding === 'plain' ? 0 : 1,
      });
    }
  }
  const plain = spans.filter((span) => span.rank === 0);
  return spans.filter((span) => span.rank === 0 || !plain.some((other) => span.start < other.end && other.start < span.end));
}

/**
 * `text` with every credential-shaped string masked, in any form the leak scanner finds it in;
 * when one is still found after masking (forms overlapping in ways a span cannot cover), the whole
 * text is withheld instead.
 */
export function maskCredentials(text: string): string {
  if (scanCredentials(text).length === 0) return text;
  const masked = replaceSpans(text, credentialSpans(text));
  return scanCredentials(masked).length === 0 ? masked : WITHHELD_CREDENTIAL;
}
