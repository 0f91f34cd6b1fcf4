// Masks secrets in a text in every form the leak scanner recognises: plain, spaced out, URL-, base64-
// or hex-encoded, reversed. Used on everything shown to a person (reports, logs), never on streams.
import { ENCODING_PHRASES, needlesFor, type LeakEncoding } from './encodings.ts';
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
  const spans = secretSpans(text, secrets).sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  let masked = '';
  let last = 0;
  for (const span of spans) {
    if (span.end <= last) continue;
    masked += text.slice(last, Math.max(span.start, last)) + (span.start >= last ? span.replacement : '');
    last = span.end;
  }
  return masked + text.slice(last);
}
