// What the token-leak check knows of a run: the leaks of the token its runner saw while the output
// streamed, and those of the token or of a secret the program sent in the output it kept, in one
// sentence.
import type { LeakFinding, RunResult } from '../../runners/runner-contract.ts';
import { ENCODING_PHRASES } from '../../secrets/encodings.ts';
import { scanText } from '../../secrets/stream-scan.ts';

/** Every leak of `token` in a run: streamed findings and a scan of the kept output, without repeats. */
export function leaksOf(run: Pick<RunResult, 'stdout' | 'stderr' | 'leaks'>, token: string): LeakFinding[] {
  const kept = (['stdout', 'stderr'] as const).flatMap((stream) =>
    scanText(run[stream], [token]).map((encoding) => ({ stream, encoding })),
  );
  const all = [...(run.leaks ?? []), ...kept];
  return all.filter((leak, index) => all.findIndex((other) => other.stream === leak.stream && other.encoding === leak.encoding) === index);
}

/** Every leak of `secret` in the output a run kept (not the streamed findings, which are the token's alone). */
export function keptLeaksOf(run: Pick<RunResult, 'stdout' | 'stderr'>, secret: string): LeakFinding[] {
  return (['stdout', 'stderr'] as const).flatMap((stream) => scanText(run[stream], [secret]).map((encoding) => ({ stream, encoding })));
}

/** "printed base64-encoded to stdout and as is to stderr": how and where, never the token. */
export function describeLeaks(leaks: readonly LeakFinding[]): string {
  const byStream = (['stdout', 'stderr'] as const)
    .map((stream) => ({
      stream,
      phrases: leaks.filter((leak) => leak.stream === stream).map((leak) => ENCODING_PHRASES[leak.encoding] || 'as is'),
    }))
    .filter(({ phrases }) => phrases.length > 0);
  const parts = byStream.map(({ stream, phrases }) =>
    phrases.length === 1 && phrases[0] === 'as is' ? `to ${stream}` : `${phrases.join(' and ')} to ${stream}`,
  );
  return `printed ${parts.join(', and ')}`;
}
