// Watches a program's output stream for secrets in any usual encoding, chunk by chunk as it
// arrives, with whatever spans two chunks carried over: it sees all of the output, also what is
// past the part a run keeps, in time linear in the output's length. It looks for two things in the
// same views of the text: the secrets it is given (the token, by value), and, when asked, anything
// shaped like a common credential (credentials.ts), decoded from base64 or hex or reversed too.
import { StringDecoder } from 'node:string_decoder';
import { CREDENTIAL_WINDOW, findCredentialShapes, type CredentialKind } from './credentials.ts';
import { base64Decoded, hexDecoded, mayHoldBase64, mayHoldHex, mayHoldReversed, reversedText } from './decoded-views.ts';
import { longestNeedle, needlesFor, type LeakEncoding, type Needle } from './encodings.ts';
import { VIEW_NAMES, heldBack, viewOfChunk, viewSource, type ViewName } from './views.ts';

/** Told how many characters each step looked at, so a test can prove the work grows linearly. */
export type WorkCounter = (characters: number) => void;

/** A credential-shaped string in a stream: its kind and how it was written out (never its value). */
export interface CredentialFinding {
  kind: CredentialKind;
  encoding: LeakEncoding;
}

/** Scans one stream; `findings()` lists each encoding in which a secret appeared, in order of discovery. */
export interface LeakScanner {
  write(chunk: Uint8Array | string): void;
  /** Scans what is still held back, when the stream has ended; later calls do nothing. */
  end(): void;
  findings(): LeakEncoding[];
  /** Each kind of credential seen and how it was written out (only with `credentials: true`). */
  credentialFindings(): CredentialFinding[];
}

/** What a scanner looks for beyond the secrets it is given. */
export interface ScannerOptions {
  /** Also look for anything shaped like a common credential (credentials.ts). */
  credentials?: boolean;
}

// Chunks are gathered to at least this many characters before a scan, so a stream of tiny
// writes costs no more per character than one big write.
const BATCH_CHARACTERS = 16 * 1024;

/** The encoding a credential found in each view reveals (the folded view is not searched: a credential's case matters). */
const CREDENTIAL_ENCODING: Partial<Record<ViewName, LeakEncoding>> = {
  raw: 'plain',
  compact: 'spaced',
  decoded: 'url-encoded',
  unescaped: 'escaped',
  hex: 'hex',
};

interface ViewState {
  view: ViewName;
  needles: Needle[];
  /** Whether credential shapes are searched in this view. */
  shapes: boolean;
  /** Characters of the view's source waiting for the next chunk (an escape cut in two). */
  pending: string;
  /** The end of the view so far, long enough to hold all but one character of any needle. */
  tail: string;
  /** How many characters `tail` keeps. */
  keep: number;
}

