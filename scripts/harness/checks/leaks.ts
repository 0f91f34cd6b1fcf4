// What the token-leak check knows of a run: the leaks its runner saw while the output streamed,
// and those in the output it kept (for a runner that does not watch), in one sentence.
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