/** A scanner for `secrets` (empty: a scanner that finds nothing unless asked for credentials). */
export function createLeakScanner(
  secrets: readonly string[],
  countWork: WorkCounter = () => {},
  options: ScannerOptions = {},
): LeakScanner {
  const needles = secrets.filter((secret) => secret.length >= 8).flatMap(needlesFor);
  const needleKeep = Math.max(longestNeedle(needles) - 1, 0);
  const wantsShapes = options.credentials === true;
  const states: ViewState[] = VIEW_NAMES.map((view) => {
    const shapes = wantsShapes && CREDENTIAL_ENCODING[view] !== undefined;
    const shapeKeep = shapes ? (view === 'hex' ? 2 : 1) * CREDENTIAL_WINDOW : 0;
    return {
      view,
      needles: needles.filter((needle) => needle.view === view),
      shapes,
      pending: '',
      tail: '',
      keep: Math.max(needleKeep, shapeKeep),
    };
  }).filter((state) => state.needles.length > 0 || state.shapes);
  const found: LeakEncoding[] = [];
  const credentials: CredentialFinding[] = [];
  const decoder = new StringDecoder('utf8');
  let batch = '';
  let ended = false;

  const noteShapes = (text: string, encoding: LeakEncoding) => {
    countWork(text.length);
    for (const match of findCredentialShapes(text)) {
      if (!credentials.some((seen) => seen.kind === match.kind && seen.encoding === encoding))
        credentials.push({ kind: match.kind, encoding });
    }
  };

  /**
   * Credential shapes in one view's text; the compact view also yields the base64-decoded and
   * reversed texts. An encoded text is decoded only when an anchor's encoding is in it.
   */
  const scanShapes = (view: ViewName, hay: string) => {
    countWork(hay.length);
    if (view === 'hex') {
      if (mayHoldHex(hay)) for (const decoded of hexDecoded(hay)) noteShapes(decoded, 'hex');
      return;
    }
    noteShapes(hay, CREDENTIAL_ENCODING[view]!);
    if (view !== 'compact') return;
    if (mayHoldBase64(hay)) for (const decoded of base64Decoded(hay)) noteShapes(decoded, 'base64');
    if (mayHoldReversed(hay)) noteShapes(reversedText(hay), 'reversed');
  };

  // The compact view is also the source of the decoded, unescaped and folded views: built once per chunk.
  const compact = { pending: '' };
  const scan = (text: string, final: boolean) => {
    const compactInput = compact.pending + text;
    const compactHold = final ? 0 : heldBack('compact', compactInput);
    compact.pending = compactInput.slice(compactInput.length - compactHold);
    const sources = { raw: text, compact: viewOfChunk('compact', compactInput.slice(0, compactInput.length - compactHold)) };
    for (const state of states) {
      let hay: string;
      if (state.view === 'compact') {
        hay = state.tail + sources.compact;
      } else {
        const input = state.pending + sources[viewSource(state.view)];
        const hold = final ? 0 : heldBack(state.view, input);
        state.pending = input.slice(input.length - hold);
        hay = state.tail + viewOfChunk(state.view, input.slice(0, input.length - hold));
      }
      for (const needle of state.needles) {
        countWork(hay.length);
        if (hay.includes(needle.text) && !found.includes(needle.encoding)) found.push(needle.encoding);
      }
      state.needles = state.needles.filter((needle) => !found.includes(needle.encoding));
      if (state.shapes) scanShapes(state.view, hay);
      state.tail = state.keep === 0 ? '' : hay.slice(-state.keep);
    }
  };

  return {
    write(chunk) {
      if (states.length === 0) return;
      batch += typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (batch.length >= BATCH_CHARACTERS) {
        scan(batch, false);
        batch = '';
      }
    },
    end() {
      if (states.length === 0 || ended) return;
      ended = true;
      scan(batch + decoder.end(), true);
      batch = '';
    },
    findings: () => withoutImplied(found),
    credentialFindings: () =>
      [...new Set(credentials.map((finding) => finding.kind))].flatMap((kind) =>
        withoutImplied(credentials.filter((finding) => finding.kind === kind).map((finding) => finding.encoding)).map((encoding) => ({
          kind,
          encoding,
        })),
      ),
  };
}

/** Drops encodings another finding implies (a plain token is also in the compact and decoded views). */
function withoutImplied(found: readonly LeakEncoding[]): LeakEncoding[] {
  const has = (encoding: LeakEncoding) => found.includes(encoding);
  const plainOrSpaced = has('plain') || has('spaced');
  const urlEncoded = has('url-encoded') && !plainOrSpaced && !has('reversed');
  const escaped = has('escaped') && !plainOrSpaced;
  return found.filter((encoding) => {
    if (encoding === 'spaced') return !has('plain');
    if (encoding === 'case-changed') return !plainOrSpaced;
    if (encoding === 'url-encoded') return urlEncoded;
    if (encoding === 'escaped') return escaped;
    // A token URL-encoded or escaped in full (`%75%2D…`, `\x75\x2d…`) is hex digits too.
    if (encoding === 'hex') return !urlEncoded && !escaped;
    return true;
  });
}

/** The encodings in which any of `secrets` appears in `text`. */
export function scanText(text: string, secrets: readonly string[], countWork?: WorkCounter): LeakEncoding[] {
  const scanner = createLeakScanner(secrets, countWork);
  scanner.write(text);
  scanner.end();
  return scanner.findings();
}

/** Every kind of credential-shaped string in `text`, and how each was written out. */
export function scanCredentials(text: string, countWork?: WorkCounter): CredentialFinding[] {
  const scanner = createLeakScanner([], countWork, { credentials: true });
  scanner.write(text);
  scanner.end();
  return scanner.credentialFindings();
}
